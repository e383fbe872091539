import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SearchCountingProxy {
  url: string;
  /** The most searches that were in flight at once. */
  most(): number;
  close(): Promise<void>;
}

/**
 * A proxy in front of the real node that counts the searches in flight and holds each answer for
 * `holdMs`, so that searches sent together are surely in flight together.
 */
export async function startSearchCountingProxy(target: URL, holdMs = 300): Promise<SearchCountingProxy> {
  let active = 0;
  let most = 0;
  const proxy = createServer((incoming, outgoing) => {
    const searching = incoming.url!.includes('/_search');
    if (searching) {
      most = Math.max(most, ++active);
    }
    const upstream = request({ host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: incoming.headers }, (answer) =>
      setTimeout(
        () => {
          outgoing.writeHead(answer.statusCode!, answer.headers);
          answer.pipe(outgoing);
          answer.on('end', () => searching && active--);
        },
        searching ? holdMs : 0
      )
    );
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    most: () => most,
    close: async () => {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    },
  };
}
