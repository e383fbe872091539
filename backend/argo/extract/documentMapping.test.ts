import { DOCUMENT_MAPPINGS } from '../../elasticsearch/indexTemplate';
import type { NodeDocument, WorkflowDocument } from './documents';
import { extractWorkflow } from './extractWorkflow';
import { mappingViolations } from './templateConformance';
import { corpusWorkflow } from './testCorpus';

/**
 * The documents against the index template itself (backend/elasticsearch/indexTemplate.ts): every key
 * path must be mapped, every value of the mapped type, and every mapped field must be filled by some
 * document (but `metrics`, which workflows report themselves).
 */
type Json = Record<string, any>;

/** A real cron run from a WorkflowTemplate whose GPU step failed: an object that fills every field. */
function everyFieldRun(): Json {
  const wf = corpusWorkflow('operator_test_L10603_hr-retry-replication.json') as Json;
  wf.metadata.labels['workflows.argoproj.io/cron-workflow'] = 'nightly-train';
  wf.metadata.annotations['workflows.argoproj.io/scheduled-time'] = '2022-01-06T00:09:50Z';
  wf.spec.workflowTemplateRef = { name: 'train-pipeline' };
  wf.spec.arguments = { parameters: [{ name: 'epochs', value: '12' }] };
  wf.status.phase = 'Failed';
  wf.status.message = "child 'hr-retry-replication-1172938528' failed";
  wf.status.resourcesDuration = { cpu: 18, memory: 8, 'nvidia.com/gpu': 5 };
  wf.status.nodes['hr-retry-replication-1172938528'].resourcesDuration['nvidia.com/gpu'] = 5;
  return wf;
}

/** Every leaf path of the mapping (`node.id`, `labels`, ...). */
function mappedLeaves(properties: Record<string, any>, prefix = ''): string[] {
  return Object.entries(properties).flatMap(([key, mapping]) => (mapping.properties ? mappedLeaves(mapping.properties, `${prefix}${key}.`) : [`${prefix}${key}`]));
}

/** Every leaf path of a document, stopping at the flattened maps. */
function documentLeaves(doc: Json, prefix = ''): string[] {
  return Object.entries(doc).flatMap(([key, value]) =>
    typeof value === 'object' && !Array.isArray(value) && key !== 'labels' && key !== 'parameters' ? documentLeaves(value, `${prefix}${key}.`) : [`${prefix}${key}`]
  );
}

it('the template is strict but for metrics', () => {
  expect(DOCUMENT_MAPPINGS.dynamic).toBe('strict');
  expect(DOCUMENT_MAPPINGS.properties.metrics).toEqual({ type: 'object', dynamic: true });
});

it('fills every mapped field, and only mapped fields, from a full Argo object', () => {
  const { workflow, nodes, problems } = extractWorkflow(everyFieldRun(), { collectedAt: new Date('2022-01-06T00:11:00Z') });
  expect(problems).toEqual([]);
  const docs = [workflow!, ...nodes];
  expect(docs.flatMap(mappingViolations)).toEqual([]);
  const filled = new Set(docs.flatMap((doc) => documentLeaves(doc)));
  // node.feeds: only attempts followed by a junction (more than JOIN_AT predecessors, stepGraph.test.ts).
  expect(mappedLeaves(DOCUMENT_MAPPINGS.properties).filter((path) => !filled.has(path))).toEqual(['node.feeds', 'metrics']);
  expect(workflow).toMatchObject({
    workflow: { template: 'train-pipeline', cron: 'nightly-train' },
    scheduled_at: '2022-01-06T00:09:50Z',
    resources: { cpu_core_seconds: 18, memory_mib_seconds: 800, gpu_seconds: 5 },
    message: "child 'hr-retry-replication-1172938528' failed",
  });
});

it('the checker itself catches what Elasticsearch would reject', () => {
  expect(mappingViolations({ doc_kind: 'workflow', retries: 2, node: { retry_attempt: 1.5 }, end: 'Jan 1', labels: { a: { b: 1 } } })).toEqual([
    'retries: not in the index template',
    'node.retry_attempt: 1.5 is not an integer',
    'end: "Jan 1" is not a strict date',
    'labels.a: {"b":1} is not a string',
  ]);
});

it('the types take the document model’s own examples (docs/document-model.md)', () => {
  const workflowExample: WorkflowDocument = {
    doc_kind: 'workflow',
    '@timestamp': '2026-10-01T02:00:04Z',
    end: '2026-10-01T02:41:37Z',
    duration_ms: 2493000,
    phase: 'Failed',
    namespace: 'ml',
    workflow: { name: 'nightly-train-1790820000', uid: '5f0e6c2a-8d4b-4a57-9b1e-2f4c9d7e1a63', template: 'train-pipeline', cron: 'nightly-train' },
    resources: { cpu_core_seconds: 9342, memory_mib_seconds: 21504000, gpu_seconds: 2280 },
    labels: { team: 'vision', 'workflows.argoproj.io/cron-workflow': 'nightly-train' },
    parameters: { dataset: 'coco-2026-09', epochs: '12' },
    scheduled_at: '2026-10-01T02:00:00Z',
    message: "child 'nightly-train-1790820000-1523420144' failed",
    metrics: { images_processed: 118287, val_accuracy: 0.912 },
    collected_at: '2026-10-01T02:45:00Z',
  };
  const nodeExample: NodeDocument = {
    doc_kind: 'node',
    '@timestamp': '2026-10-01T02:09:12Z',
    end: '2026-10-01T02:41:35Z',
    duration_ms: 1943000,
    phase: 'Failed',
    namespace: 'ml',
    workflow: workflowExample.workflow,
    node: {
      id: 'nightly-train-1790820000-1523420144',
      name: 'nightly-train-1790820000.train(1)',
      display_name: 'train',
      template: 'train-model',
      type: 'Pod',
      retry_attempt: 1,
      host: 'gpu-a100-3',
    },
    resources: { cpu_core_seconds: 7772, memory_mib_seconds: 19430000, gpu_seconds: 1943 },
    labels: workflowExample.labels,
    parameters: { 'learning-rate': '0.001' },
    message: 'OOMKilled (exit code 137)',
    collected_at: '2026-10-01T02:45:00Z',
  };
  expect([workflowExample, nodeExample].flatMap(mappingViolations)).toEqual([]);
});
