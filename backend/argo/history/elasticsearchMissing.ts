import type { Notice } from '../../frames/frame';

/**
 * What an answer from the Argo Server lacks when the Elasticsearch part of it failed: the runs Argo has
 * already deleted (TTL) that the collector kept. Said per use, so the user knows what to distrust.
 */
export type MergeUse = 'history' | 'p95';

const CONSEQUENCE: Record<MergeUse, string> = {
  history:
    'this answer has only the runs the Argo Server still holds: runs the Argo Server has already deleted (TTL) but Elasticsearch kept are missing, so counts may be low and rates and percentiles biased',
  p95: "each template's p95 comes only from the runs the Argo Server still holds: runs it has already deleted (TTL) but Elasticsearch kept are left out, so fewer templates may have one",
};

/** `reason`: the Elasticsearch failure as the user would see it (already masked). */
export function elasticsearchMissingNotice(reason: string, use: MergeUse): Notice {
  return { severity: 'warning', text: `Elasticsearch could not be read (${reason}), so ${CONSEQUENCE[use]}.` };
}
