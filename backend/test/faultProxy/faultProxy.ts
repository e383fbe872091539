import * as net from 'node:net';

import { echoAnswer, garbageBytes, rawStatusAnswer } from './faultAnswers';

/**
 * A TCP proxy between the backend and one upstream (Elasticsearch or the Argo Server double) that
 * injects faults on command, below HTTP and TLS, the way a broken network or server looks to the
 * backend. Setting a fault drops the connections open so far, so keep-alive sockets feel it too.
 */
export type ProxyFault =
  /** Pass everything through. */
  | { kind: 'none' }
  /** Nothing listens on the port any more: connection refused. */
  | { kind: 'refuse' }
  /** The request reaches the upstream; its answer is cut after `afterBytes` (default: half) by a TCP reset. */
  | { kind: 'reset'; afterBytes?: number }
  /** The connection is accepted and the request read, but nothing ever comes back. */
  | { kind: 'stall' }
  /** The upstream's answer arrives `bytes` at a time, one piece every `everyMs`. */
  | { kind: 'drip'; bytes?: number; everyMs?: number }
  /** The upstream's answer is cut after `afterBytes` (default: half) and the connection closed cleanly. */
  | { kind: 'truncate'; afterBytes?: number }
  /** Bytes that are not HTTP at all, then the connection is closed. */
  | { kind: 'garbage'; bytes?: number }
  /** The proxy answers this status itself (a 5xx by default), with `body` (default: a plain sentence). */
  | { kind: 'status'; status?: number; body?: string; contentType?: string }
  /** The proxy answers `status` with the request's own head (headers, credentials and all) in the body. */
  | { kind: 'echo'; status?: number };

export interface FaultProxy {
  /** The port the backend connects to, on 127.0.0.1. */
  readonly port: number;
  /** `scheme://127.0.0.1:<port>` for an upstream URL's scheme and any path after it. */
  url(scheme?: 'http' | 'https', path?: string): string;
  /** Replaces the fault (drops the open connections first). */
  setFault(fault: ProxyFault): Promise<void>;
  readonly fault: ProxyFault;
  /** Connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

interface Pair {
  client: net.Socket;
  upstream?: net.Socket;
  timer?: NodeJS.Timeout;
}

/** Where the headers of an HTTP message end in `data`, or -1. */
function headEnd(data: Buffer): number {
  const at = data.indexOf('\r\n\r\n');
  return at < 0 ? -1 : at + 4;
}

export async function startFaultProxy(
  upstream: { host: string; port: number },
  initial: ProxyFault = { kind: 'none' }
): Promise<FaultProxy> {
  let fault: ProxyFault = initial;
  let connections = 0;
  const pairs = new Set<Pair>();
  let server: net.Server | undefined;
  let port = 0;

  const drop = (pair: Pair) => {
    clearInterval(pair.timer);
    pair.client.destroy();
    pair.upstream?.destroy();
    pairs.delete(pair);
  };

  /** Forwards the upstream's answer to the client through `deliver`, which sees every chunk in order. */
  const relay = (pair: Pair, deliver: (chunk: Buffer) => void) => {
    const upstreamSocket = net.connect(upstream.port, upstream.host);
    pair.upstream = upstreamSocket;
    pair.client.on('data', (chunk) => upstreamSocket.write(chunk));
    pair.client.on('end', () => upstreamSocket.end());
    upstreamSocket.on('data', deliver);
    upstreamSocket.on('end', () => pair.client.end());
    upstreamSocket.on('error', () => drop(pair));
  };

  /** An answer cut after `limit` bytes (default: half the first chunk's body), then reset or closed. */
  const cut = (pair: Pair, limit: number | undefined, finish: () => void) => {
    let sent = 0;
    let budget = limit;
    relay(pair, (chunk) => {
      if (budget === undefined) {
        const end = headEnd(chunk);
        budget = end < 0 ? Math.floor(chunk.length / 2) : end + Math.floor((chunk.length - end) / 2);
      }
      const piece = chunk.subarray(0, Math.max(0, budget - sent));
      sent += piece.length;
      pair.client.write(piece);
      if (sent >= budget) {
        pair.upstream?.removeAllListeners('data');
        pair.upstream?.destroy();
        // Let the client read what was written: a reset that arrives first makes its kernel drop it.
        setTimeout(finish, 150);
      }
    });
  };

  const onConnection = (client: net.Socket) => {
    connections++;
    const pair: Pair = { client };
    pairs.add(pair);
    client.on('error', () => drop(pair));
    client.on('close', () => drop(pair));
    const current = fault;
    switch (current.kind) {
      case 'none':
        return relay(pair, (chunk) => client.write(chunk));
      case 'refuse':
        return drop(pair);
      case 'stall':
        return client.on('data', () => undefined);
      case 'reset':
        return cut(pair, current.afterBytes, () => (client.destroyed ? undefined : client.resetAndDestroy()));
      case 'truncate':
        return cut(pair, current.afterBytes, () => client.end());
      case 'drip': {
        const queue: Buffer[] = [];
        let ended = false;
        relay(pair, (chunk) => queue.push(chunk));
        pair.upstream!.removeAllListeners('end');
        pair.upstream!.on('end', () => (ended = true));
        pair.timer = setInterval(() => {
          const head = queue[0];
          if (!head) {
            if (ended) {
              clearInterval(pair.timer);
              client.end();
            }
            return;
          }
          const piece = head.subarray(0, current.bytes ?? 16);
          queue[0] = head.subarray(piece.length);
          if (queue[0].length === 0) {
            queue.shift();
          }
          client.write(piece);
        }, current.everyMs ?? 200);
        return;
      }
      case 'garbage':
        return answerOnRequest(client, () => garbageBytes(current.bytes ?? 512));
      case 'status':
        return answerOnRequest(client, () => rawStatusAnswer(current.status ?? 503, current.body, current.contentType));
      case 'echo':
        return answerOnRequest(client, (head) => echoAnswer(current.status ?? 401, head));
    }
  };

  /** Reads the request head, then answers it with `answer` and closes. */
  const answerOnRequest = (client: net.Socket, answer: (head: string) => Buffer) => {
    let received = Buffer.alloc(0);
    client.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      const end = headEnd(received);
      if (end >= 0 || received.length > 64 * 1024) {
        client.removeAllListeners('data');
        client.end(answer(received.subarray(0, end < 0 ? received.length : end).toString('latin1')));
      }
    });
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = net.createServer(onConnection);
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as net.AddressInfo).port;
        server = next;
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      const current = server;
      server = undefined;
      current ? current.close(() => resolve()) : resolve();
    });

  // Listen once even when refusing from the start, so the port is known (and then refused).
  await listen();
  if (initial.kind === 'refuse') {
    await stopListening();
  }

  return {
    get port() {
      return port;
    },
    url: (scheme = 'http', path = '') => `${scheme}://127.0.0.1:${port}${path}`,
    get fault() {
      return fault;
    },
    get connections() {
      return connections;
    },
    async setFault(next) {
      fault = next;
      [...pairs].forEach(drop);
      if (next.kind === 'refuse') {
        await stopListening();
      } else if (!server) {
        await listen();
      }
    },
    async close() {
      [...pairs].forEach(drop);
      await stopListening();
    },
  };
}
