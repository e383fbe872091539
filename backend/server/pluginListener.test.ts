import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { credentials, makeGenericClientConstructor, type Client } from '@grpc/grpc-js';

import { grpcTarget, handshakeLine, openListener, type PluginListener } from './pluginListener';
import { serviceDefinition } from './protocol';
import { createServer, serve } from './startServer';

/**
 * The port is open before the gRPC server exists (main.ts prints the handshake in between). Grafana
 * dials as soon as it reads the line, so its first bytes can arrive while nothing serves them yet:
 * they must wait and be answered once the server is there.
 */
const HealthClient = makeGenericClientConstructor(serviceDefinition('grpc.health.v1.Health'), 'Health');

function check(client: Client, service: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) =>
    (client as unknown as Record<string, Function>).Check({ service }, (error: Error | null, answer: { status: number }) => (error ? reject(error) : resolve(answer)))
  );
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The path of a listener on a Unix socket, from its address (`unix|<path>`). */
const socketPath = (listener: PluginListener) => listener.address.split('|')[1];

/** A plain connection to the listener's address, as the handshake line gives it. */
function dial(listener: PluginListener): Socket {
  const [network, address] = listener.address.split('|');
  return network === 'unix' ? connect(address) : connect(Number(address.split(':')[1]), '127.0.0.1');
}

function connectError(listener: PluginListener): Promise<string> {
  return new Promise((resolve) => {
    const socket = dial(listener);
    socket.on('connect', () => (socket.destroy(), resolve('connected')));
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'argoperf-listener-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the plugin listener', () => {
  it('answers a call that arrived before the gRPC server was ready, from the bytes it kept', async () => {
    const listener = await openListener({ PLUGIN_UNIX_SOCKET_DIR: dir });
    const client = new HealthClient(grpcTarget(handshakeLine(listener)), credentials.createInsecure());
    let answered = false;
    const answer = check(client, 'plugin').finally(() => (answered = true));
    await pause(300);
    expect(answered).toBe(false);

    // What reached the port while nothing served it, seen when the connection is handed over.
    const waitingBytes: number[] = [];
    const watched: PluginListener = { ...listener, serve: (accept) => listener.serve((socket: Socket) => (waitingBytes.push(socket.readableLength), accept(socket))) };
    const server = createServer();
    try {
      serve(server, watched);
      expect(await answer).toEqual({ status: 1 });
      expect(waitingBytes.length).toBe(1);
      // The HTTP/2 preface alone is 24 bytes; the client's settings and its call follow it.
      expect(waitingBytes[0]).toBeGreaterThan(24);
      expect(await check(client, 'nope')).toEqual({ status: 3 });
    } finally {
      client.close();
      listener.close();
      server.forceShutdown();
    }
  });

  it('serves later connections too, and after close takes none', async () => {
    const listener = await openListener({ PLUGIN_UNIX_SOCKET_DIR: dir });
    expect(listener.address).toMatch(new RegExp(`^unix\\|${dir}/argoperf-plugin-${process.pid}-\\w+$`));
    const server = createServer();
    serve(server, listener);
    const client = new HealthClient(grpcTarget(handshakeLine(listener)), credentials.createInsecure());
    try {
      expect(await check(client, 'plugin')).toEqual({ status: 1 });
    } finally {
      client.close();
    }
    listener.close();
    server.forceShutdown();
    const refused = await connectError(listener);
    // The socket file is gone with the listener.
    expect(refused).toBe('ENOENT');
    expect(existsSync(socketPath(listener))).toBe(false);
  });

  it('drops connections still waiting when it is closed before serving', async () => {
    const listener = await openListener({ PLUGIN_UNIX_SOCKET_DIR: dir });
    const socket = dial(listener);
    await new Promise((resolve) => socket.on('connect', resolve));
    await pause(50);
    const closed = new Promise((resolve) => socket.on('close', resolve));
    socket.resume();
    listener.close();
    await closed;
    expect(socket.destroyed).toBe(true);
  });

  it('lets the group the host names use the socket, by id or by name', async () => {
    // getent reads the system's group database on its own, not through the code under test.
    const [name, , gid] = execFileSync('getent', ['group', 'daemon'], { encoding: 'utf8' }).trim().split(':');
    for (const group of [gid, name]) {
      const listener = await openListener({ PLUGIN_UNIX_SOCKET_DIR: dir, PLUGIN_UNIX_SOCKET_GROUP: group });
      try {
        const stat = statSync(socketPath(listener));
        expect(stat.isSocket()).toBe(true);
        expect(stat.gid).toBe(Number(gid));
        expect(stat.mode & 0o777).toBe(0o660);
      } finally {
        listener.close();
      }
    }
  });

  it('falls back to 127.0.0.1, saying why, when the socket cannot be made', async () => {
    const cases = [
      { env: { PLUGIN_UNIX_SOCKET_DIR: join(dir, 'x'.repeat(120)) }, reason: /over 107 bytes; set PLUGIN_UNIX_SOCKET_DIR or TMPDIR to a shorter directory/ },
      { env: { PLUGIN_UNIX_SOCKET_DIR: dir, PLUGIN_UNIX_SOCKET_GROUP: 'argoperf-no-such-group' }, reason: /PLUGIN_UNIX_SOCKET_GROUP.*argoperf-no-such-group.*numeric id/ },
    ];
    for (const { env, reason } of cases) {
      const warnings: Array<{ message: string; error: string }> = [];
      const listener = await openListener(env, (message, fields) => warnings.push({ message, error: fields.error }));
      const server = createServer();
      serve(server, listener);
      const client = new HealthClient(grpcTarget(handshakeLine(listener)), credentials.createInsecure());
      try {
        expect(handshakeLine(listener)).toMatch(/^1\|2\|tcp\|127\.0\.0\.1:\d+\|grpc\n$/);
        expect(await check(client, 'plugin')).toEqual({ status: 1 });
        expect(warnings).toHaveLength(1);
        expect(warnings[0].message).toMatch(/listening on 127\.0\.0\.1 instead/);
        expect(warnings[0].error).toMatch(reason);
      } finally {
        client.close();
        listener.close();
        server.forceShutdown();
      }
    }
    // No socket file was left behind by the attempt that failed on the group.
    await pause(50);
    expect(readdirSync(dir)).toEqual([]);
  });
});
