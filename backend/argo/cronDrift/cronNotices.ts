import type { Notice, NoticeSeverity } from '../../frames/frame';

/** One problem or note of one cron's drift report. */
export interface CronMessage {
  /** `namespace/name`. */
  cron: string;
  level: NoticeSeverity;
  /** The field of the CronWorkflow it is about, e.g. `spec.schedules[0]`. */
  field: string;
  /** Written to follow the field: `spec.timezone is not set: …`. */
  message: string;
}

const MAX_NAMED = 5;
const ORDER: Record<NoticeSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Names crons: all of them up to five, then how many more. */
export function namedCrons(crons: string[]): string {
  const shown = crons.slice(0, MAX_NAMED).join(', ');
  return crons.length > MAX_NAMED ? `${shown} and ${crons.length - MAX_NAMED} more` : shown;
}

/**
 * Problems become notices of their level (errors, warnings), notes info notices. The same message about
 * several crons (a common default, say) is one notice naming them, so many crons do not drown the panel.
 */
export function problemNotices(messages: CronMessage[]): Notice[] {
  const groups = new Map<string, { message: CronMessage; crons: string[] }>();
  for (const message of messages) {
    const key = `${message.level}\u0000${message.field}\u0000${message.message}`;
    const group = groups.get(key) ?? { message, crons: [] };
    group.crons.push(message.cron);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => ORDER[a.message.level] - ORDER[b.message.level])
    .map(({ message, crons }) => ({
      severity: message.level,
      text: `${crons.length === 1 ? 'CronWorkflow' : 'CronWorkflows'} ${namedCrons(crons)}: ${message.field} ${message.message}`,
    }));
}
