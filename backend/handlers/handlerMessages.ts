import { quoteValue } from '../../src/query/validationMessage';

/** Sentences the request handlers answer with (tests import them). */
export const duplicateRefId = (refId: string, count: number) =>
  `refId: ${quoteValue(refId)} names ${count} queries in this request; give each query its own refId`;
