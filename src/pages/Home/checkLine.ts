/** One line of the Home checks: how it is, in a sentence, and what fixes it when it is not fine. */
export type CheckStatus = 'ok' | 'warning' | 'error';

export interface CheckAction {
  label: string;
  /** Where the fix is; without one the label says what to do. */
  href?: string;
}

export interface CheckLine {
  /** Stable key per line (for React and the tests). */
  key: string;
  status: CheckStatus;
  text: string;
  action?: CheckAction;
}

/** An age as people say it: 45 s, 12 min, 3 h 5 min, 2 d 4 h. */
export function humanAge(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) {
    return `${s} s`;
  }
  const minutes = Math.floor(s / 60);
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  }
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}
