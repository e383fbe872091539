/**
 * The forms in which a server can repeat a value back, as regular-expression sources: as is and inside
 * JSON, nested any number of times (each `"`, `\` and `/` behind any run of backslashes; non-ASCII,
 * control characters and Go's HTML-safe `< > &` also as \uXXXX in either case of hex), percent-encoded
 * (query strings, form bodies, URL userinfo) and HTML-escaped.
 */
const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

const SHORT_ESCAPES: Record<string, string> = { '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't' };

/** \uXXXX for one UTF-16 unit, hex digits in either case, after one or more backslashes. */
function unicodeEscape(unit: number): string {
  const hex = unit
    .toString(16)
    .padStart(4, '0')
    .replace(/[a-f]/g, (d) => `[${d}${d.toUpperCase()}]`);
  return `\\\\+u${hex}`;
}

/** One character of the value as it may appear after any depth of JSON escaping. */
function jsonCharacter(ch: string): string {
  const literal = escapeRegExp(ch);
  if (ch === '"' || ch === '/') {
    return `\\\\*${literal}`;
  }
  if (ch === '\\') {
    return '\\\\+';
  }
  const units = [...Array(ch.length).keys()].map((i) => ch.charCodeAt(i));
  const code = units[0];
  if (code < 0x20) {
    const short = SHORT_ESCAPES[ch];
    return `(?:${literal}|${short ? `\\\\+${short}|` : ''}${unicodeEscape(code)})`;
  }
  if (code > 0x7e || ch === '<' || ch === '>' || ch === '&') {
    return `(?:${literal}|${units.map(unicodeEscape).join('')})`;
  }
  return literal;
}

function jsonPattern(value: string): string {
  return [...value].map(jsonCharacter).join('');
}

function htmlEscaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** How the URL parser writes a password into userinfo (its own percent-encode set). */
function userinfoEncoded(text: string): string {
  try {
    const url = new URL('http://host/');
    url.password = text;
    return url.password;
  } catch {
    return text;
  }
}

/** Regular-expression sources matching every echoed form of the value. */
export function echoPatterns(value: string): string[] {
  // A lone surrogate has no percent-encoding (encodeURIComponent throws); servers send U+FFFD for it.
  const encoded = encodeURIComponent(value.replace(/\p{Surrogate}/gu, '\ufffd'));
  const literals = new Set([
    encoded,
    encoded.replace(/%20/g, '+'),
    userinfoEncoded(value),
    htmlEscaped(value),
  ]);
  literals.delete(value);
  return [jsonPattern(value), ...[...literals].map(escapeRegExp)];
}
