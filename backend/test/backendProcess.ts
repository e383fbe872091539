import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The bundled backend (build/backend/main.cjs) started as Grafana starts it, for tests over real gRPC. */
const BUNDLE = join(__dirname, '../../build/backend/main.cjs');

export interface BackendProcess {
  /** host:port of its gRPC server, from the go-plugin handshake line. */
  address: string;
  stop(): Promise<void>;
}

export async function startBackendProcess(): Promise<BackendProcess> {
  if (!existsSync(BUNDLE)) {
    throw new Error(`${BUNDLE} is missing: run npm run build:backend first`);
  }
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [BUNDLE], {
    env: { grafana_plugin_type: 'datasource', ARGOPERF_LOG_LEVEL: 'error' },
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) {
        resolve(out);
      }
    });
    child.on('exit', (code) => reject(new Error(`the backend exited with ${code} before the handshake`)));
  });
  const match = /^1\|2\|tcp\|(127\.0\.0\.1:\d+)\|grpc\n$/.exec(line);
  if (!match) {
    child.kill('SIGKILL');
    throw new Error(`unexpected handshake: ${JSON.stringify(line)}`);
  }
  return {
    address: match[1],
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
      }
      await exited;
    },
  };
}
