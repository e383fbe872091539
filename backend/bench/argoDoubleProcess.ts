import { fork, type ChildProcess } from 'node:child_process';

import { startArgoServer } from '../test/argoServer/startArgoServer';
import { generateArgoHistory } from '../test/argoServer/workflowHistory';

/**
 * The Argo Server test double of the list + extract benchmark, in a process of its own: like a real
 * Argo Server on another host, its generation and serialisation of every page (most of the work) does
 * not compete with the client on the measured thread. Parent and child talk over the IPC channel.
 */
type Ask = 'urls' | 'cpu';
interface Started {
  url: string;
  rawNodes: number;
}

/** The double as seen from the benchmark: its URL, what it served, and the CPU it has used. */
export interface DoubleProcess extends Started {
  pid: number;
  /** The URLs of every workflow list page served so far, in order. */
  urls(): Promise<string[]>;
  /** The double's CPU time so far (user + system), in ms. */
  cpuMs(): Promise<number>;
  stop(): void;
}

/** Starts `script --argo-double <workflows>` (this bundle) and waits for its URL. */
export function startDoubleProcess(script: string, workflows: number): Promise<DoubleProcess> {
  const child: ChildProcess = fork(script, ['--argo-double', String(workflows)], { stdio: 'inherit' });
  const waiting: Array<(value: unknown) => void> = [];
  const ask = <T>(what: Ask) =>
    new Promise<T>((resolve) => {
      waiting.push(resolve as (value: unknown) => void);
      child.send(what);
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the Argo Server double exited with ${code} before it served`)));
    child.once('message', (first) => {
      child.on('message', (answer) => waiting.shift()?.(answer));
      resolve({
        ...(first as Started),
        pid: child.pid ?? 0,
        urls: () => ask<string[]>('urls'),
        cpuMs: () => ask<number>('cpu'),
        // Ends only the child this benchmark started, by its handle.
        stop: () => void child.kill('SIGTERM'),
      });
    });
  });
}

/** The child's side: generates the history, serves it as a v3.4 server whose list carries the nodes. */
export async function serveDouble(workflows: number): Promise<void> {
  // Ends with its parent, however the parent ends (the IPC channel closes): no double left serving.
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
  const history = generateArgoHistory({ seed: 5, workflows, days: 30, liveHours: 24 * 365 });
  const rawNodes = history.workflows.reduce((sum, { workflow }) => sum + Object.keys(workflow.status?.nodes ?? {}).length, 0);
  const server = await startArgoServer({ version: 'v3.4.17', history });
  process.on('message', (what: Ask) => {
    if (what === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.((user + system) / 1000);
      return;
    }
    const lists = server.requests.filter((r) => r.apiPath.startsWith('/api/v1/workflows'));
    process.send?.(lists.map((r) => `${server.url}${r.apiPath}?${new URLSearchParams(r.query)}`));
  });
  process.send?.({ url: server.url, rawNodes } satisfies Started);
}
