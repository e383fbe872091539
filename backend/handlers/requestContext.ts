import type { PluginContext, User } from '../protocol/messages';

/** What a handler may want to know about who asks and why, beyond the datasource settings. */
export interface RequestContext {
  user?: User;
  /** True when Grafana's alerting evaluates a rule (header FromAlert). */
  fromAlert: boolean;
  orgId: number;
  signal: AbortSignal;
}

export function requestContext(
  pluginContext: PluginContext | null | undefined,
  headers: Record<string, string> | undefined,
  signal: AbortSignal
): RequestContext {
  const fromAlert = Object.entries(headers ?? {}).some(
    ([key, value]) => key.toLowerCase().replace(/^http_/, '') === 'fromalert' && value === 'true'
  );
  return {
    user: pluginContext?.user ?? undefined,
    fromAlert,
    orgId: pluginContext?.orgId ?? 0,
    signal,
  };
}
