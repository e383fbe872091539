import { setMaxListeners, type EventEmitter } from 'node:events';

import { status as GrpcStatus, type sendUnaryData, type ServerUnaryCall, type ServerWritableStream } from '@grpc/grpc-js';

import { logger } from '../log/logger';

/**
 * Adapts async handlers to grpc-js: an AbortSignal that fires when Grafana cancels the call, and any
 * unexpected throw answered as INTERNAL with a plain message instead of crashing the process.
 */
function cancellation(call: EventEmitter): { signal: AbortSignal; settled(): void } {
  const controller = new AbortController();
  // Every request a query sends (Argo pages, node GETs in parallel) listens for cancellation.
  setMaxListeners(0, controller.signal);
  const cancel = () => controller.abort();
  call.on('cancelled', cancel);
  // grpc-js also emits 'cancelled' when the stream of an answered call closes. Nothing is left to cancel
  // then, and aborting made an AbortError (a DOMException, with its stack) for every call: ~30 µs each.
  return { signal: controller.signal, settled: () => void call.removeListener('cancelled', cancel) };
}

export function unary<Req, Res>(method: string, handle: (request: Req, signal: AbortSignal) => Promise<Res>) {
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => {
    const started = performance.now();
    const { signal, settled } = cancellation(call);
    handle(call.request, signal)
      .finally(settled)
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
    const { signal, settled } = cancellation(call);
    handle(call.request, signal)
      .finally(settled)
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
