import { SECURE_KEYS, type DatasourceSettings } from '../../src/settings/model';
import { maskWhileAlive } from '../log/liveSecrets';
import { secretValues } from '../net/secretForms';
import type { PluginContext } from '../protocol/messages';

/**
 * A datasource's secrets in every form they travel in (secretForms.ts): its secure fields and the
 * passwords written into its URLs. From parsed settings, or straight from a request's plugin context,
 * so that even a request whose settings do not validate has its answer masked.
 */
export function datasourceSecrets(settings: DatasourceSettings): string[] {
  const { elasticsearch: es, argo, secrets } = settings;
  return secretValues({
    elasticsearch: { url: es?.url, username: es?.username, password: secrets.elasticsearchPassword, apiKey: secrets.elasticsearchApiKey },
    argo: { url: argo?.url, token: secrets.argoToken },
    other: [secrets.elasticsearchCaCert, secrets.argoCaCert],
  });
}

function field(value: unknown, ...path: string[]): string | undefined {
  const found = path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), value);
  return typeof found === 'string' ? found : undefined;
}

/** The secrets of the datasource a request is for, read from the request as sent (valid or not). */
export function contextSecrets(ctx: PluginContext | null | undefined): string[] {
  const ds = ctx?.dataSourceInstanceSettings;
  if (!ds) {
    return [];
  }
  let jsonData: unknown;
  try {
    jsonData = ds.jsonData?.length ? JSON.parse(Buffer.from(ds.jsonData).toString('utf8')) : {};
  } catch {
    jsonData = {}; // not JSON: the request is refused anyway, and a URL cannot be read from it
  }
  const secure: Record<string, unknown> =
    ds.decryptedSecureJsonData && typeof ds.decryptedSecureJsonData === 'object' ? ds.decryptedSecureJsonData : {};
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const known = new Set<string>(SECURE_KEYS);
  return secretValues({
    elasticsearch: {
      url: field(jsonData, 'elasticsearch', 'url'),
      username: field(jsonData, 'elasticsearch', 'username'),
      password: text(secure.elasticsearchPassword),
      apiKey: text(secure.elasticsearchApiKey),
    },
    argo: { url: field(jsonData, 'argo', 'url'), token: text(secure.argoToken) },
    // Every other secure value too (CA certificates, fields of other versions): none may show.
    other: [secure.elasticsearchCaCert, secure.argoCaCert, ...Object.entries(secure).filter(([key]) => !known.has(key)).map(([, v]) => v)].map(text),
  });
}

/** Masks the instance's secrets in the plugin's log while the instance lives (called when one is built). */
export function maskInLogs(instance: { settings: DatasourceSettings }): void {
  maskWhileAlive(instance, datasourceSecrets(instance.settings));
}
