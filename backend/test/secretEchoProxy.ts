import * as http from 'node:http';

import { listenOnLoopback } from './tlsServer';

/**
 * A gateway that repeats back the credentials it received, as some proxies and API gateways do, in
 * front of a real upstream (the Elasticsearch node, the Argo Server double). `forward` passes requests
 * on and puts the echo into every error the upstream answers and into the error parts of its successful
 * answers (Elasticsearch shard failures, Argo workflow messages); a failing mode answers every request
 * itself with the echo in one of the shapes servers write errors in.
 */
export type EchoShape = 'elasticsearch' | 'argo' | 'text' | 'html' | 'asciiJson' | 'goJson' | 'doubleJson';
export type EchoMode = { kind: 'forward' } | { kind: 'fail'; status: number; shape: EchoShape };

export interface EchoProxy {
  /** http://127.0.0.1:<port> */
  url: string;
  /** host:port, to write URLs with credentials. */
  host: string;
  mode: EchoMode;
  /** Authorization headers received (proof that credentials were sent). */
  authorizations: string[];
  close(): Promise<void>;
}

/** Everything a request carried, and the forms a gateway may log it in (decoded Basic credentials, an absolute URL). */
function echoOf(req: http.IncomingMessage, body: string): Record<string, unknown> {
  const authorization = req.headers.authorization ?? '';
  const basic = /^basic\s+(\S+)/i.exec(authorization);
  const decoded = basic ? Buffer.from(basic[1], 'base64').toString('utf8') : '';
  const user = decoded.slice(0, Math.max(decoded.indexOf(':'), 0));
  const password = decoded.slice(decoded.indexOf(':') + 1);
  const bearer = /^(?:bearer|apikey)\s+(\S+)/i.exec(authorization)?.[1] ?? '';
  return {
    authorization,
    credentials: decoded,
    password,
    bearer,
    url: `http://${user}:${encodeURIComponent(password)}@${req.headers.host}${req.url}`,
    headers: req.headers,
    body,
  };
}

function nonAscii(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The echo as one shape of error body: [content type, text]. */
function echoBody(shape: EchoShape, status: number, echo: Record<string, unknown>): [string, string] {
  const said = `${String(echo.authorization)} ${String(echo.credentials)} ${String(echo.password)} ${String(echo.bearer)} ${String(echo.url)}`;
  const json = 'application/json';
  switch (shape) {
    case 'elasticsearch':
      return [
        json,
        JSON.stringify({
          error: {
            root_cause: [{ type: 'security_exception', reason: `unable to authenticate with [${said}]` }],
            type: 'search_phase_execution_exception',
            reason: `gateway saw ${said}`,
            caused_by: { type: 'gateway_exception', reason: JSON.stringify(echo) },
            failed_shards: [{ shard: 0, index: 'argo-workflows-x', node: 'n0d3Id', reason: { type: 'echo_exception', reason: said } }],
          },
          status,
        }),
      ];
    case 'argo':
      return [json, JSON.stringify({ code: 16, message: `token not valid: ${said}`, error: JSON.stringify(echo) })];
    case 'text':
      return ['text/plain', `${status} from the gateway\n${said}\n${JSON.stringify(echo)}`];
    case 'html':
      return ['text/html', `<html><body><h1>${status}</h1><pre>${said}</pre></body></html>`];
    case 'asciiJson':
      return [json, nonAscii(JSON.stringify({ error: { type: 'gateway', reason: said }, message: said, echo }))];
    case 'goJson':
      return [json, JSON.stringify({ error: said, message: said, echo }).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')];
    case 'doubleJson':
      return [json, JSON.stringify({ message: JSON.stringify({ message: said, echo }), error: { reason: JSON.stringify(JSON.stringify(echo)) } })];
  }
}

/** A successful upstream answer with the echo in its error parts; other answers unchanged. */
function withEcho(path: string, text: string, echo: Record<string, unknown>): string {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return text;
  }
  const said = `${String(echo.authorization)} ${String(echo.password)} ${String(echo.url)}`;
  if (/\/_search/.test(path) && body._shards && typeof body._shards === 'object') {
    const shards = body._shards as Record<string, unknown>;
    shards.failed = 1;
    shards.failures = [{ shard: 1, index: 'argo-workflows-x', node: 'n0d3Id', reason: { type: 'echo_exception', reason: said } }];
  }
  if (Array.isArray(body.items)) {
    for (const item of body.items as Array<{ status?: { message?: string } }>) {
      if (item?.status) {
        item.status.message = said;
      }
    }
  }
  return JSON.stringify(body);
}

function read(stream: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function forward(target: URL, req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: target.host, 'accept-encoding': 'identity' };
    const out = http.request(new URL(req.url ?? '/', target), { method: req.method, headers }, (res) => {
      read(res).then((text) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: text }), reject);
    });
    out.on('error', reject);
    out.end(body);
  });
}

export async function startEchoProxy(upstream: string, errorShape: EchoShape): Promise<EchoProxy> {
  const target = new URL(upstream);
  const proxy = { mode: { kind: 'forward' } as EchoMode, authorizations: [] as string[] };
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    void (async () => {
      const body = await read(req);
      proxy.authorizations.push(req.headers.authorization ?? '');
      const echo = echoOf(req, body.toString('utf8'));
      const mode = proxy.mode;
      if (mode.kind === 'fail') {
        const [type, text] = echoBody(mode.shape, mode.status, echo);
        res.writeHead(mode.status, { 'Content-Type': type, 'Retry-After': '0' });
        res.end(text);
        return;
      }
      const answer = await forward(target, req, body);
      const type = String(answer.headers['content-type'] ?? 'application/json');
      if (answer.status >= 400) {
        const [errorType, text] = echoBody(errorShape, answer.status, echo);
        res.writeHead(answer.status, { 'Content-Type': errorType });
        res.end(text);
        return;
      }
      const text = /json/.test(type) ? withEcho(req.url ?? '', answer.body.toString('utf8'), echo) : answer.body.toString('utf8');
      const headers = Object.fromEntries(
        Object.entries(answer.headers).filter(([name]) => !['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(name))
      );
      res.writeHead(answer.status, headers);
      res.end(text);
    })().catch((error: unknown) => {
      res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(`echo proxy: ${(error as Error).message}`);
    });
  };
  const { server, url } = await listenOnLoopback(listener);
  return Object.assign(proxy, {
    url,
    host: new URL(url).host,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
