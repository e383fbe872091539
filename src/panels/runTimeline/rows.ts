import type { GroupBy, RunTimelineOptions, SortBy } from './options';
import type { StepAttempt } from './types';

/** One line of the Gantt: a step with its attempts side by side (a retried step keeps one line). */
export interface StepRow {
  kind: 'step';
  key: string;
  label: string;
  attempts: StepAttempt[];
  critical: boolean;
  start: number | null;
  end: number | null;
  grouped: boolean;
}

/** A group's header line: its steps' span, how many, and whether it is collapsed. */
export interface GroupRow {
  kind: 'group';
  key: string;
  label: string;
  steps: number;
  critical: boolean;
  start: number | null;
  end: number | null;
  collapsed: boolean;
}

export type Row = StepRow | GroupRow;

/** When a bar ends: its end, else start + duration (running steps), else nothing to draw. */
export function barEnd(attempt: StepAttempt): number | null {
  if (attempt.end !== null) {
    return attempt.end;
  }
  return attempt.start !== null && attempt.duration !== null ? attempt.start + attempt.duration * 1000 : null;
}

// A retry's node is named after its step plus "(attempt)": train(0), train(1) belong on the line of train.
function stepOf(attempt: StepAttempt): string {
  const suffix = attempt.attempt === null ? '' : `(${attempt.attempt})`;
  return suffix && attempt.step.endsWith(suffix) && attempt.step.length > suffix.length
    ? attempt.step.slice(0, -suffix.length)
    : attempt.step;
}

function span(attempts: StepAttempt[]): { start: number | null; end: number | null } {
  let start: number | null = null;
  let end: number | null = null;
  for (const attempt of attempts) {
    if (attempt.start !== null && (start === null || attempt.start < start)) {
      start = attempt.start;
    }
    const to = barEnd(attempt);
    if (to !== null && (end === null || to > end)) {
      end = to;
    }
  }
  return { start, end };
}

/** The attempts of each step on one line, attempts in order. */
export function stepRows(attempts: StepAttempt[], criticalOnly: boolean): StepRow[] {
  const byStep = new Map<string, StepAttempt[]>();
  for (const attempt of attempts) {
    const key = `${attempt.group}\u0000${stepOf(attempt)}`;
    const list = byStep.get(key);
    list ? list.push(attempt) : byStep.set(key, [attempt]);
  }
  const rows: StepRow[] = [];
  for (const [key, list] of byStep) {
    list.sort((a, b) => (a.attempt ?? 0) - (b.attempt ?? 0) || (a.start ?? Infinity) - (b.start ?? Infinity));
    const critical = list.some((attempt) => attempt.critical);
    if (!criticalOnly || critical) {
      rows.push({ kind: 'step', key, label: stepOf(list[0]), attempts: list, critical, ...span(list), grouped: false });
    }
  }
  return rows;
}

const collator = new Intl.Collator('en', { numeric: true });

function compare(sortBy: SortBy) {
  return (a: { label: string; start: number | null; end: number | null }, b: typeof a): number => {
    const byName = collator.compare(a.label, b.label);
    if (sortBy === 'name') {
      return byName;
    }
    if (sortBy === 'duration') {
      const length = (row: typeof a) => (row.start === null || row.end === null ? -1 : row.end - row.start);
      return length(b) - length(a) || byName;
    }
    return (a.start ?? Infinity) - (b.start ?? Infinity) || byName;
  };
}

const KEY_OF: Record<Exclude<GroupBy, 'none'>, (attempt: StepAttempt) => string> = {
  stepName: (attempt) => attempt.stepName,
  template: (attempt) => attempt.template,
  group: (attempt) => attempt.group,
};

/**
 * The lines to draw, in order: steps (sorted), or per group a header then its steps unless the group is
 * collapsed. A group starts collapsed when it has more than `collapseAbove` steps; `toggled` holds the
 * groups the reader opened or closed since.
 */
export function layoutRows(attempts: StepAttempt[], options: RunTimelineOptions, toggled: ReadonlySet<string>): Row[] {
  const steps = stepRows(attempts, options.criticalOnly).sort(compare(options.sortBy));
  if (options.groupBy === 'none') {
    return steps;
  }
  const keyOf = KEY_OF[options.groupBy];
  const groups = new Map<string, StepRow[]>();
  for (const row of steps) {
    const key = keyOf(row.attempts[0]);
    const list = groups.get(key);
    list ? list.push(row) : groups.set(key, [row]);
  }
  const headers: Array<GroupRow & { members: StepRow[] }> = [...groups].map(([key, members]) => ({
    kind: 'group',
    key: `group:${key}`,
    label: key || '(none)',
    steps: members.length,
    critical: members.some((row) => row.critical),
    ...span(members.flatMap((row) => row.attempts)),
    collapsed: members.length > options.collapseAbove !== toggled.has(`group:${key}`),
    members,
  }));
  headers.sort(compare(options.sortBy));
  // Grouped by step name, a group of one step (not a loop) is that step's own line: its header would
  // only repeat the step's name. Other groupings name something else (a template, a nested DAG): kept.
  const repeatsItsStep = (members: StepRow[], header: GroupRow) =>
    options.groupBy === 'stepName' && members.length === 1 && members[0].label === header.label;
  return headers.flatMap(({ members, ...header }) =>
    repeatsItsStep(members, header) ? members : [header, ...(header.collapsed ? [] : members.map((row) => ({ ...row, grouped: true })))]
  );
}

/** The time the bars cover: the run's start (or first step) to its end (or the last bar's end). */
export function timeDomain(
  attempts: StepAttempt[],
  run: { start?: number | null; end?: number | null }
): { from: number; to: number } | null {
  const { start, end } = span(attempts);
  const from = Math.min(run.start ?? Infinity, start ?? Infinity);
  const to = Math.max(run.end ?? -Infinity, end ?? -Infinity, from);
  return Number.isFinite(from) ? { from, to: to > from ? to : from + 1000 } : null;
}
