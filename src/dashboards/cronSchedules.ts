import type { Dashboard } from '@grafana/schema';

import { ADDRESSES } from './addresses';
import { bargauge, byName, dashboard, q, table, text, timeseries, UNITS, VARIABLES, type Override } from './kit';

/** The runs table's status column (docs/contracts.md, cronDrift runs): late and missed ticks stand out. */
const STATUS_COLOURS: Override = {
  matcher: { id: 'byName', options: 'status' },
  properties: [
    { id: 'custom.cellOptions', value: { type: 'color-background', mode: 'basic' } },
    {
      id: 'mappings',
      value: [
        {
          type: 'value',
          options: {
            ran: { color: 'green', index: 0 },
            late: { color: 'orange', index: 1 },
            'late-beyond-deadline': { color: 'red', index: 2 },
            missed: { color: 'red', index: 3 },
            'not-started': { color: 'red', index: 4 },
          },
        },
      ],
    },
  ],
};

/** CronWorkflows read from the Argo Server (cronDrift): schedules, time zones and DST as Argo runs them. */
const filters = { namespaces: ['$namespace'], crons: ['$cron'] };

export function cronSchedules(): Dashboard {
  return dashboard({
    ...ADDRESSES.crons,
    description: 'Whether CronWorkflows start on time: start delay, late and missed ticks, time since the last success.',
    from: 'now-7d',
    variables: [VARIABLES.namespace(), VARIABLES.cron()],
    items: [
      text({
        title: 'How to read this',
        content:
          'Ticks are computed from each CronWorkflow’s schedule and time zone as Argo’s cron engine fires them (DST included). A run is **late** when it starts more than the grace period (60 s) after its tick; a tick without a run is **missed**. Missed ticks count only the time range.',
        h: 3,
      }),
      timeseries({
        title: 'Start delay per cron',
        description: 'Seconds between each scheduled tick and the start of its run, one line per cron; missed ticks are gaps.',
        targets: [q.cronDrift({ view: 'delay', filters })],
        unit: UNITS.seconds,
        min: 0,
        thresholds: [{ value: 60, color: 'orange' }, { value: 600, color: 'red' }],
        w: 24,
      }),
      bargauge({
        title: 'Missed ticks in the time range',
        description: 'Scheduled ticks that got no run, per cron. Empty (no value) where a count would mislead: the cron is rejected by Argo, only @every schedules, or spec.when.',
        targets: [q.cronDrift({ view: 'missed', filters })],
        unit: UNITS.count,
        min: 0,
        thresholds: [{ value: 1, color: 'red' }],
        h: 7,
      }),
      bargauge({
        title: 'Time since the last success',
        description: 'Seconds since each cron’s last successful run (looked for up to 7 days before the time range).',
        targets: [q.cronDrift({ view: 'sinceSuccess', filters, lookbackDays: 30 })],
        unit: UNITS.seconds,
        min: 0,
        thresholds: [{ value: 86_400, color: 'orange' }, { value: 7 * 86_400, color: 'red' }],
        h: 7,
      }),
      table({
        title: 'Scheduled ticks: late and missed ones marked',
        description: 'Every tick in the range, newest first: scheduled time, start, delay, pending time, duration, phase and status (ran, late, missed, …).',
        targets: [q.cronDrift({ view: 'runs', filters, limit: 500 })],
        overrides: [
          byName('delay', { unit: UNITS.seconds, thresholds: [{ value: 60, color: 'orange' }, { value: 600, color: 'red' }], cell: { type: 'color-text' } }),
          byName('pending', { unit: UNITS.seconds }),
          byName('duration', { unit: UNITS.seconds }),
          STATUS_COLOURS,
        ],
        w: 24,
        h: 12,
      }),
    ],
  });
}
