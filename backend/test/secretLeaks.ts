/**
 * Every form in which a test's secrets could show up in output, written out here independently of the
 * product's masking code, and a search of output bytes for them.
 */
export interface TestCredentials {
  esUser?: string;
  esPassword?: string;
  esApiKey?: string;
  esUrlUser?: string;
  esUrlPassword?: string;
  argoToken?: string;
  argoUrlUser?: string;
  argoUrlPassword?: string;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const jsonInner = (text: string) => JSON.stringify(text).slice(1, -1);
const hex4 = (c: string) => c.charCodeAt(0).toString(16).padStart(4, '0');
const html = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The values a secret travels as: the raw secret, and what the clients send for it. */
export function sentValues(c: TestCredentials): string[] {
  const values: string[] = [];
  const add = (...more: Array<string | undefined | false>) => values.push(...more.filter((v): v is string => !!v));
  add(c.esPassword, c.esPassword !== undefined && base64(`${c.esUser ?? ''}:${c.esPassword}`));
  if (c.esApiKey) {
    add(c.esApiKey);
    const pair = /^[^:]+:(.+)$/.exec(c.esApiKey) ?? /^[^:]+:(.+)$/.exec(Buffer.from(c.esApiKey, 'base64').toString('utf8'));
    if (pair) {
      add(pair[0], pair[1], base64(pair[0]));
    }
  }
  add(c.esUrlPassword, c.esUrlPassword !== undefined && base64(`${c.esUrlUser ?? ''}:${c.esUrlPassword}`));
  add(c.argoToken?.replace(/^bearer\s+/i, ''));
  add(c.argoUrlPassword, c.argoUrlPassword !== undefined && base64(`${c.argoUrlUser ?? ''}:${c.argoUrlPassword}`));
  return [...new Set(values)];
}

/** How a value can come back: raw, JSON-escaped (once, twice, ASCII-only, Go's HTML-safe), percent-encoded, HTML-escaped. */
export function echoedForms(value: string): string[] {
  const once = jsonInner(value);
  return [
    value,
    once,
    jsonInner(once),
    once.replace(/[\u007f-\uffff]/g, (c) => `\\u${hex4(c)}`),
    once.replace(/[\u007f-\uffff]/g, (c) => `\\u${hex4(c).toUpperCase()}`),
    once.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026'),
    encodeURIComponent(value),
    html(value),
  ];
}

/** Runs of `length` characters of a value: a secret cut short must not show either. */
function pieces(value: string, length: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + length <= value.length; i++) {
    out.push(value.slice(i, i + length));
  }
  return out;
}

/** Every string that must never appear in output. */
export function forbiddenStrings(credentials: TestCredentials[]): string[] {
  const all = new Set<string>();
  for (const c of credentials) {
    for (const value of sentValues(c)) {
      echoedForms(value).forEach((form) => all.add(form));
      pieces(value, 10).forEach((piece) => all.add(piece));
    }
  }
  return [...all].filter((form) => form.length >= 4);
}

export interface Output {
  /** Where it came from: "QueryData A (durations, argo)", "log". */
  where: string;
  bytes: Buffer | string;
}

/** Each output that contains a forbidden string, with the string and some context. */
export function findLeaks(outputs: Output[], forbidden: string[]): string[] {
  const leaks: string[] = [];
  for (const output of outputs) {
    const bytes = Buffer.isBuffer(output.bytes) ? output.bytes : Buffer.from(output.bytes, 'utf8');
    for (const form of forbidden) {
      const at = bytes.indexOf(form, 0, 'utf8');
      if (at >= 0) {
        const context = bytes.subarray(Math.max(0, at - 60), at + form.length + 60).toString('utf8');
        leaks.push(`${output.where}: ${JSON.stringify(form)} in …${context}…`);
        break;
      }
    }
  }
  return leaks;
}
