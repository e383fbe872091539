import { RequestLimiter } from './requestLimiter';

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RequestLimiter', () => {
  it('runs at most `limit` tasks at once, in arrival order', async () => {
    const limiter = new RequestLimiter(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        limiter.run(async () => {
          order.push(i);
          peak = Math.max(peak, ++running);
          await tick();
          running--;
        })
      )
    );
    expect([peak, order]).toEqual([2, [0, 1, 2, 3, 4]]);
  });

  it('drops a queued task when its signal aborts, without running it', async () => {
    const limiter = new RequestLimiter(1);
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    let ran = false;
    const queued = limiter.run(async () => {
      ran = true;
    }, controller.signal);
    expect(limiter.queued).toBe(1);
    controller.abort();
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    expect(limiter.queued).toBe(0);
    release();
    await first;
    expect([ran, limiter.inFlight]).toEqual([false, 0]);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = new RequestLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(() => Promise.resolve(7))).resolves.toBe(7);
  });

  it('refuses a limit below 1', () => {
    expect(() => new RequestLimiter(0)).toThrow(/≥ 1/);
  });
});
