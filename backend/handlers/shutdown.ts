import type { Server } from '@grpc/grpc-js';

import { logger } from '../log/logger';
import { disposeAllInstances } from '../settings/instances';

/**
 * plugin.GRPCController/Shutdown: Grafana calls it before killing the process and SIGKILLs after 2 s.
 * Let in-flight calls (the Shutdown reply among them) finish, close clients, exit; force it after 500 ms.
 */
let exiting = false;

export function scheduleExit(server: Server, reason: string): void {
  if (exiting) {
    return;
  }
  exiting = true;
  logger.info('shutting down', { reason });
  const force = setTimeout(() => {
    server.forceShutdown();
    process.exit(0);
  }, 500);
  setImmediate(() => {
    server.tryShutdown(() => {
      disposeAllInstances().finally(() => {
        clearTimeout(force);
        process.exit(0);
      });
    });
  });
}
