import type { Workflow } from '../argo/client/argoTypes';
import { demoCronWorkflows, demoHistory, type DemoHistory } from './demoHistory';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One advance: the history at the new end, the runs new or changed since the last one, how many left the window. */
export interface LiveStep {
  history: DemoHistory;
  changed: Workflow[];
  added: number;
  dropped: number;
}

const startOf = (w: Workflow) => Date.parse(w.status!.startedAt!);

/**
 * A served demo that keeps moving with time: each advance makes the runs ticked or submitted since the
 * last end and moves the running ones on (the generator's runs depend on their tick or slot and the
 * anchor, never on the end), and drops the runs older than --days, so memory stays bounded.
 */
export class LiveDemo {
  private runs: Map<string, Workflow>;

  constructor(
    public history: DemoHistory,
    private readonly options: { seed: number; days: number }
  ) {
    this.runs = new Map(history.workflows.map((w) => [w.metadata.uid!, w]));
  }

  /** The history at nowMs (whole seconds), not yet taken: write `changed`, then `accept` it. */
  step(nowMs: number): LiveStep | undefined {
    const endMs = Math.floor(nowMs / 1000) * 1000;
    const previous = this.history;
    if (endMs <= previous.endMs) {
      return undefined;
    }
    const windowStartMs = endMs - this.options.days * DAY;
    // Runs not finished at the last end may change; a late cron starts at most 25 minutes after its tick.
    let fromMs = previous.endMs - HOUR;
    for (const workflow of this.runs.values()) {
      if (!workflow.status?.finishedAt) {
        fromMs = Math.min(fromMs, startOf(workflow) - HOUR);
      }
    }
    const recent = demoHistory({ ...this.options, endMs, anchorMs: previous.anchorMs, fromMs: Math.max(fromMs, windowStartMs) });
    const runs = new Map(this.runs);
    const changed: Workflow[] = [];
    let added = 0;
    for (const workflow of recent.workflows) {
      const uid = workflow.metadata.uid!;
      const before = runs.get(uid);
      if (before?.status?.finishedAt) {
        continue; // finished runs never change (demoAdvance.test.ts)
      }
      if (!before || JSON.stringify(before) !== JSON.stringify(workflow)) {
        added += before ? 0 : 1;
        changed.push(workflow);
        runs.set(uid, workflow);
      }
    }
    let dropped = 0;
    for (const [uid, workflow] of runs) {
      if (startOf(workflow) < windowStartMs) {
        runs.delete(uid);
        dropped++;
      }
    }
    const workflows = [...runs.values()].sort((a, b) => startOf(a) - startOf(b) || a.metadata.name!.localeCompare(b.metadata.name!));
    const cronWorkflows = demoCronWorkflows(this.options.seed, previous.anchorMs - this.options.days * DAY, workflows);
    return { history: { fromMs: windowStartMs, endMs, anchorMs: previous.anchorMs, workflows, cronWorkflows }, changed, added, dropped };
  }

  /** Takes the step (after its runs were written). */
  accept(step: LiveStep): void {
    this.history = step.history;
    this.runs = new Map(step.history.workflows.map((w) => [w.metadata.uid!, w]));
  }
}
