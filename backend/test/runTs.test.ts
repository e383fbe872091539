import { spawn, spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const runTs = join(root, 'scripts/run-ts.mjs');
const sleeper = 'backend/test/fixtures/runTs/sleeper.ts';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function gone(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (alive(pid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !alive(pid);
}

describe('scripts/run-ts.mjs', () => {
  const started: number[] = [];
  afterAll(() => started.filter(alive).forEach((pid) => process.kill(pid, 'SIGKILL')));

  it("exits with the entry point's exit code", () => {
    const run = spawnSync(process.execPath, [runTs, sleeper, 'exit', '3'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(3);
  });

  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('passes %s to the entry point and ends as it does: no orphan', async (signal) => {
    const runner = spawn(process.execPath, [runTs, sleeper], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    started.push(runner.pid!);
    const childPid = await new Promise<number>((resolve, reject) => {
      runner.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      runner.once('exit', () => reject(new Error('run-ts exited before its entry point started')));
    });
    started.push(childPid);
    expect(childPid).not.toBe(runner.pid);
    expect(alive(childPid)).toBe(true);
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      runner.once('exit', (code, exitSignal) => resolve({ code, signal: exitSignal }))
    );
    runner.kill(signal);
    const { code, signal: exitSignal } = await ended;
    // the entry point died of the signal, so run-ts reports the same: killed by it (or 128 + its number)
    expect(exitSignal === signal || code === 128 + constants.signals[signal]).toBe(true);
    expect(await gone(childPid, 10_000)).toBe(true);
  });
});
