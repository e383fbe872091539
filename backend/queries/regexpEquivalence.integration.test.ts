import { Client } from '@elastic/elasticsearch';

import { queryData } from '../handlers/queryData';
import { decodeTable } from '../test/decodeFrames';
import { createHistoryIndex, elasticsearchUrl } from '../test/elasticsearch';
import type { HistoryDoc } from '../test/history';
import { dataQuery, pluginContext } from '../test/pluginContext';
import { startArgoServer, type ArgoServerHandle } from '../test/argoServer/startArgoServer';
import { generateArgoHistory } from '../test/argoServer/workflowHistory';

/**
 * `=~` and `!~` mean the same on both sources: a table of patterns × values whose expected matches
 * come from the real Elasticsearch node (a `regexp` query on a plain keyword field holding the values),
 * run through the Elasticsearch path (keyword key and label key) and the Argo Server path (label key,
 * matched in memory). Patterns are chosen where Lucene's syntax and JavaScript's differ.
 */
// prettier-ignore
const VALUES = [
  '', 'a', 'b', 'ab', 'ba', 'aa', 'aaa', 'aab', 'abc', 'A', 'Ab', 'a.b', 'a-b', 'a|b', '|a', ')a', '*', '**', '~a', 'a&b', '@',
  '#', '<1-3>', '0', '00', '1', '2', '3', '4', '01', '007', '10', '11', '100', 'foo', 'foo-1', 'foo-10', 'foo-bar', 'bar-foo',
  'x y', 'x\ty', '_', 'é', '日本', '😀', 'a😀b', '"q"', 'a\\b', '[', 'a{2}', 'nightly-train-7',
];

// prettier-ignore
const PATTERNS = [
  'a', 'a.*', '.*b', 'ab|ba', 'a+b', 'a{2}', 'a{2,}', 'a{1,2}b?', 'a{0}', '[a-c]+', '[^a]+', '[^\\d]', '\\d+', '\\D', '\\s',
  '\\S+', '\\w+', '\\W', '[\\W]', '[^\\W]+', '.', '..', '~a', '~(a.*)', '~(.*-.*)', 'a&b', '.*a.*&.*b.*', '#', '@', '@foo@',
  '@-@', '<1-3>', '<01-10>', '<0-10>', '<1-100>', '<3-1>', 'foo-<1-10>', '"a|b"', 'a\\|b', '\\|a', '|a', ')a', '*', '**',
  'a\\.b', '[.]', '()', '', 'a()b', '\\\\', 'a\\\\b', '[\\\\]', '\\"q\\"', '"\\"', '.{2}', '😀', '.😀.', 'a.b', '[😀]', '[à-ê]',
  '[A-Z].', '[~]', '~[a]', '(a|b)*', '((a))', 'a*?', 'a**', '.+-.+', '[-a]', '[a\\-c]+', 'x\\sy', 'fo+', 'nightly-train-[0-9]',
  '\\@', '\\#', '~(~a)', 'a{1,}&.{3}', '[^a-z]+', '\\<1-3\\>',
  '(a|()){2,3}', '(ab|a){2}b?', '.{1,3}', '(a*){3}', '(a?){2,}', '(a|b){2,}', '~(a+)', '(~a){2}', 'a{0,0}b?', '[^\\D]+',
];

const DAY = 86_400_000;
const index = `argoperf-regexeq-${Date.now()}`;
const truthIndex = `${index}-truth`;
let client: Client;
let server: ArgoServerHandle;
/** Workflow name → value, on each source. */
const esNames = new Map<string, string>();
const argoNames = new Map<string, string>();
let esRange: { fromEpochMS: number; toEpochMS: number };
let argoRange: { fromEpochMS: number; toEpochMS: number };

beforeAll(async () => {
  client = new Client({ node: elasticsearchUrl() });
  await client.indices.create({
    index: truthIndex,
    settings: { number_of_replicas: 0 },
    mappings: { properties: { v: { type: 'keyword' } } },
  });
  await client.bulk({ refresh: true, operations: VALUES.flatMap((v) => [{ index: { _index: truthIndex } }, { v }]) });

  const start = Date.UTC(2026, 2, 1);
  const docs: HistoryDoc[] = VALUES.map((value, i) => {
    esNames.set(`probe-${i}`, value);
    return {
      doc_kind: 'workflow',
      '@timestamp': new Date(start + i * 60_000).toISOString(),
      end: new Date(start + i * 60_000 + 1000).toISOString(),
      duration_ms: 1000,
      phase: 'Succeeded',
      namespace: 'argo',
      workflow: { name: `probe-${i}`, uid: `uid-${i}`, template: value },
      labels: { probe: value },
    };
  });
  esRange = { fromEpochMS: start, toEpochMS: start + DAY };
  await createHistoryIndex(index, docs).then((c) => c.close());

  const history = generateArgoHistory({ seed: 5, workflows: VALUES.length + 20, days: 3 });
  history.workflows = history.workflows.slice(0, VALUES.length);
  expect(history.workflows).toHaveLength(VALUES.length);
  const starts = history.workflows.map(({ workflow }, i) => {
    workflow.metadata.labels = { ...workflow.metadata.labels, probe: VALUES[i] };
    argoNames.set(workflow.metadata.name!, VALUES[i]);
    return Date.parse(workflow.status!.startedAt!);
  });
  argoRange = { fromEpochMS: Math.min(...starts), toEpochMS: Math.max(...starts) + 1 };
  server = await startArgoServer({ history });
}, 120_000);

afterAll(async () => {
  await client.indices.delete({ index: [index, truthIndex] });
  await client.close();
  await server.close();
});

/** What the real node matches: the `regexp` query on a keyword field. */
async function truth(pattern: string): Promise<string[]> {
  const answer = await client.search<{ v: string }>({
    index: truthIndex,
    size: 1000,
    query: { regexp: { v: { value: pattern } } },
  });
  return answer.hits.hits.map((hit) => hit._source!.v).sort();
}

async function matched(
  source: 'elasticsearch' | 'argo',
  key: string,
  operator: string,
  pattern: string
): Promise<string[] | string> {
  // One datasource per source, as on a dashboard (one instance, its clients reused).
  const settings =
    source === 'argo' ? { argo: { url: server.url } } : { elasticsearch: { url: elasticsearchUrl(), index } };
  const json = { queryType: 'runs', source, limit: 1000, filters: { adhoc: [{ key, operator, value: pattern }] } };
  const response = await queryData(
    {
      pluginContext: pluginContext(settings, {}, `regexeq-${source}`),
      headers: {},
      queries: [dataQuery('A', json, source === 'argo' ? argoRange : esRange)],
    },
    new AbortController().signal
  );
  const answer = response.responses.A;
  if (answer.error) {
    return answer.error;
  }
  const names = source === 'argo' ? argoNames : esNames;
  return (decodeTable(answer.frames![0]).columns.workflow as string[]).map((name) => names.get(name)!).sort();
}

const complement = (values: string[]) => VALUES.filter((v) => !values.includes(v)).sort();

describe('=~ and !~ match what Elasticsearch matches, on both sources', () => {
  const paths: Array<['elasticsearch' | 'argo', string]> = [
    ['elasticsearch', 'workflow'],
    ['elasticsearch', 'label:probe'],
    ['argo', 'label:probe'],
  ];

  it.each(paths)(
    'source %s, key %s',
    async (source, key) => {
      expect((await matched(source, key, '=~', '.*')).length).toBe(VALUES.length);
      const differences: object[] = [];
      for (const pattern of PATTERNS) {
        const expected = await truth(pattern);
        const positive = await matched(source, key, '=~', pattern);
        const negative = await matched(source, key, '!~', pattern);
        if (
          JSON.stringify(positive) !== JSON.stringify(expected) ||
          JSON.stringify(negative) !== JSON.stringify(complement(expected))
        ) {
          differences.push({ pattern, expected, positive, negative });
        }
      }
      expect(differences).toEqual([]);
    },
    300_000
  );
});
