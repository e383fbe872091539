import { STATUS_CODES } from 'node:http';

/**
 * What the fault proxy answers by itself: a server error as Elasticsearch words it (with the cluster's
 * internals a user must not be shown), bytes that are not HTTP, and a server that echoes the request it
 * got (credentials and all) in its error, as some proxies and misconfigured servers do.
 */

/** Internals in Elasticsearch's 503 body: node name, transport address, shard. None belongs in a user's message. */
export const ELASTICSEARCH_INTERNALS = ['es-node-7f3c', '10.244.3.17:9300', 'indices:data/read/search[phase/query]'];

export const ELASTICSEARCH_503_BODY = JSON.stringify({
  error: {
    root_cause: [
      {
        type: 'no_shard_available_action_exception',
        reason: `[${ELASTICSEARCH_INTERNALS[0]}][${ELASTICSEARCH_INTERNALS[1]}][${ELASTICSEARCH_INTERNALS[2]}]`,
      },
    ],
    type: 'search_phase_execution_exception',
    reason: 'all shards failed',
    phase: 'query',
    grouped: true,
    failed_shards: [
      {
        shard: 0,
        index: 'argo-workflows-2026.01',
        node: 'aXb3-7f3c',
        reason: { type: 'no_shard_available_action_exception' },
      },
    ],
  },
  status: 503,
});

function answer(status: number, body: string, contentType: string): Buffer {
  const text = Buffer.from(body);
  return Buffer.from(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nContent-Type: ${contentType}\r\nContent-Length: ${text.length}\r\nConnection: close\r\n\r\n${body}`
  );
}

export function rawStatusAnswer(
  status: number,
  body = ELASTICSEARCH_503_BODY,
  contentType = 'application/json'
): Buffer {
  return answer(status, body, contentType);
}

/**
 * The request head echoed inside an error shaped for both clients: Elasticsearch reads `error.reason`,
 * the Argo Server's grpc-gateway errors carry `message`.
 */
export function echoAnswer(status: number, requestHead: string): Buffer {
  const echo = `request was: ${requestHead.replace(/\r\n/g, ' | ')}`;
  return answer(
    status,
    JSON.stringify({ error: { type: 'security_exception', reason: echo }, status, code: 16, message: echo }),
    'application/json'
  );
}

/** `count` bytes that no HTTP parser accepts (a fixed pattern, so runs repeat). */
export function garbageBytes(count: number): Buffer {
  const bytes = Buffer.alloc(count);
  let state = 0x2545f491;
  for (let i = 0; i < count; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  bytes[0] = 0x00;
  return bytes;
}
