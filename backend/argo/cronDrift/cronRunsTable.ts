import type { Field, Frame } from '../../frames/frame';
import type { ScheduledRun, TickReport } from '../cron/cronDrift';
import type { RunTimes } from '../cron/cronTypes';
import type { CronReport } from './cronReports';
import { argoLink } from '../../frames/argoLink';
import { limitRows, secondsField } from '../../frames/rowLimits';

/**
 * The runs view: one table of the scheduled ticks in the range, newest first. A row per run the cron engine
 * created (status from its timing: ran, late, late-beyond-deadline, not-started), per tick without a run
 * (status from the tick: missed, pending, skipped-forbid, suspended, stopped, unknown-pruned,
 * submitted-not-listed) and per run submitted by hand from the cron (status manual, no scheduled time).
 * Ticks not yet due and ticks before the cron existed are not rows.
 */
export interface CronRunRow {
  scheduledMs?: number;
  startedMs?: number;
  delayMs?: number;
  pendingMs?: number;
  durationMs?: number;
  phase?: string;
  status: string;
  cron: string;
  namespace: string;
  workflow?: string;
  note?: string;
}

const TICK_ROWS: ReadonlySet<TickReport['status']> = new Set([
  'missed',
  'pending',
  'skipped-forbid',
  'suspended',
  'stopped',
  'unknown-pruned',
  'submitted-not-listed',
]);

function runStatus(run: ScheduledRun): string {
  return run.timing === 'on-time' ? 'ran' : run.timing;
}

function runNote(run: RunTimes & { notes?: string[] }, first?: string): string | undefined {
  const notes: string[] = first === undefined ? [] : [first];
  for (const note of run.notes ?? []) {
    notes.push(note);
  }
  if (run.replacedBy) {
    notes.push(`replaced by ${run.replacedBy} (concurrencyPolicy Replace)`);
  }
  return notes.length > 0 ? notes.join('; ') : undefined;
}

/*
 * Rows are written field by field (no object spreads): a long range has tens of thousands of them, and
 * spreading cost most of the table's time.
 */
function runRow(run: RunTimes, cron: string, namespace: string, status: string, note: string | undefined): CronRunRow {
  return {
    scheduledMs: undefined,
    startedMs: run.startedMs,
    delayMs: undefined,
    pendingMs: run.pendingMs,
    durationMs: run.durationMs,
    phase: run.phase || undefined,
    status,
    cron,
    namespace,
    workflow: run.name,
    note,
  };
}

/** Every row of one cron's report. */
export function cronRunRows({ namespace, cron, report }: CronReport): CronRunRow[] {
  const rows: CronRunRow[] = [];
  for (const run of report.runs) {
    const row = runRow(run, cron, namespace, runStatus(run), runNote(run));
    row.scheduledMs = run.scheduledMs;
    row.delayMs = run.startDelayMs;
    rows.push(row);
  }
  for (const tick of report.ticks) {
    if (TICK_ROWS.has(tick.status)) {
      const note = tick.blockedBy ? `${tick.blockedBy} was still running (concurrencyPolicy Forbid)` : undefined;
      rows.push({ scheduledMs: tick.scheduledMs, status: tick.status, cron, namespace, note });
    }
  }
  for (const run of report.manualRuns) {
    rows.push(runRow(run, cron, namespace, 'manual', runNote(run, run.reason)));
  }
  return rows;
}

const rowTime = (row: CronRunRow) => row.scheduledMs ?? row.startedMs ?? 0;

/** Newest first; then cron, then workflow name, so equal ticks of several crons keep one order. */
export function newestFirst(a: CronRunRow, b: CronRunRow): number {
  return (
    rowTime(b) - rowTime(a) ||
    `${a.namespace}/${a.cron}`.localeCompare(`${b.namespace}/${b.cron}`) ||
    (a.workflow ?? '').localeCompare(b.workflow ?? '')
  );
}

const seconds = (ms: number | undefined) => (ms === undefined ? null : ms / 1000);
const text = (value: string | undefined) => value ?? null;

export function cronRunsTable(refId: string, reports: CronReport[], limit: number, argoUrl: string | undefined): Frame {
  const all = reports.flatMap(cronRunRows).sort(newestFirst);
  const { rows, notices } = limitRows(
    all,
    limit,
    (shown, total) => `Only the ${shown} newest of ${total} rows are shown; raise Limit in the query to see older ones.`
  );
  const fields: Field[] = [
    { name: 'scheduled', type: 'time', nullable: true, values: rows.map((r) => r.scheduledMs ?? null) },
    { name: 'started', type: 'time', nullable: true, values: rows.map((r) => r.startedMs ?? null) },
    secondsField('delay', rows, (r) => seconds(r.delayMs)),
    secondsField('pending', rows, (r) => seconds(r.pendingMs)),
    secondsField('duration', rows, (r) => seconds(r.durationMs)),
    { name: 'phase', type: 'string', nullable: true, values: rows.map((r) => text(r.phase)) },
    { name: 'status', type: 'string', nullable: false, values: rows.map((r) => r.status) },
    { name: 'cron', type: 'string', nullable: false, values: rows.map((r) => r.cron) },
    { name: 'namespace', type: 'string', nullable: false, values: rows.map((r) => r.namespace) },
    {
      name: 'workflow',
      type: 'string',
      nullable: true,
      config: argoLink(argoUrl),
      values: rows.map((r) => text(r.workflow)),
    },
    { name: 'note', type: 'string', nullable: true, values: rows.map((r) => text(r.note)) },
  ];
  return {
    refId,
    fields,
    meta: { type: 'table', preferredVisualisationType: 'table', ...(notices.length ? { notices } : {}) },
  };
}
