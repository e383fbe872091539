import { Writable } from 'node:stream';

import { type Client } from '@elastic/elasticsearch';

import type { ArgoDocument } from '../argo/extract/documents';
import { runCollectorCli } from '../collector/cli';

/** The demo tests' fixed end (30 s after a full hour) and history length. */
export const END = '2026-12-06T09:00:30Z';
export const END_MS = Date.parse(END);
export const DAYS = 30;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `collector <args>` in process, as the packaged executable's `collect` does. */
export async function collector(args: string[], env: NodeJS.ProcessEnv = {}, signal?: AbortSignal, onStdout?: (text: string) => void): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = new Writable({
    write: (chunk, _encoding, done) => {
      stdout += chunk.toString();
      onStdout?.(stdout);
      done();
    },
  });
  const code = await runCollectorCli(args, { env, stdout: out, writeErr: (text) => (stderr += text), isTty: false, signal });
  return { code, stdout, stderr };
}

/** Every document under `<prefix>-*`, by id. */
export async function allDocuments(client: Client, prefix: string): Promise<Map<string, ArgoDocument>> {
  await client.indices.refresh({ index: `${prefix}-*` });
  const documents = new Map<string, ArgoDocument>();
  for await (const page of client.helpers.scrollSearch<ArgoDocument>({ index: `${prefix}-*`, size: 5_000, query: { match_all: {} } })) {
    for (const hit of page.body.hits.hits) {
      documents.set(`${hit._index}/${hit._id}`, hit._source!);
    }
  }
  return documents;
}

/** Removes a test's indices and index template. */
export async function dropPrefix(client: Client, prefix: string): Promise<void> {
  await client.indices.delete({ index: `${prefix}-*`, allow_no_indices: true, ignore_unavailable: true });
  await client.indices.deleteIndexTemplate({ name: prefix }, { ignore: [404] });
}
