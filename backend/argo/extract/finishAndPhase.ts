import { readTime } from './argoFields';
import { documentTime } from './argoTime';
import type { ArgoDocument } from './documents';
import { type Problems, shown } from './problems';

/**
 * The finish of a run or node: `end` and `duration_ms` = finishedAt − startedAt of the same object
 * (never the workflow's start: after a manual retry, nodes start before their workflow). Nothing when
 * still running (`finishedAt` null or absent), unreadable, or before the start.
 * Returns the finish time in ms, or undefined.
 */
export function setFinish(doc: ArgoDocument, startMs: number | undefined, finishedAt: unknown, field: string, withDuration: boolean, problems: Problems): number | undefined {
  const endMs = readTime(finishedAt, field, problems);
  if (endMs === undefined) {
    return undefined;
  }
  if (startMs !== undefined && endMs < startMs) {
    problems.add(field, `${shown(finishedAt)} is before startedAt (${(startMs - endMs) / 1000} s)`);
    return undefined;
  }
  doc.end = documentTime(finishedAt as string, endMs);
  if (withDuration && startMs !== undefined) {
    doc.duration_ms = endMs - startMs;
  }
  return endMs;
}

/**
 * Argo's phase as given (unknown future values pass through). When Argo has none (`""` right after
 * submission, or a hand-made object): `Pending` before the start, `Running` until the finish, and
 * absent, with a problem, once finished.
 */
export function phaseOf(phase: unknown, started: boolean, finished: boolean, field: string, problems: Problems): string | undefined {
  if (typeof phase === 'string' && phase !== '') {
    return phase;
  }
  if (phase !== undefined && phase !== null && phase !== '') {
    problems.add(field, `${shown(phase)} is not a phase`);
  } else if (finished) {
    problems.add(field, 'missing although finishedAt is set');
  }
  if (finished) {
    return undefined;
  }
  return started ? 'Running' : 'Pending';
}
