/**
 * undici's transport errors in node:http's words, so the sentences (describeError) and the retry policy
 * keep reading the codes they know: a connection closed before the answer is node's "socket hang up",
 * one closed in the middle of the body its "aborted", both ECONNRESET, the undici error as their cause.
 * Connection errors (ECONNREFUSED, ENOTFOUND, TLS codes) and our own errors pass through unchanged.
 */
export function asNodeError(error: unknown, answered: boolean): unknown {
  if ((error as { code?: unknown } | null)?.code !== 'UND_ERR_SOCKET') {
    return error;
  }
  return Object.assign(new Error(answered ? 'aborted' : 'socket hang up', { cause: error }), { code: 'ECONNRESET' });
}
