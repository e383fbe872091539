import { matchesLabels, parseLabelSelector } from './labelSelector';

const labels = { 'workflows.argoproj.io/phase': 'Failed', team: 'data' };
const matches = (selector: string) => matchesLabels(parseLabelSelector(selector), labels);

describe('label selectors', () => {
  it('evaluates =, ==, !=, in, notin, exists and !exists', () => {
    expect(matches('team=data')).toBe(true);
    expect(matches('team==data,workflows.argoproj.io/phase=Failed')).toBe(true);
    expect(matches('team!=data')).toBe(false);
    expect(matches('workflows.argoproj.io/phase in (Running,Failed)')).toBe(true);
    expect(matches('workflows.argoproj.io/phase notin (Running, Failed)')).toBe(false);
    expect(matches('team')).toBe(true);
    expect(matches('!team')).toBe(false);
    expect(matches('!workflows.argoproj.io/cron-workflow')).toBe(true);
    expect(matches('')).toBe(true);
  });

  it('rejects malformed selectors', () => {
    expect(() => parseLabelSelector('team=data,=x')).toThrow(/unable to parse requirement/);
    expect(() => parseLabelSelector('bad key!')).toThrow(/invalid label key/);
  });
});
