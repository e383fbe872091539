import { logger } from '../log/logger';
import { disposeAllInstances } from '../settings/instances';

/**
 * plugin.GRPCController/Shutdown: Grafana calls it before killing the process and SIGKILLs after 2 s,
 * so reply first, then close connections and exit promptly.
 */
export function scheduleExit(stopServer: () => void, reason: string): void {
  logger.info('shutting down', { reason });
  setImmediate(() => {
    stopServer();
    const exit = () => process.exit(0);
    // Closing clients must not hold the exit hostage.
    const timer = setTimeout(exit, 500);
    disposeAllInstances().finally(() => {
      clearTimeout(timer);
      exit();
    });
  });
}
