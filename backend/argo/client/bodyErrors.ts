import { argoError, requestUrl, type ArgoRequestError, type ErrorSetting } from './argoErrors';

/** Sentences for 2xx answers that are not usable JSON. */
/** The byte offset where JSON.parse gave up (the end of the text when it ran out). */
export function invalidJsonByte(text: string): number {
  try {
    JSON.parse(text);
    return -1;
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    return Buffer.byteLength(position ? text.slice(0, Number(position[1])) : text, 'utf8');
  }
}

/** A 2xx answer whose body is not JSON: HTML (wrong URL, login page) or broken/truncated JSON. */
export function bodyError(
  text: string | undefined,
  contentType: string | undefined,
  status: number,
  path: string,
  setting: ErrorSetting,
  attempts: number
): ArgoRequestError {
  const body = text ?? '';
  if (/text\/html/i.test(contentType ?? '') || /^\s*</.test(body)) {
    return argoError(
      `the Argo Server URL answered with an HTML page instead of JSON (status ${status}) for ${requestUrl(setting, path)}; the URL probably points at the Argo UI, a login page or another service: check the URL and its sub-path`,
      'html',
      setting,
      status,
      attempts
    );
  }
  if (!body.trim()) {
    return argoError(
      `the Argo Server answered status ${status} with an empty body for ${requestUrl(setting, path)}; expected JSON`,
      'invalidJson',
      setting,
      status,
      attempts
    );
  }
  const size = Buffer.byteLength(body, 'utf8');
  const offset = invalidJsonByte(body);
  const cut = offset >= size ? ' (it ends early: the answer was cut off)' : '';
  return argoError(
    `the Argo Server answered with invalid JSON at byte ${offset} of ${size}${cut} for ${requestUrl(setting, path)}; a proxy between Grafana and Argo may have cut or changed the answer`,
    'invalidJson',
    setting,
    status,
    attempts
  );
}
