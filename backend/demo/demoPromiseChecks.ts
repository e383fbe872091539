import { CronExpressionParser } from 'cron-parser';

import type { ArgoDocument, NodeDocument, WorkflowDocument } from '../argo/extract/documents';
import { DEMO_CRONS, DEMO_TEMPLATES } from './catalog';
import { DAY, HOUR } from './demoTestKit';

/**
 * The catalog's promises, checked on written documents with this file's own arithmetic (nothing from
 * the generator but the catalog's names), at the history's end `endMs` over its `days`.
 */
export interface Written {
  docs: ArgoDocument[];
  endMs: number;
  days: number;
}

export const runsOf = (docs: ArgoDocument[], template: string) =>
  docs.filter((d): d is WorkflowDocument => d.doc_kind === 'workflow' && d.workflow.template === template);
export const stepsOf = (docs: ArgoDocument[], template: string, task: string) =>
  docs.filter((d): d is NodeDocument => d.doc_kind === 'node' && d.workflow.template === template && d.node.display_name === task);
export const startMs = (d: ArgoDocument) => Date.parse(d['@timestamp']);
const seconds = (d: ArgoDocument) => d.duration_ms! / 1000;
export const failed = (d: ArgoDocument) => d.phase === 'Failed' || d.phase === 'Error';
/** The nearest-rank p95. */
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(0.95 * values.length) - 1];

/** daily-report: more than 10 minutes late in the last 7 days; the ticks of the last 7 days without a run. */
export function dailyReportLate({ docs, endMs }: Written): number[] {
  const cron = DEMO_CRONS.dailyReport;
  const recent = runsOf(docs, cron.name).filter((d) => startMs(d) >= endMs - 7 * DAY);
  expect(recent.length).toBeGreaterThanOrEqual(4);
  for (const run of recent) {
    expect(startMs(run) - Date.parse(run.scheduled_at!)).toBeGreaterThan(10 * 60_000);
  }
  // Ticks of the last 7 days but the last half hour (a run may still be on its way, up to 25 minutes late).
  const ticks = CronExpressionParser.parse(cron.schedule, { tz: cron.timezone, currentDate: new Date(endMs - 30 * 60_000) });
  const scheduled = new Set(runsOf(docs, cron.name).map((d) => Date.parse(d.scheduled_at!)));
  const missed: number[] = [];
  for (let tick = ticks.prev().getTime(); tick >= endMs - 7 * DAY; tick = ticks.prev().getTime()) {
    if (!scheduled.has(tick)) {
      missed.push(tick);
    }
  }
  return missed;
}

export function hourlyIngestEveryTick({ docs, endMs, days }: Written): void {
  const byTick = new Map(runsOf(docs, DEMO_CRONS.hourlyIngest.name).map((d) => [Date.parse(d.scheduled_at!), d]));
  for (let tick = Math.ceil((endMs - days * DAY) / HOUR) * HOUR; tick < endMs; tick += HOUR) {
    expect([new Date(tick).toISOString(), byTick.has(tick)]).toEqual([new Date(tick).toISOString(), true]);
    expect(startMs(byTick.get(tick)!) - tick).toBeLessThan(60_000);
  }
}

export function weeklyEvalFailing({ docs, endMs }: Written): void {
  const all = runsOf(docs, DEMO_CRONS.weeklyEval.name);
  expect(all.filter((d) => startMs(d) >= endMs - 21 * DAY && d.phase === 'Succeeded')).toEqual([]);
  expect(all.filter((d) => startMs(d) >= endMs - 21 * DAY).length).toBeGreaterThanOrEqual(3);
  expect(all.some((d) => d.phase === 'Succeeded')).toBe(true);
}

export function modelTrainHeavy({ docs }: Written): void {
  const train = stepsOf(docs, DEMO_TEMPLATES.modelTrain.name, 'train').filter((d) => d.duration_ms);
  const cores = train.reduce((sum, d) => sum + d.resources!.cpu_core_seconds!, 0) / train.reduce((sum, d) => sum + seconds(d), 0);
  expect(cores).toBeGreaterThan(8);
  expect(train.filter((d) => d.resources!.memory_mib_seconds! / seconds(d) > 28 * 1024).length).toBeGreaterThan(0);
  expect(train.some((d) => (d.resources!.gpu_seconds ?? 0) > 0)).toBe(true);
}

export function featureEtlFailing({ docs, endMs }: Written): void {
  const finished = runsOf(docs, DEMO_TEMPLATES.featureEtl.name).filter((d) => d.end);
  const rate = (list: WorkflowDocument[]) => list.filter(failed).length / list.length;
  const lastDay = finished.filter((d) => startMs(d) >= endMs - DAY);
  expect(rate(lastDay)).toBeGreaterThan(0.1);
  expect(rate(lastDay)).toBeGreaterThan(rate(finished.filter((d) => startMs(d) < endMs - DAY)));
}

export function nightlyTrainingSlower({ docs, endMs }: Written): void {
  const recent = (d: ArgoDocument) => startMs(d) >= endMs - 7 * DAY;
  const train = stepsOf(docs, DEMO_CRONS.nightlyTraining.name, 'train').filter((d) => d.phase === 'Succeeded');
  expect(p95(train.filter(recent).map(seconds))).toBeGreaterThan(1.5 * p95(train.filter((d) => !recent(d)).map(seconds)));
  const all = runsOf(docs, DEMO_CRONS.nightlyTraining.name).filter((d) => d.phase === 'Succeeded');
  expect(p95(all.filter(recent).map(seconds))).toBeGreaterThan(1.5 * p95(all.filter((d) => !recent(d)).map(seconds)));
}
