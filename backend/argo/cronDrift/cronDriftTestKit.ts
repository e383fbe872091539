import { queryData } from '../../handlers/queryData';
import type { DataResponse } from '../../protocol/messages';
import { dataQuery, pluginContext } from '../../test/pluginContext';
import { generateArgoHistory, type ArgoHistory } from '../../test/argoServer/workflowHistory';
import { ANNOTATIONS, LABELS, type CronWorkflow, type Workflow } from '../client/argoTypes';

/**
 * Test kit of the cronDrift query tests: a generated Argo history (three crons, hourly and two-hourly,
 * runs every tick for 60–72 hours before its end) and what a cron should have done, worked out here from
 * the objects with Date.parse and arithmetic on the schedules, not by the code under test.
 */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function baseHistory(): ArgoHistory {
  return generateArgoHistory({ seed: 11, workflows: 240, days: 3 });
}

// The tick interval of the generator's schedules: `0 * * * *`, `0 */h * * *` and `*/m * * * *`.
export function stepOf(expression: string): number {
  const hours = /^0 (\*|\*\/(\d+)) \* \* \*$/.exec(expression);
  if (hours) {
    return (hours[2] ? Number(hours[2]) : 1) * HOUR;
  }
  const minutes = /^\*\/(\d+) \* \* \* \*$/.exec(expression);
  if (minutes) {
    return Number(minutes[1]) * 60_000;
  }
  throw new Error(`the test cannot work out ticks of "${expression}"`);
}

/**
 * Ticks of a cron in [fromMs, toMs). The generator's zones (UTC, America/New_York) are whole hours off UTC,
 * and these steps divide a day, so in January the ticks are the multiples of the step (hourly in New York too).
 */
export function expectedTicks(cron: CronWorkflow, fromMs: number, toMs: number): number[] {
  const schedules = cron.spec.schedules ?? [];
  const step = stepOf(String(schedules[0]));
  if (step > HOUR && cron.spec.timezone && cron.spec.timezone !== 'UTC') {
    throw new Error('the test only works out multi-hour ticks in UTC');
  }
  const ticks: number[] = [];
  for (let t = Math.ceil(fromMs / step) * step; t < toMs; t += step) {
    ticks.push(t);
  }
  return ticks;
}

export function runsOf(history: ArgoHistory, cron: string): Workflow[] {
  return history.workflows.map((g) => g.workflow).filter((w) => w.metadata.labels?.[LABELS.cronWorkflow] === cron);
}

/** The tick a run was made for, from its annotation; checked against the `<cron>-<unix seconds>` name. */
export function scheduledMs(run: Workflow): number {
  const fromAnnotation = Date.parse(run.metadata.annotations?.[ANNOTATIONS.scheduledTime] ?? '');
  const fromName = Number(/-(\d{10})$/.exec(run.metadata.name ?? '')?.[1]) * 1000;
  if (fromAnnotation !== fromName) {
    throw new Error(`${run.metadata.name}: annotation and name disagree`);
  }
  return fromAnnotation;
}

export const startedMs = (run: Workflow) => Date.parse(run.status?.startedAt ?? '');
export const finishedMs = (run: Workflow) => (run.status?.finishedAt ? Date.parse(run.status.finishedAt) : undefined);

export interface QueryOptions {
  url: string;
  fromMs: number;
  toMs: number;
  settings?: object;
  secure?: Record<string, string>;
}

/** One cronDrift query through QueryData, as Grafana sends it; the raw answer (frames or error). */
export async function cronDriftAnswer(json: object, options: QueryOptions): Promise<DataResponse> {
  const response = await queryData(
    {
      pluginContext: pluginContext({ argo: { url: options.url }, ...options.settings }, options.secure),
      headers: {},
      queries: [
        {
          ...dataQuery(
            'A',
            { queryType: 'cronDrift', ...json },
            { fromEpochMS: options.fromMs, toEpochMS: options.toMs }
          ),
          intervalMS: HOUR,
          maxDataPoints: 1000,
        },
      ],
    },
    new AbortController().signal
  );
  return response.responses.A;
}

/** The frames of an answer that must not fail. */
export async function cronDriftFrames(json: object, options: QueryOptions): Promise<Uint8Array[]> {
  const answer = await cronDriftAnswer(json, options);
  if (answer.error) {
    throw new Error(answer.error);
  }
  return answer.frames ?? [];
}
