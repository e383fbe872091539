import { setMaxListeners } from 'node:events';

import { status as GrpcStatus, type sendUnaryData, type ServerUnaryCall, type ServerWritableStream } from '@grpc/grpc-js';

import { logger } from '../log/logger';

/**
 * Adapts async handlers to grpc-js: an AbortSignal that fires when Grafana cancels the call, and any
 * unexpected throw answered as INTERNAL with a plain message instead of crashing the process.
 */
function cancellation(call: { on(event: 'cancelled', listener: () => void): unknown }): AbortSignal {
  const controller = new AbortController();
  // Every request a query sends (Argo pages, node GETs in parallel) listens for cancellation.
  setMaxListeners(0, controller.signal);
  call.on('cancelled', () => controller.abort());
  return controller.signal;
}

export function unary<Req, Res>(method: string, handle: (request: Req, signal: AbortSignal) => Promise<Res>) {
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => {
    const started = performance.now();
    handle(call.request, cancellation(call))
      .then((response) => {
        logger.debug('handled', { method, ms: Math.round(performance.now() - started) });
        callback(null, response);
      })
      .catch((error: unknown) => {
        logger.error('handler failed', { method, error: (error as Error)?.message ?? String(error) });
        callback({ code: GrpcStatus.INTERNAL, details: `internal error in ${method}` });
      });
  };
}

export function serverStream<Req, Res>(method: string, handle: (request: Req, signal: AbortSignal) => Promise<Res[]>) {
  return (call: ServerWritableStream<Req, Res>) => {
    handle(call.request, cancellation(call))
      .then((messages) => {
        messages.forEach((message) => call.write(message));
        call.end();
      })
      .catch((error: unknown) => {
        logger.error('handler failed', { method, error: (error as Error)?.message ?? String(error) });
        call.destroy(Object.assign(new Error(`internal error in ${method}`), { code: GrpcStatus.INTERNAL }));
      });
  };
}
