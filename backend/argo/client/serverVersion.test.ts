import { parseArgoVersion, serverFeatures } from './serverVersion';

describe('server versions', () => {
  it('parses release strings and takes anything else as the newest', () => {
    expect(parseArgoVersion('v3.7.12')).toEqual({ major: 3, minor: 7, patch: 12, known: true });
    expect(parseArgoVersion('4.1.2+f016ad8')).toMatchObject({ major: 4, minor: 1, patch: 2 });
    expect(parseArgoVersion('latest')).toMatchObject({ major: 99, known: false });
  });

  it('gates features on the versions in the notes', () => {
    expect(serverFeatures('v3.4.18')).toEqual({
      offsetTokens: false,
      argoFieldSelectors: false,
      continueNeedsRemainingCount: false,
      listMergesArchive: false,
      createdAfterFilter: false,
      archiveNamespaceParam: true,
      getByUid: false,
    });
    expect(serverFeatures('v3.4.4').archiveNamespaceParam).toBe(false);
    expect(serverFeatures('v3.5.6').offsetTokens).toBe(false);
    expect(serverFeatures('v3.5.7')).toMatchObject({
      offsetTokens: true,
      argoFieldSelectors: true,
      listMergesArchive: true,
      continueNeedsRemainingCount: false,
    });
    expect(serverFeatures('v3.7.11')).toMatchObject({ createdAfterFilter: true, getByUid: true });
    expect(serverFeatures('v4.0.1')).toMatchObject({ continueNeedsRemainingCount: true, getByUid: false });
    expect(serverFeatures('v4.1.2')).toMatchObject({ continueNeedsRemainingCount: true, getByUid: true });
  });
});
