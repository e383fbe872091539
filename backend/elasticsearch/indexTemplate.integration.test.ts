import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { Client } from '@elastic/elasticsearch';

import { main } from '../cli/installTemplate';
import { elasticsearchUrl } from '../test/elasticsearch';
import { templateTarget } from './indexTemplate';
import { installIndexTemplate, MappingConflictError } from './installIndexTemplate';

/**
 * The index template against the real Elasticsearch node (which has no ILM): install, index the example
 * documents of docs/document-model.md, read the mapping back, idempotency, conflicts, the CLI.
 */
const run = `${Date.now()}-${process.pid}`;
const prefix = `argoperf-tmpl-${run}`;
const target = templateTarget(prefix);
let client: Client;
let ilmPresent: boolean;

/** The JSON examples of docs/document-model.md, so that the documentation cannot drift from the template. */
function documentedExamples(): Array<Record<string, unknown>> {
  const text = readFileSync(resolve(__dirname, '../../docs/document-model.md'), 'utf8');
  return [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1])).filter((doc) => 'doc_kind' in doc);
}

function captureOutput() {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...args) => void out.push(args.join(' ')));
  const error = jest.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
  return {
    out,
    err,
    restore: () => {
      log.mockRestore();
      error.mockRestore();
    },
  };
}

beforeAll(async () => {
  client = new Client({ node: elasticsearchUrl() });
  const status = await client.transport.request({ method: 'GET', path: '/_ilm/status' }, { ignore: [400, 404, 405], meta: true });
  ilmPresent = status.statusCode === 200;
});
afterAll(async () => {
  await client.indices.delete({ index: `argoperf-tmpl-*${run}*`, ignore_unavailable: true, allow_no_indices: true });
  await client.indices.deleteIndexTemplate({ name: `argoperf-tmpl-*${run}*` }, { ignore: [404] });
  await client.close();
});

describe('installIndexTemplate', () => {
  it('installs the template, and says that retention is not managed on a node without ILM', async () => {
    const report = await installIndexTemplate(client, target, { retentionDays: 30 });
    expect(report.template).toEqual({ name: prefix, indexPatterns: [`${prefix}-*`], status: 'created' });
    // Our test node has no x-pack: this proves the "not managed" path only.
    expect(ilmPresent).toBe(false);
    expect(report.retention).toEqual({ managed: false, reason: expect.stringMatching(/no index lifecycle management.*retention is not managed/) });
  });

  it('gives new indices the documented mapping and accepts the documented examples', async () => {
    const index = `${prefix}-2026.10`;
    const examples = documentedExamples();
    expect(examples.map((doc) => doc.doc_kind)).toEqual(['workflow', 'node']);
    await client.indices.create({ index, settings: { number_of_replicas: 0 } });
    for (const [i, doc] of examples.entries()) {
      await client.index({ index, id: String(i), document: doc, refresh: true });
    }
    const mapping = (await client.indices.getMapping({ index }))[index].mappings;
    const props = mapping.properties as Record<string, any>;
    expect(mapping.dynamic).toBe('strict');
    expect(props.doc_kind.type).toBe('keyword');
    expect(props['@timestamp'].type).toBe('date');
    expect(props.scheduled_at.type).toBe('date');
    expect(props.duration_ms.type).toBe('long');
    expect(props.workflow.properties.cron.type).toBe('keyword');
    expect(props.node.properties.retry_attempt.type).toBe('integer');
    expect(props.node.properties.host.type).toBe('keyword');
    expect(props.resources.properties.memory_mib_seconds.type).toBe('double');
    expect(props.labels.type).toBe('flattened');
    expect(props.parameters.type).toBe('flattened');
    expect(props.message).toMatchObject({ type: 'keyword', fields: { text: { type: 'text' } } });
    // Dynamic numeric metrics: an integer and a fraction both become double.
    expect(props.metrics.properties.images_processed.type).toBe('double');
    expect(props.metrics.properties.val_accuracy.type).toBe('double');
    const settings = (await client.indices.getSettings({ index }))[index].settings?.index;
    expect(settings).toMatchObject({ codec: 'best_compression', refresh_interval: '10s', number_of_shards: '1' });

    const search = await client.search({ index, query: { term: { 'labels.team': 'vision' } }, aggs: { gpu: { sum: { field: 'resources.gpu_seconds' } } } });
    expect(search.hits.hits).toHaveLength(2);
    expect((search.aggregations?.gpu as { value: number }).value).toBe(2280 + 1943);

    await expect(client.index({ index, document: { ...examples[0], workflow_name: 'x' } })).rejects.toThrow(/strict_dynamic_mapping_exception.*workflow_name/);
  });

  it('reports "unchanged" when run again, and "updated" after the stored template was changed', async () => {
    expect((await installIndexTemplate(client, target)).template.status).toBe('unchanged');
    const stored = (await client.indices.getIndexTemplate({ name: prefix })).index_templates[0].index_template;
    await client.indices.putIndexTemplate({ name: prefix, ...stored, template: { ...stored.template, settings: { index: { refresh_interval: '1s' } } } } as never);
    expect((await installIndexTemplate(client, target)).template.status).toBe('updated');
    expect((await installIndexTemplate(client, target)).template.status).toBe('unchanged');
  });

  it('adds fields new in this document model to indices created from an older template, so their strict mapping takes new documents', async () => {
    const upgraded = templateTarget(`argoperf-tmpl-upgrade-${run}`);
    const index = `argoperf-tmpl-upgrade-${run}-2026.11`;
    // The node fields of document model version 1: no node.step.
    const v1Node = { properties: { id: { type: 'keyword' }, name: { type: 'keyword' }, display_name: { type: 'keyword' }, retry_attempt: { type: 'integer' } } };
    await client.indices.create({
      index,
      settings: { number_of_replicas: 0 },
      mappings: { dynamic: 'strict', properties: { doc_kind: { type: 'keyword' }, node: v1Node } as never },
    });
    const node = { doc_kind: 'node', node: { id: 'n1', name: 'run.shard(3:part-3)', display_name: 'shard(3:part-3)', step: 'shard', retry_attempt: 0 } };
    await expect(client.index({ index, document: node })).rejects.toThrow(/strict_dynamic_mapping_exception.*step/);

    await installIndexTemplate(client, upgraded);
    const props = (await client.indices.getMapping({ index }))[index].mappings.properties as Record<string, any>;
    expect(props.node.properties.step.type).toBe('keyword');
    expect(props.node.properties.display_name.type).toBe('keyword');
    await client.index({ index, document: node, refresh: true });
    const found = await client.search({ index, query: { term: { 'node.step': 'shard' } } });
    expect(found.hits.hits).toHaveLength(1);
  });

  it('refuses, naming the index and the field, when an existing index maps one of our fields differently', async () => {
    const other = templateTarget(`argoperf-tmpl-conflict-${run}`);
    const index = `argoperf-tmpl-conflict-${run}-old`;
    await client.indices.create({
      index,
      settings: { number_of_replicas: 0 },
      mappings: { properties: { duration_ms: { type: 'float' }, phase: { type: 'keyword' }, labels: { properties: { team: { type: 'keyword' } } } } },
    });
    const attempt = installIndexTemplate(client, other);
    await expect(attempt).rejects.toBeInstanceOf(MappingConflictError);
    await expect(attempt).rejects.toThrow(`index ${index} maps field "duration_ms" as float, the template maps it as long`);
    await expect(attempt).rejects.toThrow('maps field "labels" as object, the template maps it as flattened');
    const template = await client.indices.getIndexTemplate({ name: other.name }, { ignore: [404], meta: true });
    expect(template.statusCode).toBe(404);
  });
});

describe('install-template command', () => {
  it('--dry-run prints the template with the lifecycle setting and the policy, and contacts nothing', async () => {
    const output = captureOutput();
    try {
      expect(await main(['--dry-run', '--index-prefix', `argoperf-tmpl-dry-${run}`, '--retention-days', '30'], {})).toBe(0);
    } finally {
      output.restore();
    }
    const planned = JSON.parse(output.out.join('\n'));
    expect(planned.index_template.name).toBe(`argoperf-tmpl-dry-${run}`);
    expect(planned.index_template.body.index_patterns).toEqual([`argoperf-tmpl-dry-${run}-*`]);
    expect(planned.index_template.body.template.settings['index.lifecycle.name']).toBe(`argoperf-tmpl-dry-${run}`);
    expect(planned.lifecycle_policy.body.phases.delete).toEqual({ min_age: '30d', actions: { delete: {} } });
    expect(output.err.join('\n')).toMatch(/nothing was installed/);
    const template = await client.indices.getIndexTemplate({ name: `argoperf-tmpl-dry-${run}` }, { ignore: [404], meta: true });
    expect(template.statusCode).toBe(404);
  });

  it('installs, reports, and never prints the password', async () => {
    const secret = 'pa55-w0rd-not-to-print';
    const args = ['--url', elasticsearchUrl(), '--index-prefix', `argoperf-tmpl-cli-${run}`, '--username', 'argoperf'];
    const first = captureOutput();
    try {
      expect(await main(args, { ES_PASSWORD: secret })).toBe(0);
      expect(await main(args, { ES_PASSWORD: secret })).toBe(0);
    } finally {
      first.restore();
    }
    const text = [...first.out, ...first.err].join('\n');
    expect(text).toContain(`index template argoperf-tmpl-cli-${run} (argoperf-tmpl-cli-${run}-*): created`);
    expect(text).toContain(`index template argoperf-tmpl-cli-${run} (argoperf-tmpl-cli-${run}-*): unchanged`);
    expect(text).toMatch(/retention is not managed.*delete those older than 365 days yourself/);
    expect(text).not.toContain(secret);
  });

  it('exits 1 with the conflict on stderr', async () => {
    const output = captureOutput();
    try {
      expect(await main(['--url', elasticsearchUrl(), '--index-prefix', `argoperf-tmpl-conflict-${run}`], {})).toBe(1);
    } finally {
      output.restore();
    }
    expect(output.err.join('\n')).toMatch(/refusing to install the index template: .*"duration_ms" as float/);
  });
});
