/** A plain GET for tests of the double (global fetch; http only). */
export interface TestAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** Parsed JSON (undefined when the body is not JSON); tests read into it freely. */
  body: any;
}

/** GET url (+ path), with an optional bearer token. */
export async function testGet(url: string, token?: string): Promise<TestAnswer> {
  const res = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: Object.fromEntries(res.headers), text, body };
}
