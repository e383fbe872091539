import { readsCollectorPrefix } from './indexPatternMatch';

// 2026-10-31T23:30Z: the collector writes runs starting now into <prefix>-2026.10.
const AT = Date.UTC(2026, 9, 31, 23, 30);

describe('readsCollectorPrefix', () => {
  it.each([
    ['argo-workflows-*', 'argo-workflows', true],
    ['argo-*', 'argo-workflows', true],
    ['*', 'ci', true],
    ['_all', 'ci', true],
    ['argo-workflows-2026.*', 'argo-workflows', true],
    ['argo-workflows-2026.10', 'argo-workflows', true],
    ['argo-workflows-2026.11', 'argo-workflows', false],
    ['argo-workflows-*', 'argo', false],
    ['argo-workflows-*', 'ci', false],
    ['ci-*, argo-workflows-*', 'argo-workflows', true],
    ['argo-*,-argo-workflows-*', 'argo-workflows', false],
    ['argo-*,-argo-ci-*', 'argo-workflows', true],
    ['-argo-*,argo-workflows-*', 'argo-workflows', true],
    ['argo-history', 'argo-workflows', false],
    ['argo.workflows-*', 'argoXworkflows', false],
  ])('%s reads the indices of prefix %s: %s', (pattern, prefix, reads) => {
    expect(readsCollectorPrefix(pattern, prefix, AT)).toBe(reads);
  });
});
