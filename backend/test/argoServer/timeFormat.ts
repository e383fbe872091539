/** Kubernetes metav1.Time: RFC 3339 in UTC with whole seconds, e.g. 2024-10-16T04:12:51Z. */
export function kubeTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}Z`;
}

/**
 * RFC 3339 in an IANA time zone with its offset, as Argo writes the scheduled-time annotation of a cron run
 * (e.g. 2021-02-19T10:29:05-08:00).
 */
export function zonedTime(ms: number, timeZone: string): string {
  if (timeZone === 'UTC') {
    return kubeTime(ms);
  }
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const offset = part('timeZoneName').replace(/^GMT/, '') || '+00:00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}${offset}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

const parsed = new Map<string, number>();

/** Date.parse, remembered per text: list filters and sorts parse the same timestamps on every request. */
export function timeMs(text: string): number {
  let ms = parsed.get(text);
  if (ms === undefined) {
    ms = Date.parse(text);
    parsed.set(text, ms);
  }
  return ms;
}
