import { masker, type Masker } from '../net/masker';
import { RecentlyUsed } from '../net/recentlyUsed';
import type { CallResourceResponse, CheckHealthResponse, PluginContext, QueryDataResponse } from '../protocol/messages';
import { contextSecrets } from '../settings/datasourceSecrets';

/**
 * The last step of every handler: whatever code produced the answer, no form of the datasource's
 * secrets leaves the plugin. Errors are worded safely where they arise (describeError, the Argo and
 * Elasticsearch error sentences); this pass is the net under them, for code that has not been written yet.
 */
export function outputMasker(ctx: PluginContext | null | undefined): Masker {
  const key = settingsKey(ctx);
  const make = () => masker(contextSecrets(ctx));
  return key === undefined ? make() : recentMaskers.get(key, make);
}

/**
 * The maskers of the last settings seen, by the settings they were made from. Every panel of a
 * dashboard sends its datasource's settings with each query, and reading the secrets out of them
 * (parsing the settings and URLs, every form of every secret) cost ~60 µs a call. Changed settings are
 * other bytes, so they get a masker of their own.
 */
const recentMaskers = new RecentlyUsed<string, Masker>(16);

/** The bytes the secrets are read from; undefined (no caching) for a context that cannot be keyed. */
function settingsKey(ctx: PluginContext | null | undefined): string | undefined {
  const ds = ctx?.dataSourceInstanceSettings;
  if (!ds) {
    return '';
  }
  try {
    const jsonData = ds.jsonData instanceof Uint8Array ? Buffer.from(ds.jsonData.buffer, ds.jsonData.byteOffset, ds.jsonData.byteLength).toString('utf8') : ds.jsonData;
    return JSON.stringify([jsonData ?? null, ds.decryptedSecureJsonData ?? null]);
  } catch {
    return undefined;
  }
}

/** Frames are masked before they are encoded (frames.ts objects); here the errors of every refId. */
export function maskQueryData(response: QueryDataResponse, mask: Masker): QueryDataResponse {
  if (!mask.active) {
    return response;
  }
  // refIds stay as sent: Grafana matches answers to queries by them.
  const responses = Object.fromEntries(
    Object.entries(response.responses ?? {}).map(([refId, answer]) => [refId, answer.error ? { ...answer, error: mask.text(answer.error) } : answer])
  );
  return { ...response, responses };
}

function maskJsonBytes<T extends Uint8Array | undefined>(bytes: T, mask: Masker): T | Buffer {
  if (!bytes || bytes.length === 0) {
    return bytes;
  }
  const text = Buffer.from(bytes).toString('utf8');
  try {
    return Buffer.from(JSON.stringify(mask.deep(JSON.parse(text))));
  } catch {
    return Buffer.from(mask.text(text));
  }
}

export function maskResourceResponse(response: CallResourceResponse, mask: Masker): CallResourceResponse {
  if (!mask.active) {
    return response;
  }
  return { ...response, headers: mask.deep(response.headers), body: maskJsonBytes(response.body, mask) };
}

export function maskHealth(response: CheckHealthResponse, mask: Masker): CheckHealthResponse {
  if (!mask.active) {
    return response;
  }
  return { ...response, message: mask.text(response.message ?? ''), jsonDetails: maskJsonBytes(response.jsonDetails, mask) };
}
