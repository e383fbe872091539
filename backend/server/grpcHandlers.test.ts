import { EventEmitter } from 'node:events';

import { unary } from './grpcHandlers';

/** A grpc-js unary call as the handler sees it: the request, and 'cancelled' events. */
function fakeCall(request: unknown) {
  return Object.assign(new EventEmitter(), { request });
}

describe('unary handlers', () => {
  it('abort their signal when Grafana cancels the call while it runs', async () => {
    let seen: AbortSignal | undefined;
    let finish!: () => void;
    const handler = unary<unknown, string>('Test', (_request, signal) => {
      seen = signal;
      return new Promise<string>((resolve) => (finish = () => resolve('done')));
    });
    const call = fakeCall({});
    const answered = new Promise((resolve) => handler(call as never, (error, value) => resolve({ error, value })));
    call.emit('cancelled');
    expect(seen?.aborted).toBe(true);
    finish();
    await expect(answered).resolves.toEqual({ error: null, value: 'done' });
  });

  it('leave the signal alone when the stream of an answered call closes (grpc-js says cancelled then too)', async () => {
    let seen: AbortSignal | undefined;
    const handler = unary<unknown, string>('Test', async (_request, signal) => {
      seen = signal;
      return 'done';
    });
    const call = fakeCall({});
    await new Promise((resolve) => handler(call as never, (error, value) => resolve({ error, value })));
    expect(call.listenerCount('cancelled')).toBe(0);
    call.emit('cancelled');
    expect(seen?.aborted).toBe(false);
  });

  it('answer INTERNAL when the handler throws, and stop listening too', async () => {
    const handler = unary<unknown, string>('Test', async () => {
      throw new Error('boom');
    });
    const call = fakeCall({});
    const answer = await new Promise<{ error: unknown }>((resolve) => handler(call as never, (error) => resolve({ error })));
    expect(answer.error).toMatchObject({ code: 13, details: 'internal error in Test' });
    expect(call.listenerCount('cancelled')).toBe(0);
  });
});
