import { URL_PASSWORD } from './knownSecrets';
import type { Violation } from './oracle';

/**
 * The defect classes the review of issue 10 found by fuzzing, so that a run tells a known finding
 * from a new one. A finding matches a class by its rule and message; anything else is NEW.
 */
export interface DefectClass {
  id: string;
  title: string;
  matches(violation: Violation): boolean;
}

export const KNOWN_DEFECTS: DefectClass[] = [
  {
    id: 'url-password',
    title: 'URL passwords (userinfo) in messages or logs',
    matches: (v) => v.rule === 'secret-leak' && v.detail.includes(URL_PASSWORD),
  },
  {
    id: 'credentials-echoed',
    title: 'credentials echoed (an upstream error that repeats the request reaches the answer or the log)',
    matches: (v) => v.rule === 'secret-leak',
  },
  {
    id: 'settings-saved-in-flight',
    title: 'a settings save fails the queries in flight (their clients are closed under them)',
    matches: (v) => /no living connections|client (is )?closed|ClientClosed/i.test(v.detail),
  },
  {
    id: 'refid-proto',
    title: 'refId __proto__ (and other Object.prototype names) dropped from the answer',
    matches: (v) => v.rule.startsWith('refid-') && /__proto__/.test(v.detail),
  },
  {
    id: 'uri-malformed',
    title: 'lone surrogate → 500 "URI malformed"',
    matches: (v) => /URI malformed/.test(v.detail),
  },
  {
    id: 'resource-500',
    title: 'CallResource 500 for a malformed url or an out-of-range from/to (source=argo)',
    matches: (v) =>
      v.rule === 'resource-500' && /Invalid URL|Invalid time value|Invalid Date|URI malformed|date/i.test(v.detail),
  },
  {
    id: 'huge-values',
    title: 'validation errors echo huge values; huge names reach Elasticsearch',
    matches: (v) =>
      v.rule === 'message-too-long' ||
      v.rule === 'huge-input-accepted' ||
      v.rule === 'huge-setting-accepted' ||
      /Term is longer than maximum indexable length|status 431|header is larger than|HTTP line is larger than|length of regex/.test(
        v.detail
      ),
  },
  {
    id: 'adhoc-regex-labels',
    title: 'ad hoc regex filters (=~, !~) on labels fail',
    matches: (v) => /\[regexp\] queries are not currently supported on keyed \[flattened\] fields/.test(v.detail),
  },
  {
    id: 'fractional-interval',
    title: 'odd intervalMs → an Elasticsearch error ("fractional time values are not supported")',
    matches: (v) => /fractional time values|fixed_interval|date_histogram/i.test(v.detail),
  },
  {
    id: 'not-configured',
    title: '"not configured" answered 500 instead of 400',
    matches: (v) => /is not configured|configure Elasticsearch in the datasource settings/i.test(v.detail),
  },
];

export function knownDefectOf(violation: Violation): DefectClass | undefined {
  return KNOWN_DEFECTS.find((defect) => defect.matches(violation));
}

/**
 * Classes this fuzzer found beyond the review's list (reported as NEW, grouped so that one root cause
 * reads as one line); a finding in neither list is NEW and unclassified.
 */
export const NEW_DEFECTS: DefectClass[] = [
  {
    id: 'refid-empty',
    title: 'an empty refId is answered under "A" (and "A" asked beside it loses its answer)',
    matches: (v) => v.rule.startsWith('refid-') && (v.detail === '""' || v.detail === '"A"'),
  },
  {
    id: 'adhoc-invalid-regex',
    title: 'an invalid ad hoc regex reaches Elasticsearch: a 400 that does not name filters.adhoc[i].value',
    matches: (v) => /failed to create query|failed to parse field \[must_not\]/.test(v.detail),
  },
  {
    id: 'auth-header-invalid',
    title:
      'a credential that cannot be an HTTP header (non-ASCII user in the URL, token with a newline) → 502 from a working upstream',
    matches: (v) => /invalid authorization header|Invalid character in header content/i.test(v.detail),
  },
  {
    id: 'es-status-without-detail',
    title:
      'Elasticsearch 400 shown as "Elasticsearch answered status 400" with nothing to act on (URL with a sub-path)',
    matches: (v) => /Elasticsearch answered status 400$/.test(v.detail),
  },
  {
    id: 'time-range-beyond-dates',
    title: 'a time range at the end of the Date range → 500 "Invalid time value" (cronDrift)',
    matches: (v) => v.rule !== 'resource-500' && /Invalid time value|Invalid Date/.test(v.detail),
  },
  {
    id: 'resource-time-to-es',
    title: 'CallResource from/to beyond epoch milliseconds reach Elasticsearch ("failed to parse date field")',
    matches: (v) => /failed to parse date field/.test(v.detail),
  },
];

export function newDefectOf(violation: Violation): DefectClass | undefined {
  return NEW_DEFECTS.find((defect) => defect.matches(violation));
}

/** The same failure whatever the values: quoted text, numbers and URLs made generic, then cut. */
export function signatureOf(service: string, violation: Violation): string {
  // Which refId went astray is the finding itself.
  if (violation.rule.startsWith('refid-')) {
    return `${service} ${violation.rule}: ${violation.detail.slice(0, 60)}`;
  }
  const detail = violation.detail
    .replace(/https?:\/\/\S+/g, 'URL')
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\([^()]*\)/g, '(…)')
    .replace(/\d+(\.\d+)?/g, 'N')
    .slice(0, 120);
  return `${service} ${violation.rule}: ${detail}`;
}
