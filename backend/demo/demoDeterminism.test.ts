import { extractWorkflow } from '../argo/extract/extractWorkflow';
import { demoHistory } from './demoHistory';
import { DAYS, END_MS } from './demoTestKit';

/** The same seed and end give the same documents; another seed gives others. */
function documents(seed: number): string[] {
  const history = demoHistory({ seed, days: DAYS, endMs: END_MS });
  const collectedAt = new Date(END_MS);
  return history.workflows.flatMap((w) => {
    const { workflow, nodes } = extractWorkflow(w, { collectedAt });
    return [workflow, ...nodes].map((d) => JSON.stringify(d));
  });
}

it('gives identical documents for the same seed, and different ones for another seed', () => {
  const first = documents(42);
  expect(documents(42)).toEqual(first);
  const other = documents(7);
  const shared = new Set(first);
  expect(other.filter((d) => shared.has(d)).length).toBeLessThan(other.length / 100);
}, 120_000);
