import type { FuzzCase } from './caseRunner';

/**
 * A failing case as readable request JSON: the query payload shown as the JSON it holds (or its text or
 * bytes), huge strings and lists abbreviated with their length, placeholders ($ES, $ARGO, $ECHO,
 * $CLOSED, $INDEX) left for the environment's addresses.
 */
const LONG_STRING = 120;
const LONG_LIST = 12;

function abbreviate(value: unknown): unknown {
  if (typeof value === 'string' && value.length > LONG_STRING) {
    const first = value.slice(0, 24);
    return value === first[0].repeat(value.length)
      ? `<${JSON.stringify(first[0])} × ${value.length}>`
      : `${value.slice(0, 60)}…<${value.length} chars>`;
  }
  if (Array.isArray(value)) {
    const items = value.slice(0, LONG_LIST).map(abbreviate);
    return value.length > LONG_LIST ? [...items, `<… ${value.length} items in all>`] : items;
  }
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(copy, key, {
        value: abbreviate(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  }
  return value;
}

function payloadView(payload: { text: string } | { base64: string }): unknown {
  if ('base64' in payload) {
    return { bytesBase64: abbreviate(payload.base64) };
  }
  try {
    const value = JSON.parse(payload.text);
    // Only when the text is exactly what JSON.stringify would write; otherwise the text itself matters.
    return JSON.stringify(value) === payload.text ? { json: abbreviate(value) } : { text: abbreviate(payload.text) };
  } catch {
    return { text: abbreviate(payload.text) };
  }
}

export function describeCase(fuzzCase: FuzzCase): string {
  if (fuzzCase.service !== 'QueryData') {
    return JSON.stringify(abbreviate({ service: fuzzCase.service, ...fuzzCase.request }));
  }
  const { settings, headers, queries, savedWhileRunning } = fuzzCase.request;
  return JSON.stringify({
    service: 'QueryData',
    settings: abbreviate(settings),
    ...(savedWhileRunning ? { savedWhileRunning } : {}),
    headers,
    queries: queries.map(({ payload, hugeAtKnownField, ...query }) => ({
      ...(abbreviate(query) as object),
      ...(payloadView(payload) as object),
    })),
  });
}
