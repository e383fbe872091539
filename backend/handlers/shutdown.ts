import type { Server } from '@grpc/grpc-js';

import { logger } from '../log/logger';

/**
 * plugin.GRPCController/Shutdown: Grafana calls it before killing the process and SIGKILLs after 2 s.
 * Let in-flight calls (the Shutdown reply among them) finish, run the cleanup hooks (closing clients),
 * exit; force it after 500 ms. Modules register hooks so this file stays light on the start-up path.
 */
const hooks: Array<() => Promise<void>> = [];
const firstSteps: Array<() => void> = [];
let exiting = false;

export function onShutdown(hook: () => Promise<void>): void {
  hooks.push(hook);
}

/** Runs as the shutdown starts, before in-flight calls finish: e.g. stop taking connections. */
export function onShutdownStart(step: () => void): void {
  firstSteps.push(step);
}

export function scheduleExit(server: Server, reason: string): void {
  if (exiting) {
    return;
  }
  exiting = true;
  logger.info('shutting down', { reason });
  firstSteps.forEach((step) => step());
  const force = setTimeout(() => {
    server.forceShutdown();
    process.exit(0);
  }, 500);
  setImmediate(() => {
    server.tryShutdown(() => {
      Promise.allSettled(hooks.map((hook) => hook())).finally(() => {
        clearTimeout(force);
        process.exit(0);
      });
    });
  });
}
