import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { credentials, makeGenericClientConstructor } from '@grpc/grpc-js';

import { serviceDefinition } from './protocol';
import { handshakeTarget } from '../test/pluginHandshake';

/**
 * The backend bundle is split (scripts/build-backend.mjs) so that the executable's startup snapshot
 * holds only what runs up to the handshake: build/backend/main.cjs must not contain the handlers and
 * their libraries, and they must still answer, loaded from lazy.cjs next to it.
 */
const DIR = join(__dirname, '../../build/backend');
// esbuild names every bundled module in its wrapper: __esm({"backend/handlers/queryData.ts"(){...
const LAZY_ONLY = ['"backend/handlers/queryData.ts"(', '"backend/handlers/checkHealth.ts"(', '"backend/collector/cli.ts"(', '"node_modules/zod/', '"node_modules/@elastic/elasticsearch/', '"node_modules/apache-arrow/'];

function bundle(name: string): string {
  const path = join(DIR, name);
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run npm run build:backend first`);
  }
  return readFileSync(path, 'utf8');
}

describe('the start-up bundle', () => {
  it('leaves the handlers, zod, the Elasticsearch client, Arrow and the collector to lazy.cjs', () => {
    const main = bundle('main.cjs');
    const lazy = bundle('lazy.cjs');
    expect(LAZY_ONLY.filter((name) => main.includes(name))).toEqual([]);
    expect(LAZY_ONLY.filter((name) => !lazy.includes(name))).toEqual([]);
    expect(main).toContain('"backend/server/startServer.ts"(');
  });

  it('answers a first CheckHealth from lazy.cjs right after the handshake', async () => {
    bundle('lazy.cjs');
    const child = spawn(process.execPath, [join(DIR, 'main.cjs')], { env: { grafana_plugin_type: 'datasource', ARGOPERF_LOG_LEVEL: 'error' } });
    try {
      const target = await handshakeTarget(child, 'build/backend/main.cjs');
      const Diagnostics = makeGenericClientConstructor(serviceDefinition('pluginv2.Diagnostics'), 'Diagnostics');
      const client = new Diagnostics(target, credentials.createInsecure());
      // no plugin context: the handler itself answers (status ERROR = 2, with what is missing)
      const answer = await new Promise<{ status: number; message: string }>((resolve, reject) =>
        (client as unknown as Record<string, Function>).CheckHealth({}, (error: Error | null, response: { status: number; message: string }) =>
          error ? reject(error) : resolve(response)
        )
      );
      client.close();
      expect(answer.status).toBe(2);
      expect(answer.message).not.toBe('');
    } finally {
      // SIGTERM: the plugin shuts down and removes its socket file (SIGKILL would leave it).
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
  });
});
