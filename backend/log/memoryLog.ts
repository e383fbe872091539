import { getHeapStatistics } from 'node:v8';

import { environmentNumber } from '../settings/environmentNumber';
import { logger } from './logger';

/**
 * With ARGOPERF_MEMORY_LOG_MS set, logs the process's memory (RSS and V8's heap figures) at that
 * interval: how `npm run bench:memory` sees inside the heap, and a way to watch a plugin in Grafana.
 */
export function startMemoryLog(): void {
  const every = environmentNumber('ARGOPERF_MEMORY_LOG_MS', 0);
  if (every === 0) {
    return;
  }
  const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
  setInterval(() => {
    const m = process.memoryUsage();
    logger.info('memory', { rssMB: mb(m.rss), heapUsedMB: mb(m.heapUsed), heapTotalMB: mb(m.heapTotal), externalMB: mb(m.external), arrayBuffersMB: mb(m.arrayBuffers), heapLimitMB: mb(getHeapStatistics().heap_size_limit) });
  }, Math.max(every, 100)).unref();
}
