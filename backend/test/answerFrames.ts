import { queryData } from '../handlers/queryData';
import { elasticsearchUrl } from './elasticsearch';
import { dataQuery, pluginContext } from './pluginContext';

export interface AnswerRequest {
  index: string;
  query: object;
  range: { fromEpochMS: number; toEpochMS: number };
  intervalMS?: number;
  maxDataPoints?: number;
  /** Extra datasource settings beside elasticsearch (argo, namespaces, ...). */
  settings?: object;
  /** Extra Elasticsearch settings (fieldMapping, ...). */
  elasticsearch?: object;
}

/** Runs one query through QueryData against the real Elasticsearch node; its error is thrown. */
export async function answerFrames({
  index,
  query,
  range,
  intervalMS,
  maxDataPoints,
  settings = {},
  elasticsearch = {},
}: AnswerRequest): Promise<Uint8Array[]> {
  const target = dataQuery('A', query, range);
  const response = await queryData(
    {
      pluginContext: pluginContext({
        elasticsearch: { url: elasticsearchUrl(), index, ...elasticsearch },
        ...settings,
      }),
      headers: {},
      queries: [{ ...target, ...(intervalMS === undefined ? {} : { intervalMS }), ...(maxDataPoints === undefined ? {} : { maxDataPoints }) }],
    },
    new AbortController().signal
  );
  const answer = response.responses.A;
  if (answer.error) {
    throw new Error(answer.error);
  }
  return answer.frames ?? [];
}
