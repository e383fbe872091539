/**
 * Errors in the grpc-gateway shape the Argo Server writes (swagger `grpc.gateway.runtime.Error`):
 * `{code, message, error, details}`, with the HTTP status that grpc-gateway maps from the gRPC code.
 */
export const GRPC = {
  invalidArgument: 3,
  notFound: 5,
  permissionDenied: 7,
  resourceExhausted: 8,
  internal: 13,
  unavailable: 14,
  unauthenticated: 16,
} as const;

const HTTP_STATUS: Record<number, number> = { 3: 400, 5: 404, 7: 403, 8: 429, 13: 500, 14: 503, 16: 401 };

/** An error the server answers with; the route handlers throw it. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: number,
    message: string
  ) {
    super(message);
    this.status = HTTP_STATUS[code] ?? 500;
  }

  /** The JSON body grpc-gateway v1 writes for this error. */
  body(): Record<string, unknown> {
    return { error: this.message, code: this.code, message: this.message, details: [] };
  }
}

/** The gRPC code grpc-gateway would report for an HTTP status (for injected faults). */
export function grpcCodeFor(status: number): number {
  const entry = Object.entries(HTTP_STATUS).find(([, s]) => s === status);
  return entry ? Number(entry[0]) : GRPC.internal;
}
