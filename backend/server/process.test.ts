import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { credentials, makeGenericClientConstructor } from '@grpc/grpc-js';

import { serviceDefinition } from './protocol';

/**
 * The bundled backend as a process, the way go-plugin sees it: handshake line first and alone on
 * stdout, a health service, SIGINT ignored, Shutdown ends it. (The Go host test repeats this with
 * go-plugin itself against the packaged executable.)
 */
const BUNDLE = join(__dirname, '../../build/backend/main.cjs');

function start(env: Record<string, string>): ChildProcessWithoutNullStreams {
  if (!existsSync(BUNDLE)) {
    throw new Error(`${BUNDLE} is missing: run npm run build first`);
  }
  return spawn(process.execPath, [BUNDLE], { env: { TMPDIR: '/tmp', ...env, ARGOPERF_LOG_LEVEL: 'info' } });
}

function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) {
        resolve(out);
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before the handshake`)));
  });
}

function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

const HealthClient = makeGenericClientConstructor(serviceDefinition('grpc.health.v1.Health'), 'Health');
const ControllerClient = makeGenericClientConstructor(serviceDefinition('plugin.GRPCController'), 'GRPCController');

function call<T>(client: InstanceType<typeof HealthClient>, method: string, request: object): Promise<T> {
  return new Promise((resolve, reject) =>
    (client as unknown as Record<string, Function>)[method](request, (error: Error | null, response: T) => (error ? reject(error) : resolve(response)))
  );
}

describe('backend process', () => {
  it('refuses to run without the magic cookie, saying what it is', async () => {
    const child = start({});
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    expect(await exited(child)).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/This binary is a plugin for Grafana/);
  });

  it('prints only the handshake, serves health, ignores SIGINT and exits on Shutdown', async () => {
    const child = start({ grafana_plugin_type: 'datasource' });
    const stdout = await firstLine(child);
    // go-plugin's choice on Linux: a Unix socket in the temporary directory, removed when the plugin exits.
    const match = /^1\|2\|unix\|(\/tmp\/argoperf-plugin-\d+-\w+)\|grpc\n$/.exec(stdout);
    expect(match).not.toBeNull();
    const socketPath = match![1];
    expect(statSync(socketPath).isSocket()).toBe(true);
    const address = `unix:${socketPath}`;
    const health = new HealthClient(address, credentials.createInsecure());
    expect(await call(health, 'Check', { service: 'plugin' })).toEqual({ status: 1 });
    expect(await call(health, 'Check', { service: 'nope' })).toEqual({ status: 3 });

    // Services and methods we do not serve answer UNIMPLEMENTED (12), as Grafana expects.
    const StreamClient = makeGenericClientConstructor(
      {
        SubscribeStream: {
          path: '/pluginv2.Stream/SubscribeStream',
          requestStream: false,
          responseStream: false,
          requestSerialize: (value: Buffer) => value,
          requestDeserialize: (value: Buffer) => value,
          responseSerialize: (value: Buffer) => value,
          responseDeserialize: (value: Buffer) => value,
        },
      },
      'Stream'
    );
    const stream = new StreamClient(address, credentials.createInsecure());
    await expect(call(stream, 'SubscribeStream', Buffer.alloc(0))).rejects.toMatchObject({ code: 12 });
    stream.close();

    child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(child.exitCode).toBeNull();
    expect(await call(health, 'Check', { service: 'plugin' })).toEqual({ status: 1 });

    const controller = new ControllerClient(address, credentials.createInsecure());
    const exit = exited(child);
    const started = Date.now();
    await call(controller, 'Shutdown', {});
    expect(await exit).toBe(0);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(existsSync(socketPath)).toBe(false);
    health.close();
    controller.close();
  });
});
