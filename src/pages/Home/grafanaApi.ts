import { lastValueFrom } from 'rxjs';
import { getBackendSrv, isFetchError } from '@grafana/runtime';

/**
 * A GET or POST to Grafana's HTTP API without Grafana's error toast (the Home page shows each failure on
 * its own line). A failed call's body is returned as well when Grafana answers with one (the health
 * check answers 400 with the same body as 200), so callers read both alike.
 */
export async function grafanaApi<T>(options: { method: 'GET' | 'POST'; url: string; data?: unknown }): Promise<{ ok: boolean; status: number; data: T }> {
  try {
    const response = await lastValueFrom(getBackendSrv().fetch<T>({ ...options, showErrorAlert: false, showSuccessAlert: false }));
    return { ok: true, status: response.status, data: response.data };
  } catch (error) {
    if (isFetchError(error)) {
      return { ok: false, status: error.status, data: error.data as T };
    }
    throw error;
  }
}

/** Grafana's reason for a failed call ({"message": ...} or {"error": ...}), or its status. */
export function failureReason(status: number, data: unknown): string {
  const body = (data ?? {}) as { message?: unknown; error?: unknown };
  const text = [body.message, body.error].find((value) => typeof value === 'string' && value !== '');
  return (text as string | undefined) ?? `HTTP ${status}`;
}
