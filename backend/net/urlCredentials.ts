/**
 * Credentials written into a URL (`https://user:secret@host`): the password in each form it can take,
 * and the URL as shown to people (`https://user:***@host`) or used in links (no credentials at all).
 */
export interface UrlCredentials {
  user: string;
  /** Decoded, as clients send it (Basic base64(user:password)). */
  password: string;
  /** As written in the settings, and as the URL parser normalises it (percent-encoded). */
  written: string[];
}

/** The userinfo of a URL as written, without parsing (a parser may re-encode it). */
function writtenUserinfo(url: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(url.trim())?.[1];
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The user and password of a URL; undefined when it carries no password. */
export function urlCredentials(url: string | undefined): UrlCredentials | undefined {
  if (!url) {
    return undefined;
  }
  const userinfo = writtenUserinfo(url);
  let parsed: URL | undefined;
  try {
    parsed = new URL(url.trim());
  } catch {
    parsed = undefined;
  }
  const rawPassword = userinfo?.includes(':') ? userinfo.slice(userinfo.indexOf(':') + 1) : '';
  const password = parsed?.password ? decode(parsed.password) : decode(rawPassword);
  if (!password && !rawPassword) {
    return undefined;
  }
  const user = parsed ? decode(parsed.username) : decode(userinfo?.split(':')[0] ?? '');
  return { user, password, written: [...new Set([rawPassword, parsed?.password ?? ''].filter(Boolean))] };
}

/** The URL for messages: a password becomes ***, everything else stays (https://user:***@host/path). */
export function shownUrl(url: string): string {
  const userinfo = writtenUserinfo(url);
  if (!userinfo || !userinfo.includes(':')) {
    return url;
  }
  return url.replace(`${userinfo}@`, `${userinfo.slice(0, userinfo.indexOf(':'))}:***@`);
}

/** The URL without user or password, for links a browser follows. */
export function urlWithoutCredentials(url: string): string {
  const userinfo = writtenUserinfo(url);
  return userinfo === undefined ? url : url.replace(`${userinfo}@`, '');
}
