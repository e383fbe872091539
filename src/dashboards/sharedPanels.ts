import type { Filters } from '../query/model';
import { byName, q, table, UNITS } from './kit';

/**
 * Panels that more than one bundled dashboard shows, defined once here; each dashboard passes its own
 * filters (its variables) and height.
 */
export const sharedPanels = {
  failuresByStep: (filters: Filters, h: number) =>
    table({
      title: 'Failures by step and message',
      description: 'The most frequent messages of failed and errored executions of each step.',
      targets: [q.outcomes({ view: 'reasons', level: 'node', groupBy: ['step'], limit: 10, filters })],
      sortBy: { displayName: 'failures', desc: true },
      overrides: [byName('failures', { unit: UNITS.count, width: 90 })],
      w: 12,
      h,
    }),
};
