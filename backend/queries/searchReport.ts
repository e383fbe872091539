import type { Frame } from '../frames/frame';
import type { SearchRecord, SentSearch } from '../elasticsearch/searchRecord';

/**
 * Puts what a query's Elasticsearch searches really were on its frames: the bodies as sent in the
 * query inspector's text when a label pattern changed them, and the searches' warnings as notices.
 */
export const EXECUTED_LABELS = {
  listing: '// sent first: the label values that match the regular expressions (terms aggregation with include)',
  search: '// then sent: the search, with those values in place of the label regular expressions',
};

/** The searches as sent, labelled; undefined when none was rewritten (the runner's text is what was sent). */
export function executedSearches(searches: SentSearch[]): string | undefined {
  if (!searches.some((search) => search.listing)) {
    return undefined;
  }
  return searches
    .map((search) =>
      search.listing
        ? [
            EXECUTED_LABELS.listing,
            JSON.stringify(search.listing),
            EXECUTED_LABELS.search,
            JSON.stringify(search.sent),
          ].join('\n')
        : JSON.stringify(search.sent)
    )
    .join('\n');
}

export function reportSearches(refId: string, frames: Frame[], record: SearchRecord): Frame[] {
  const executed = executedSearches(record.searches);
  if (executed === undefined && record.notices.length === 0) {
    return frames;
  }
  const answer = frames.length > 0 ? frames : [{ refId, fields: [] }];
  const meta = answer[0].meta ?? {};
  answer[0].meta = {
    ...meta,
    ...(executed === undefined ? {} : { executedQueryString: executed }),
    ...(record.notices.length ? { notices: [...(meta.notices ?? []), ...record.notices] } : {}),
  };
  return answer;
}
