import { chmodSync, chownSync, readFileSync, unlinkSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The address Grafana dials, opened before the gRPC server exists. go-plugin's own servers work in
 * this order: listen, print the handshake line, then serve. node:net is in the start-up snapshot, while
 * node:http2 (under grpc-js) cannot be and costs about as much as the rest of the start; it now loads
 * while Grafana reads the line and dials. A connection that arrives before the gRPC server is ready
 * waits, what it sent kept with it, and is handed over when the server is (docs/benchmarks.md, "Cold start").
 *
 * Like go-plugin's servers on Linux, the plugin listens on a Unix socket: in `PLUGIN_UNIX_SOCKET_DIR`
 * when the host sets it, else the temporary directory, owned by `PLUGIN_UNIX_SOCKET_GROUP` (0660) when
 * that is set. Listening on TCP 127.0.0.1 with a host name loads node:dns and starts c-ares; a path
 * does not. If the socket cannot be made (a path over 107 bytes, a read-only directory, an unknown
 * group), the plugin logs why (Grafana's log) and listens on 127.0.0.1 instead, which go-plugin accepts too.
 */
export interface PluginListener {
  /** `unix|<path>` or `tcp|127.0.0.1:<port>`, as the handshake line gives it. */
  readonly address: string;
  /** Hands every connection, the waiting ones first, to `accept`. */
  serve(accept: (socket: Socket) => void): void;
  /** Stops taking connections (and removes the socket file); those already handed over are left to their server. */
  close(): void;
}

/** The go-plugin handshake: core protocol 1, Grafana's plugin protocol 2, our address, gRPC. */
export function handshakeLine(listener: Pick<PluginListener, 'address'>): string {
  return `1|2|${listener.address}|grpc\n`;
}

/** What a gRPC client dials for a handshake line (tests and benchmarks): `unix:<path>` or `127.0.0.1:<port>`. */
export function grpcTarget(handshake: string): string {
  const [, , network, address] = handshake.trim().split('|');
  return network === 'unix' ? `unix:${address}` : address;
}

/** Linux's sun_path holds 108 bytes with the closing NUL. */
const MAX_SOCKET_PATH = 107;

type Warn = (message: string, fields: { error: string }) => void;

export async function openListener(env: NodeJS.ProcessEnv = process.env, warn: Warn = () => {}): Promise<PluginListener> {
  const server: Server = createServer();
  let waiting: Socket[] | undefined = [];
  let accept: ((socket: Socket) => void) | undefined;
  server.on('connection', (socket) => {
    if (accept) {
      return accept(socket);
    }
    // A waiting connection reset by its client must not become an uncaught error.
    socket.once('error', () => socket.destroy());
    waiting?.push(socket);
  });
  let address: string;
  try {
    address = await listenOnUnixSocket(server, env);
  } catch (error) {
    warn('cannot listen on a Unix socket, listening on 127.0.0.1 instead', { error: (error as Error).message });
    await listenOn(server, { port: 0, host: '127.0.0.1' });
    address = `tcp|127.0.0.1:${(server.address() as { port: number }).port}`;
  }
  return {
    address,
    serve(next) {
      accept = next;
      const early = waiting ?? [];
      waiting = undefined;
      early.forEach(next);
    },
    close() {
      server.close();
      waiting?.forEach((socket) => socket.destroy());
      waiting = undefined;
    },
  };
}

/** go-plugin's way: a fresh name in the socket directory, the file removed again when the process exits. */
async function listenOnUnixSocket(server: Server, env: NodeJS.ProcessEnv): Promise<string> {
  const path = join(env.PLUGIN_UNIX_SOCKET_DIR || tmpdir(), `argoperf-plugin-${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH) {
    // Some libuv versions would bind a truncated path, which Grafana could not find.
    throw new Error(`the socket path ${path} is over ${MAX_SOCKET_PATH} bytes; set PLUGIN_UNIX_SOCKET_DIR or TMPDIR to a shorter directory`);
  }
  await listenOn(server, path);
  process.once('exit', () => removeSocket(path));
  try {
    allowGroup(path, env.PLUGIN_UNIX_SOCKET_GROUP);
  } catch (error) {
    server.close();
    throw error;
  }
  return `unix|${path}`;
}

function listenOn(server: Server, where: string | { port: number; host: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(where, () => (server.off('error', reject), resolve()));
  });
}

/** go-plugin's `PLUGIN_UNIX_SOCKET_GROUP`: a group id or name that may also use the socket. */
function allowGroup(path: string, group: string | undefined): void {
  if (!group) {
    return;
  }
  const gid = /^\d+$/.test(group) ? Number(group) : groupId(group);
  chownSync(path, -1, gid);
  chmodSync(path, 0o660);
}

function groupId(name: string): number {
  const line = readFileSync('/etc/group', 'utf8')
    .split('\n')
    .find((entry) => entry.split(':')[0] === name);
  const gid = line?.split(':')[2];
  if (!gid || !/^\d+$/.test(gid)) {
    throw new Error(`PLUGIN_UNIX_SOCKET_GROUP: no group named "${name}" in /etc/group; give its numeric id instead`);
  }
  return Number(gid);
}

/** Closing the server removes the file; this covers exits without a close. */
function removeSocket(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already removed by close()
  }
}
