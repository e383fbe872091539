import { ANNOTATIONS, LABELS, type NodeStatus, type Workflow } from '../../argo/client/argoTypes';
import { fnv32a } from './nodeIds';
import { PIPELINES } from './pipelines';
import { generateArgoHistory } from './workflowHistory';

const history = generateArgoHistory({ workflows: 3000, seed: 7 });
const workflows = history.workflows.map((g) => g.workflow);
const nodesOf = (w: Workflow) => Object.values(w.status?.nodes ?? {}) as NodeStatus[];

describe('generateArgoHistory', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const small = (seed: number) => JSON.stringify(generateArgoHistory({ workflows: 50, seed }));
    expect(small(3)).toBe(small(3));
    expect(small(3)).not.toBe(small(4));
  });

  it('makes exactly N workflows with unique uids and names, across namespaces and weeks', () => {
    expect(workflows).toHaveLength(3000);
    expect(new Set(workflows.map((w) => w.metadata.uid)).size).toBe(3000);
    expect(new Set(workflows.map((w) => `${w.metadata.namespace}/${w.metadata.name}`)).size).toBe(3000);
    expect(new Set(workflows.map((w) => w.metadata.namespace))).toEqual(new Set(['argo', 'data', 'ml']));
    const starts = workflows.map((w) => Date.parse(w.status!.startedAt!));
    expect((Math.max(...starts) - Math.min(...starts)) / 86_400_000).toBeGreaterThan(14);
  });

  it('names cron runs <cron>-<unix seconds of the scheduled time> and annotates that time', () => {
    const cronRuns = workflows.filter((w) => w.metadata.labels?.[LABELS.cronWorkflow]);
    expect(cronRuns.length).toBeGreaterThan(1500);
    const wrong = cronRuns.filter((run) => {
      const cron = run.metadata.labels![LABELS.cronWorkflow];
      const scheduled = run.metadata.annotations![ANNOTATIONS.scheduledTime];
      const owner = run.metadata.ownerReferences?.[0];
      return (
        run.metadata.name !== `${cron}-${Date.parse(scheduled) / 1000}` ||
        owner?.kind !== 'CronWorkflow' ||
        owner.name !== cron
      );
    });
    expect(wrong.map((w) => w.metadata.name)).toEqual([]);
    // The New York cron writes its scheduled time with the zone's offset, like the controller.
    expect(cronRuns.some((w) => /-0[45]:00$/.test(w.metadata.annotations![ANNOTATIONS.scheduledTime]))).toBe(true);
    const adHoc = workflows.filter((w) => !w.metadata.labels?.[LABELS.cronWorkflow]);
    expect(
      adHoc.every(
        (w) =>
          w.metadata.name!.startsWith(w.metadata.generateName!) &&
          w.metadata.name!.length === w.metadata.generateName!.length + 5
      )
    ).toBe(true);
  });

  it('builds node maps shaped like the controller: ids, boundaries, children, retries', () => {
    // Plain checks collected into one list: 3000 × ~16 nodes is too many for one expect each.
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => ok || problems.push(what);
    for (const w of workflows) {
      const nodes = w.status!.nodes!;
      const name = w.metadata.name!;
      check(/^(DAG|Steps)$/.test(nodes[name]?.type ?? ''), `${name}: root node`);
      for (const node of nodesOf(w)) {
        check(node.id === (node.name === name ? name : `${name}-${fnv32a(node.name)}`), `${node.name}: id`);
        for (const ref of [
          ...(node.children ?? []),
          ...(node.outboundNodes ?? []),
          ...(node.boundaryID ? [node.boundaryID] : []),
        ]) {
          check(nodes[ref] !== undefined, `${node.name}: dangling reference ${ref}`);
        }
        if (node.type === 'Retry') {
          check(
            node.children!.every((c, i) => nodes[c].name === `${node.name}(${i})`),
            `${node.name}: attempts`
          );
        }
        if (node.type === 'Pod' && node.finishedAt) {
          check(
            Boolean(node.templateName && node.hostNodeName && node.resourcesDuration?.cpu !== undefined),
            `${node.name}: pod fields`
          );
          check(node.phase === 'Error' || node.outputs?.exitCode !== undefined, `${node.name}: exit code`);
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    const counts = workflows.map((w) => nodesOf(w).length);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(mean).toBeGreaterThan(14);
    expect(Math.max(...counts)).toBeLessThanOrEqual(24);
  });

  it('has successes, retried successes, failures with messages, errors and running runs', () => {
    const phases = new Map<string, number>();
    workflows.forEach((w) => phases.set(w.status!.phase!, (phases.get(w.status!.phase!) ?? 0) + 1));
    expect(phases.get('Succeeded')).toBeGreaterThan(2000);
    expect(phases.get('Failed')).toBeGreaterThan(100);
    expect(phases.get('Error')).toBeGreaterThan(20);
    expect(phases.get('Running')).toBeGreaterThanOrEqual(1);
    const failed = workflows.filter((w) => w.status!.phase === 'Failed');
    expect(failed.every((w) => /^child '.+' failed$/.test(w.status!.message!))).toBe(true);
    const nodes = workflows.flatMap(nodesOf);
    expect(nodes.some((n) => n.type === 'Retry' && n.message === 'No more retries left')).toBe(true);
    expect(nodes.some((n) => n.type === 'Retry' && n.phase === 'Succeeded' && n.children!.length > 1)).toBe(true);
    const running = workflows.filter((w) => w.status!.phase === 'Running');
    expect(running.every((w) => w.status!.finishedAt === null && nodesOf(w).some((n) => n.finishedAt === null))).toBe(
      true
    );
  });

  it('keeps recent finished runs live and archived, older ones archived only, running ones live', () => {
    const wrong = history.workflows.filter((g) => {
      const running = g.workflow.status!.phase === 'Running';
      const archivedLabel = g.workflow.metadata.labels?.[LABELS.archivingStatus] === 'Archived';
      return (g.storage === 'live') !== running || archivedLabel !== (g.storage === 'both');
    });
    expect(wrong.map((g) => g.workflow.metadata.name)).toEqual([]);
    expect(new Set(history.workflows.map((g) => g.storage))).toEqual(new Set(['live', 'both', 'archived']));
  });

  it('makes a CronWorkflow per cron pipeline whose status matches its runs', () => {
    expect(history.cronWorkflows.map((c) => c.metadata.name)).toEqual(
      PIPELINES.filter((p) => p.kind === 'cron').map((p) => p.name)
    );
    for (const cron of history.cronWorkflows) {
      const runs = workflows.filter((w) => w.metadata.labels?.[LABELS.cronWorkflow] === cron.metadata.name);
      expect(cron.spec.schedules).toHaveLength(1);
      expect(cron.status!.succeeded).toBe(runs.filter((w) => w.status!.phase === 'Succeeded').length);
      expect(cron.status!.active!.map((a) => a.name)).toEqual(
        runs.filter((w) => w.status!.phase === 'Running').map((w) => w.metadata.name)
      );
    }
  });
});
