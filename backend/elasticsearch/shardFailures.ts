import type { Notice } from '../frames/frame';
import { maskSecrets } from '../net/masker';
import { ES_ERRORS } from './elasticsearchErrorText';
import { causes, rootCauseType, shortReason, type Cause, type ElasticsearchErrorContext } from './elasticsearchErrors';

/**
 * A search that Elasticsearch answered with 200 although some shards failed (`_shards.failed`): its
 * numbers lack those shards' documents. The answer is used, with a warning that says so, why (the
 * exception, masked and cut like the error sentences) and what to do.
 */
export interface ShardsSection {
  total?: unknown;
  failed?: unknown;
  failures?: Array<{ index?: unknown; reason?: Cause }>;
}

const LISTED_INDICES = 3;

export function shardFailureNotice(
  shards: ShardsSection | undefined,
  ctx: ElasticsearchErrorContext
): Notice | undefined {
  const failed = Number(shards?.failed) || 0;
  if (!shards || failed <= 0) {
    return undefined;
  }
  const failures = Array.isArray(shards.failures) ? shards.failures : [];
  const body = { error: { failed_shards: failures } };
  const type = rootCauseType(body);
  const reason = causes(body)
    .map((cause) => cause.reason)
    .find((text): text is string => typeof text === 'string' && text.trim() !== '');
  const indices = [...new Set(failures.map((f) => f?.index).filter((i): i is string => typeof i === 'string'))];
  const shown = indices.slice(0, LISTED_INDICES).map((i) => maskSecrets(i, ctx.secrets));
  const text = ES_ERRORS.partialShards({
    failed,
    total: Number(shards.total) || failed,
    type,
    reason: reason === undefined ? undefined : shortReason(reason, ctx.secrets),
    indices: indices.length > LISTED_INDICES ? [...shown, `${indices.length - LISTED_INDICES} more`] : shown,
    index: ctx.index,
  });
  return { severity: 'warning', text: maskSecrets(text, ctx.secrets) };
}
