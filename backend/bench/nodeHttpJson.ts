import * as http from 'node:http';
import * as https from 'node:https';

import { HttpTimeoutError, type JsonRequest as RequestJsonRequest, type JsonResponse } from '../net/requestJson';

/**
 * backend/net/requestJson.ts as it was over node's http/https (before undici), kept as the baseline of
 * backend/bench/argoGetTransports.ts.
 */
/** requestJson's request, with a node:http agent as the pool. */
export type JsonRequest = Omit<RequestJsonRequest, 'agent'> & {
  /** A connection pool to reuse (keep-alive); its TLS options should match caCert and tlsSkipVerify. */
  agent?: http.Agent;
};

export function nodeHttpJson(request: JsonRequest): Promise<JsonResponse> {
  return new Promise((resolve, reject) => {
    const url = new URL(request.url);
    const transport = url.protocol === 'https:' ? https : http;
    const options: https.RequestOptions = {
      method: 'GET',
      headers: { Accept: 'application/json', ...request.headers },
      signal: request.signal,
      rejectUnauthorized: !request.tlsSkipVerify,
      ca: request.caCert || undefined,
      agent: request.agent,
    };
    const req = transport.request(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (request.maxBytes && size > request.maxBytes) {
          req.destroy(new Error(`answer larger than ${request.maxBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined, headers: res.headers });
        } catch {
          resolve({ status: res.statusCode ?? 0, body: undefined, text, headers: res.headers });
        }
      });
      res.on('error', reject);
    });
    // The whole exchange, not the silence between bytes (req.setTimeout): a server that drips an answer
    // byte by byte must not hold the query past its timeout.
    const timer = setTimeout(() => req.destroy(new HttpTimeoutError(request.timeoutMs)), request.timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end();
  });
}
