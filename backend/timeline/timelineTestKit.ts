import { LABELS, type Workflow } from '../argo/client/argoTypes';
import { kubeTime } from '../test/argoServer/timeFormat';
import { seededRandom } from '../test/history';

/**
 * Test helper: a run shaped as Argo's node status holds it: DAG `fetch` → a loop `shard` of `width`
 * items (each with a retryStrategy: a Retry node, some items failing once on a lost spot instance) →
 * `publish`. It also returns, from its own generation, what the timeline must say: every attempt's
 * times, the item that ends last, and each attempt's slack.
 */
export interface LargeRun {
  workflow: Workflow;
  attempts: Array<{ id: string; item: number; attempt: number; startMs: number; endMs: number; phase: string }>;
  fetch: { id: string; startMs: number; endMs: number };
  publish: { id: string; startMs: number; endMs: number };
  /** The items whose last attempt ends last (ties at Argo's whole seconds). */
  lastItems: number[];
}

export function largeRun(name: string, namespace: string, width: number, startMs: number, seed = 5): LargeRun {
  const random = seededRandom(seed);
  const s = 1000;
  const nodes: Record<string, object> = {};
  const node = (id: string, fields: object) => (nodes[id] = { id, boundaryID: name, ...fields });
  const fetch = { id: `${name}-1`, startMs, endMs: startMs + 60 * s };
  const attempts: LargeRun['attempts'] = [];
  const itemEnds: number[] = [];
  const retries: string[] = [];
  for (let i = 0; i < width; i++) {
    const retryId = `${name}-r${i}`;
    const itemName = `${name}.shard(${i}:part-${i})`;
    const children: string[] = [];
    let release = fetch.endMs;
    const tries = i % 20 === 7 ? 2 : 1;
    for (let a = 0; a < tries; a++) {
      const begin = release + (a === 0 ? Math.floor(random() * 5) : 10) * s;
      const end = begin + (20 + Math.floor(random() * 600)) * s;
      const phase = a < tries - 1 ? 'Failed' : 'Succeeded';
      const id = `${name}-a${i}-${a}`;
      attempts.push({ id, item: i, attempt: a, startMs: begin, endMs: end, phase });
      node(id, {
        name: `${itemName}(${a})`,
        displayName: `shard(${i}:part-${i})(${a})`,
        type: 'Pod',
        templateName: 'shard',
        phase,
        startedAt: kubeTime(begin),
        finishedAt: kubeTime(end),
        hostNodeName: `node-${i % 40}`,
        ...(phase === 'Failed' ? { message: 'pod deleted' } : {}),
        resourcesDuration: { cpu: 12, memory: 30 },
        nodeFlag: { retried: a > 0 },
        children: a === tries - 1 ? [`${name}-9`] : [],
      });
      children.push(id);
      release = end;
    }
    itemEnds.push(release);
    node(retryId, { name: itemName, displayName: `shard(${i}:part-${i})`, type: 'Retry', templateName: 'shard', phase: 'Succeeded', startedAt: kubeTime(fetch.endMs), finishedAt: kubeTime(release), children });
    retries.push(retryId);
  }
  const lastEnd = Math.max(...itemEnds);
  const publish = { id: `${name}-9`, startMs: lastEnd + 2 * s, endMs: lastEnd + 32 * s };
  node(fetch.id, { name: `${name}.fetch-data`, displayName: 'fetch-data', type: 'Pod', templateName: 'fetch', phase: 'Succeeded', startedAt: kubeTime(fetch.startMs), finishedAt: kubeTime(fetch.endMs), children: [`${name}-g`] });
  node(`${name}-g`, { name: `${name}.shard`, displayName: 'shard', type: 'TaskGroup', templateName: 'shard', phase: 'Succeeded', startedAt: kubeTime(fetch.endMs), finishedAt: kubeTime(lastEnd), children: retries });
  node(publish.id, { name: `${name}.publish`, displayName: 'publish', type: 'Pod', templateName: 'publish', phase: 'Succeeded', startedAt: kubeTime(publish.startMs), finishedAt: kubeTime(publish.endMs), children: [] });
  nodes[name] = { id: name, name, displayName: name, type: 'DAG', phase: 'Succeeded', startedAt: kubeTime(startMs), finishedAt: kubeTime(publish.endMs + s), children: [fetch.id], outboundNodes: [publish.id] };
  const workflow = {
    metadata: { name, namespace, uid: `uid-${name}`, creationTimestamp: kubeTime(startMs), labels: { [LABELS.phase]: 'Succeeded', [LABELS.completed]: 'true', [LABELS.workflowTemplate]: 'large-benchmark' } },
    spec: { workflowTemplateRef: { name: 'large-benchmark' } },
    status: { phase: 'Succeeded', startedAt: kubeTime(startMs), finishedAt: kubeTime(publish.endMs + s), nodes },
  } as unknown as Workflow;
  const lastItems = itemEnds.flatMap((end, i) => (end === lastEnd ? [i] : []));
  return { workflow, attempts, fetch, publish, lastItems };
}
