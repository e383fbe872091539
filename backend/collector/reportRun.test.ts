import type { Workflow } from '../argo/client/argoTypes';
import { inExitHandler, reportedRun, reportEnd } from './reportRun';

/** The end rule and the documents of a report, on hand-made objects with literal expected values. */
function workflow(nodes: Array<{ id: string; name: string; type?: string; phase: string; startedAt: string; finishedAt?: string | null }>): Workflow {
  return {
    metadata: { name: 'wf', namespace: 'ml', uid: 'u-1' },
    status: {
      phase: 'Running',
      startedAt: '2026-03-01T10:00:00Z',
      finishedAt: null,
      nodes: Object.fromEntries(nodes.map((n) => [n.id, { displayName: n.name, type: 'Pod', finishedAt: null, ...n }])),
    },
  };
}

const MAIN = [
  { id: 'wf', name: 'wf', type: 'Steps', phase: 'Succeeded', startedAt: '2026-03-01T10:00:00Z', finishedAt: '2026-03-01T10:05:07Z' },
  { id: 'wf-1', name: 'wf[0].a', phase: 'Succeeded', startedAt: '2026-03-01T10:00:01Z', finishedAt: '2026-03-01T10:05:06Z' },
  // A DAG task merely named like the exit handler is main work.
  { id: 'wf-2', name: 'wf.onExitLog', phase: 'Succeeded', startedAt: '2026-03-01T10:00:01Z', finishedAt: '2026-03-01T10:04:00Z' },
];
const EXIT = [
  { id: 'wf-3', name: 'wf.onExit', type: 'Steps', phase: 'Running', startedAt: '2026-03-01T10:05:08Z' },
  { id: 'wf-4', name: 'wf.onExit[0].notify(0)', phase: 'Failed', startedAt: '2026-03-01T10:05:08Z', finishedAt: '2026-03-01T10:05:30Z' },
  { id: 'wf-5', name: 'wf.onExit[0].notify(1)', phase: 'Running', startedAt: '2026-03-01T10:05:31Z' },
];
const REPORTED_AT = Date.parse('2026-03-01T10:06:00.750Z');

describe('a report of a run Argo still holds as running', () => {
  it('tells the exit handler’s nodes by name', () => {
    expect(['wf.onExit', 'wf.onExit[0].notify', 'wf.onExit(1)', 'wf.onExit.hook'].map((n) => inExitHandler(n, 'wf'))).toEqual([true, true, true, true]);
    expect(['wf', 'wf.onExitLog', 'wf[0].onExit', 'other.onExit', undefined].map((n) => inExitHandler(n, 'wf'))).toEqual([false, false, false, false, false]);
  });

  it('ends the run at the latest finish outside the exit handler, even when an exit handler node finished later', () => {
    expect(reportEnd(workflow([...MAIN, ...EXIT]), REPORTED_AT)).toBe('2026-03-01T10:05:07Z');
  });

  it('ends it at the report’s time (whole seconds) when no node outside the exit handler has finished or it finished before the start', () => {
    expect(reportEnd(workflow(EXIT), REPORTED_AT)).toBe('2026-03-01T10:06:00Z');
    const retried = workflow([{ id: 'wf-9', name: 'wf[0].a', phase: 'Succeeded', startedAt: '2026-03-01T09:00:00Z', finishedAt: '2026-03-01T09:10:00Z' }]);
    expect(reportEnd(retried, REPORTED_AT)).toBe('2026-03-01T10:06:00Z');
    // A report clock behind the run's start never gives an end before the start.
    expect(reportEnd(workflow([]), Date.parse('2026-03-01T09:59:00Z'))).toBe('2026-03-01T10:00:00Z');
  });

  it('writes the run with --status and that end, the finished nodes, and leaves out the running ones', () => {
    const { reported, problems } = reportedRun(workflow([...MAIN, ...EXIT]), 'Failed', REPORTED_AT, 'argo-workflows');
    expect(problems).toEqual([]);
    expect(reported!.alreadyFinished).toBe(false);
    expect(reported!.run).toMatchObject({ phase: 'Failed', '@timestamp': '2026-03-01T10:00:00Z', end: '2026-03-01T10:05:07Z', duration_ms: 307_000 });
    expect(reported!.operations.map((o) => [o.index, o.id])).toEqual([
      ['argo-workflows-2026.03', 'u-1'],
      ['argo-workflows-2026.03', 'u-1/wf-1'],
      ['argo-workflows-2026.03', 'u-1/wf-2'],
      ['argo-workflows-2026.03', 'u-1/wf-4'],
    ]);
    expect(reported!.stillRunning).toEqual([{ index: 'argo-workflows-2026.03', id: 'u-1/wf-5' }]);
  });

  it('keeps a finished run’s own phase and finish', () => {
    const done = workflow(MAIN);
    done.status = { ...done.status, phase: 'Succeeded', finishedAt: '2026-03-01T10:05:40Z' };
    const { reported } = reportedRun(done, 'Error', REPORTED_AT, 'p');
    expect(reported!.alreadyFinished).toBe(true);
    expect(reported!.run).toMatchObject({ phase: 'Succeeded', end: '2026-03-01T10:05:40Z', duration_ms: 340_000 });
    expect(reported!.operations).toHaveLength(3);
  });

  it('writes nothing for an object that gives no run document, and says why', () => {
    const { reported, problems } = reportedRun({ metadata: {}, status: {} } as Workflow, 'Succeeded', REPORTED_AT, 'p');
    expect(reported).toBeUndefined();
    expect(problems.join('\n')).toContain('metadata.name');
    for (const junk of [null, 'wf', 42]) {
      expect(reportedRun(junk as unknown as Workflow, 'Failed', REPORTED_AT, 'p').reported).toBeUndefined();
    }
  });
});
