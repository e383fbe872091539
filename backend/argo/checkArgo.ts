import type { ArgoSettings, SecureJsonData } from '../../src/settings/model';
import { describeError, statusMessage, type ErrorContext } from '../net/describeError';
import { maskSecrets } from '../net/masker';
import { requestJson } from '../net/requestJson';
import { shownUrl } from '../net/urlCredentials';
import { secretsOf } from './client/clientOptions';

export interface ServiceHealth {
  ok: boolean;
  message: string;
  version?: string;
}

/** The Authorization header for a token given with or without its "Bearer " prefix. */
export function bearerHeader(token: string | undefined): Record<string, string> {
  if (!token) {
    return {};
  }
  const trimmed = token.trim();
  return { Authorization: /^bearer\s/i.test(trimmed) ? trimmed : `Bearer ${trimmed}` };
}

export function argoApiUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

/** GET /api/v1/version: the server is there, our token is accepted, and which version it runs. */
export async function checkArgo(argo: ArgoSettings, secrets: SecureJsonData, signal: AbortSignal): Promise<ServiceHealth> {
  const ctx: ErrorContext = {
    service: 'the Argo Server',
    url: argo.url,
    timeoutSeconds: argo.timeoutSeconds,
    secrets: secretsOf({ url: argo.url, token: secrets.argoToken }),
  };
  try {
    const response = await requestJson({
      url: argoApiUrl(argo.url, '/api/v1/version'),
      headers: bearerHeader(secrets.argoToken),
      timeoutMs: argo.timeoutSeconds * 1000,
      tlsSkipVerify: argo.tlsSkipVerify,
      caCert: secrets.argoCaCert,
      signal,
      maxBytes: 1 << 20,
    });
    if (response.status !== 200) {
      return { ok: false, message: statusMessage(response.status, ctx) };
    }
    const version = (response.body as { version?: unknown } | undefined)?.version;
    if (typeof version !== 'string') {
      const message = `${shownUrl(argo.url)}/api/v1/version did not answer like an Argo Server (no version field); check the URL`;
      return { ok: false, message: maskSecrets(message, ctx.secrets) };
    }
    return { ok: true, version, message: `Argo Server ${version} reachable` };
  } catch (error) {
    return { ok: false, message: describeError(error, ctx) };
  }
}
