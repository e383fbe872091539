import { masker, type Masker } from '../net/masker';
import type { CallResourceResponse, CheckHealthResponse, PluginContext, QueryDataResponse } from '../protocol/messages';
import { contextSecrets } from '../settings/datasourceSecrets';

/**
 * The last step of every handler: whatever code produced the answer, no form of the datasource's
 * secrets leaves the plugin. Errors are worded safely where they arise (describeError, the Argo and
 * Elasticsearch error sentences); this pass is the net under them, for code that has not been written yet.
 */
export function outputMasker(ctx: PluginContext | null | undefined): Masker {
  return masker(contextSecrets(ctx));
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
