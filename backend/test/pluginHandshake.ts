import type { ChildProcess } from 'node:child_process';

import { grpcTarget } from '../server/pluginListener';

/**
 * Where a started plugin process listens, as a gRPC client dials it: its first stdout line (the
 * go-plugin handshake), read whole even when it arrives in pieces. Rejects if the process exits before
 * printing it, naming `what` (e.g. the executable, with what to do) and how it exited.
 */
export function handshakeTarget(child: ChildProcess, what: string): Promise<string> {
  const stdout = child.stdout;
  if (!stdout) {
    return Promise.reject(new Error(`${what}: started without a stdout pipe, so its handshake cannot be read`));
  }
  return new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const end = out.indexOf('\n');
      if (end >= 0) {
        finish();
        resolve(grpcTarget(out.slice(0, end)));
      }
    };
    // "close", not "exit": by then everything the process printed has been read.
    const onClose = (code: number | null, signal: NodeJS.Signals | null) => {
      finish();
      reject(
        new Error(
          `${what} exited (${signal ?? code}) before its handshake${out ? `; it printed: ${out.slice(0, 200)}` : ''}`
        )
      );
    };
    const finish = () => {
      stdout.off('data', onData);
      child.off('close', onClose);
    };
    stdout.on('data', onData);
    child.on('close', onClose);
  });
}
