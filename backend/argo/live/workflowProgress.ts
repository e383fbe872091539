/**
 * Argo's `status.progress`: "N/M", completed over total leaf pods (M can grow while the run goes on).
 * The fraction is N ÷ M; it is null when the text is missing or malformed, or M is 0.
 */
export interface Progress {
  text: string | null;
  fraction: number | null;
}

export function progressOf(value: unknown): Progress {
  if (typeof value !== 'string' || value === '') {
    return { text: null, fraction: null };
  }
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const done = match ? Number(match[1]) : NaN;
  const total = match ? Number(match[2]) : NaN;
  return { text: value, fraction: total > 0 ? done / total : null };
}
