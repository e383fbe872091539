import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A self-signed certificate for 127.0.0.1, made with openssl for this test run; its files are removed. */
export function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'argoperf-tls-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface TestServer {
  url: string;
  requests: http.IncomingMessage[];
  close(): Promise<void>;
}

/** An http or https server listening on 127.0.0.1 (a free port), and its base URL. */
export async function listenOnLoopback(
  listener: http.RequestListener,
  tls?: { key: string; cert: string }
): Promise<{ server: http.Server; url: string }> {
  const server = tls ? https.createServer(tls, listener) : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { server, url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}` };
}

/** An http or https server on 127.0.0.1 answering with the given handler; it records requests. */
export async function startServer(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void,
  tls?: { key: string; cert: string }
): Promise<TestServer> {
  const requests: http.IncomingMessage[] = [];
  const { server, url } = await listenOnLoopback((req, res) => {
    requests.push(req);
    handler(req, res);
  }, tls);
  return {
    url,
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
