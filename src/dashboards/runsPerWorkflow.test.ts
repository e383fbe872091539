import { firstValueFrom } from 'rxjs';
import {
  FieldType,
  standardTransformers,
  standardTransformersRegistry,
  toDataFrame,
  transformDataFrame,
  type DataFrame,
  type TransformerRegistryItem,
} from '@grafana/data';

import { runsPerWorkflow } from './runsPerWorkflow';

/** One outcomes frame as the backend answers it (docs/contracts.md, "Query outcomes"). */
const outcomeFrame = (workflow: string, outcome: string, counts: number[]): DataFrame =>
  toDataFrame({
    fields: [
      { name: 'time', type: FieldType.time, values: counts.map((_, i) => i * 86_400_000) },
      { name: 'runs', type: FieldType.number, values: counts, labels: { namespace: 'ml-training', workflow, outcome } },
    ],
  });

beforeAll(() => {
  // Grafana registers its standard transformers once each (two entries of the list share an id).
  const unique = new Map(Object.values(standardTransformers).map((info) => [info.id, info]));
  standardTransformersRegistry.setInit(() => [...unique.values()].map((info) => ({ id: info.id, aliasIds: info.aliasIds, name: info.name, transformation: info })) as unknown as TransformerRegistryItem[]);
});

test("Grafana's transformations turn outcome series into one row per workflow with its success rate", async () => {
  const { panel } = runsPerWorkflow({ namespaces: ['$namespace'], workflows: ['$workflow'] });
  const frames = [
    outcomeFrame('model-train', 'succeeded', [3, 5]),
    outcomeFrame('model-train', 'failed', [1, 0]),
    outcomeFrame('model-train', 'error', [0, 1]),
    outcomeFrame('feature-etl', 'succeeded', [1]),
    outcomeFrame('feature-etl', 'failed', [3]),
    outcomeFrame('feature-etl', 'error', [0]),
  ];
  const [table] = await firstValueFrom(transformDataFrame(panel.transformations as never, frames));
  const column = (name: string) => table.fields.find((f) => (f.config.displayName ?? f.name) === name)?.values;
  // model-train: 8 succeeded, 1 failed, 1 error → 10 runs, 80 %; feature-etl: 1 of 4 → 25 %; most runs first
  expect(column('workflow')).toEqual(['model-train', 'feature-etl']);
  expect(column('runs')).toEqual([10, 4]);
  expect(column('success rate')).toEqual([0.8, 0.25]);
  expect(column('failed')).toEqual([1, 3]);
  expect(column('error')).toEqual([1, 0]);
});
