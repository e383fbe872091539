import type { Workflow } from '../argo/client/argoTypes';
import { demoHistory } from './demoHistory';
import { DAY, DAYS, END_MS, HOUR } from './demoTestKit';

/**
 * For one anchor, a later end only adds: every run an earlier end finished is there again byte for byte,
 * and every run then running is there with the same name, uid and start (further on, or finished).
 */
const ANCHOR = END_MS - 3 * DAY;
const byUid = (workflows: Workflow[]) => new Map(workflows.map((w) => [w.metadata.uid!, w]));

it.each([
  ['2 hours', 2 * HOUR + 17_000],
  ['1 day', DAY],
  ['a minute, just after a tick', 61_000],
])('the history %s later holds the earlier one', (_label, stepMs) => {
  const earlier = demoHistory({ seed: 42, days: DAYS, endMs: ANCHOR + 7 * 60_000, anchorMs: ANCHOR });
  const later = byUid(demoHistory({ seed: 42, days: DAYS, endMs: earlier.endMs + stepMs, anchorMs: ANCHOR }).workflows);
  let finished = 0;
  let running = 0;
  for (const workflow of earlier.workflows) {
    const again = later.get(workflow.metadata.uid!);
    if (Date.parse(workflow.status!.startedAt!) < earlier.endMs + stepMs - DAYS * DAY) {
      continue; // left the window
    }
    expect([workflow.metadata.name, again?.metadata.name]).toEqual([workflow.metadata.name, workflow.metadata.name]);
    if (workflow.status!.finishedAt) {
      expect(JSON.stringify(again)).toBe(JSON.stringify(workflow));
      finished++;
    } else {
      expect(again!.status!.startedAt).toBe(workflow.status!.startedAt);
      running++;
    }
  }
  expect(finished).toBeGreaterThan(1000);
  expect(running).toBeGreaterThanOrEqual(3);
}, 120_000);

it('a history of only the recent runs holds them exactly as the whole history does', () => {
  const endMs = ANCHOR + 5 * HOUR;
  const whole = byUid(demoHistory({ seed: 42, days: DAYS, endMs, anchorMs: ANCHOR }).workflows);
  const recent = demoHistory({ seed: 42, days: DAYS, endMs, anchorMs: ANCHOR, fromMs: endMs - 12 * HOUR });
  expect(recent.workflows.length).toBeGreaterThan(10);
  for (const workflow of recent.workflows) {
    expect(JSON.stringify(workflow)).toBe(JSON.stringify(whole.get(workflow.metadata.uid!)));
  }
}, 120_000);
