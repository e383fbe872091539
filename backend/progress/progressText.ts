import { PROGRESS_FIGURE_NAMES } from '../../src/query/progressQuery';
import type { ProgressSummary } from './progressFrames';

/** What the progress query says: display names of the summary's numbers and its notices. */
export const progressText = {
  summary: PROGRESS_FIGURE_NAMES satisfies Record<keyof ProgressSummary, string>,
  noSteps: (run: string, where: string) =>
    `No steps of run "${run}" ${where}: check the run's name and namespace (the runs variable lists the runs of the time range).`,
  otherFailures: (limit: number, other: number) =>
    `Only the ${limit} most frequent messages are shown; ${other} failures with other messages were left out.`,
};
