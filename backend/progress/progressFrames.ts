import type { ProgressQuery } from '../../src/query/progressQuery';
import { DATAPLANE_VERSION, type Field, type FieldConfig, type Frame, type Notice } from '../frames/frame';
import { tableFrame } from '../frames/tableFrame';
import { finishSeriesFrames, seriesFrame } from '../frames/timeSeriesFrames';
import { progressText } from './progressText';
import { ACTIVE_STEP_PHASES, type RunTally } from './runTally';

/** Finished phases in the order people read them; others (Skipped, Omitted, ...) follow by name. */
const PHASE_ORDER = ['Succeeded', 'Failed', 'Error'];
const phaseRank = (phase: string) => (PHASE_ORDER.includes(phase) ? PHASE_ORDER.indexOf(phase) : PHASE_ORDER.length);

function finishedPhases(tally: RunTally): string[] {
  const phases = new Set(Object.keys(tally.finishedBefore));
  tally.finishedOverTime.forEach((bucket) => Object.keys(bucket.byPhase).forEach((phase) => phases.add(phase)));
  return [...phases].sort((a, b) => phaseRank(a) - phaseRank(b) || a.localeCompare(b));
}

/** overTime: one timeseries-multi frame per finished phase, field `steps`, labels run and phase. */
export function overTimeFrames(query: ProgressQuery, tally: RunTally, executed: string, notices: Notice[]): Frame[] {
  const times = tally.finishedOverTime.map((bucket) => bucket.time);
  const frames = times.length === 0 ? [] : finishedPhases(tally).map((phase) => {
    let total = query.cumulative ? (tally.finishedBefore[phase] ?? 0) : 0;
    const values = tally.finishedOverTime.map((bucket) => {
      const count = bucket.byPhase[phase] ?? 0;
      total = query.cumulative ? total + count : count;
      return total;
    });
    return seriesFrame(query.refId, times, {
      name: 'steps',
      nullable: false,
      labels: { run: query.run, phase },
      config: { unit: 'none', displayNameFromDS: phase },
      values,
    });
  });
  return finishSeriesFrames(query.refId, frames, executed, notices);
}

/** The summary's numbers, in the order a stat panel shows them (names are the field names). */
export interface ProgressSummary {
  total: number;
  finished: number;
  succeeded: number;
  failed: number;
  error: number;
  running: number;
  pending: number;
  retries: number;
  done: number | null;
  rate: number;
  remaining: number;
  eta: number | null;
}

/**
 * Now: steps known, finished ones (every phase but Running and Pending), the share done, the throughput
 * (steps finished per minute over the last rateMinutes) and the time left at that pace: remaining ÷ rate,
 * 0 when nothing remains, null when nothing finished lately (no pace to go by).
 */
export function progressSummary(tally: RunTally, rateMinutes: number): ProgressSummary {
  const count = (phase: string) => tally.byPhase[phase] ?? 0;
  const total = Object.values(tally.byPhase).reduce((sum, n) => sum + n, 0);
  const active = ACTIVE_STEP_PHASES.reduce((sum, phase) => sum + count(phase), 0);
  // Steps not finished yet: the run's remaining work as far as its steps exist.
  const remaining = active;
  const rate = tally.finishedRecently / rateMinutes;
  return {
    total,
    finished: total - active,
    succeeded: count('Succeeded'),
    failed: count('Failed'),
    error: count('Error'),
    running: count('Running'),
    pending: count('Pending'),
    retries: tally.retries,
    done: total === 0 ? null : (total - active) / total,
    rate,
    remaining,
    eta: remaining === 0 ? 0 : rate > 0 ? (remaining / rate) * 60 : null,
  };
}

const SUMMARY_CONFIG: Record<keyof ProgressSummary, FieldConfig> = {
  total: { unit: 'none' },
  finished: { unit: 'none' },
  succeeded: { unit: 'none' },
  failed: { unit: 'none' },
  error: { unit: 'none' },
  running: { unit: 'none' },
  pending: { unit: 'none' },
  retries: { unit: 'none' },
  done: { unit: 'percentunit', min: 0, max: 1 },
  rate: { unit: 'suffix: steps/min' },
  remaining: { unit: 'none' },
  eta: { unit: 's' },
};

/** summary: one dataplane numeric-wide frame (one row, a number field per figure). */
export function summaryFrame(query: ProgressQuery, tally: RunTally, executed: string, notices: Notice[]): Frame {
  const summary = progressSummary(tally, query.rateMinutes);
  const fields: Field[] = (Object.keys(SUMMARY_CONFIG) as Array<keyof ProgressSummary>).map((name) => ({
    name,
    type: 'number',
    nullable: true,
    labels: { run: query.run },
    config: { ...SUMMARY_CONFIG[name], displayNameFromDS: progressText.summary[name] },
    values: [summary[name]],
  }));
  return {
    refId: query.refId,
    fields,
    meta: { type: 'numeric-wide', typeVersion: DATAPLANE_VERSION, executedQueryString: executed, ...(notices.length ? { notices } : {}) },
  };
}

/** failures: a table of the run's failure messages, most frequent first. */
export function failuresFrame(query: ProgressQuery, tally: RunTally, executed: string, notices: Notice[]): Frame {
  const all = [...notices];
  if (tally.otherFailures > 0) {
    all.push({ severity: 'info', text: progressText.otherFailures(query.limit, tally.otherFailures) });
  }
  const fields: Field[] = [
    { name: 'message', type: 'string', nullable: false, values: tally.failures.map((f) => f.message) },
    { name: 'failures', type: 'number', nullable: false, config: { unit: 'none' }, values: tally.failures.map((f) => f.count) },
  ];
  return tableFrame(query.refId, fields, executed, all);
}
