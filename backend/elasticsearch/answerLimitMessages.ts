/** What a query whose Elasticsearch answer is over the limit (answerLimits.ts) answers, for that refId. */
export function answerTooLargeMessage(limitBytes: number): string {
  const mb = Math.round((limitBytes / 1048576) * 10) / 10;
  return (
    `Elasticsearch's answer to this query is larger than ${mb} MB, the most the datasource reads for one query; ` +
    'narrow it: a shorter time range, a larger Min interval, a lower Limit or fewer Group by keys ' +
    '(or raise ARGOPERF_MAX_ANSWER_MB in the plugin\'s environment if the Grafana host has the memory)'
  );
}
