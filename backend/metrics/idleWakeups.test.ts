import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

import { observe } from './pluginMetrics';

/**
 * The metrics must not keep an idle plugin busy: once they exist (after the first query), the event
 * loop lag histogram samples on a timer. Measured as this thread's voluntary context switches (each
 * wait of the event loop that ends is one) over a quiet second, before and after the metrics start.
 */
function contextSwitches(): number {
  const status = readFileSync('/proc/thread-self/status', 'utf8');
  return Number(/^voluntary_ctxt_switches:\s+(\d+)/m.exec(status)![1]);
}

async function wakeupsPerSecond(): Promise<number> {
  const before = contextSwitches();
  await delay(1000);
  return contextSwitches() - before;
}

it('wakes the idle process at most about 10 times a second more once the metrics exist', async () => {
  const without = await wakeupsPerSecond();
  observe('queries', 'durations', 0.01);
  const withMetrics = await wakeupsPerSecond();
  // prom-client's default (a sample every 10 ms) adds about 100 a second.
  expect(withMetrics - without).toBeLessThan(30);
});
