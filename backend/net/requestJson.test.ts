import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { requestJson } from './requestJson';

/** A server that answers 200 and then sends one byte every 100 ms, forever (a slow drip). */
function drippingServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('[');
    const timer = setInterval(() => res.write(' '), 100);
    res.on('close', () => clearInterval(timer));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }))
  );
}

describe('requestJson', () => {
  it('ends an answer that keeps dripping at the timeout: the timeout is for the whole answer, not between bytes', async () => {
    const { server, url } = await drippingServer();
    try {
      const started = Date.now();
      await expect(requestJson({ url, timeoutMs: 800 })).rejects.toMatchObject({ name: 'TimeoutError' });
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(750);
      expect(took).toBeLessThan(5000);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
