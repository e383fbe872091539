/**
 * Faults the test server can inject before its normal answer, each for `times` matching requests
 * (default: every one) and optionally only on paths containing `path`. Delays add up; of the other
 * rules, the first that matches decides the answer.
 */
export type FaultRule = { times?: number; path?: string } & (
  | { kind: 'delay'; ms: number }
  /** An error status (5xx, 429…) with a grpc-gateway JSON body; `retryAfter` sets the header. */
  | { kind: 'status'; status: number; retryAfter?: string; message?: string }
  /** The normal answer cut in half, with a proper end of message. */
  | { kind: 'truncatedJson' }
  /** 200 with an HTML page (a login proxy or the UI) instead of JSON. */
  | { kind: 'html'; status?: number }
  /** The connection is destroyed before any answer. */
  | { kind: 'reset' }
  /** Headers and half the body are sent, then the connection is destroyed. */
  | { kind: 'resetMidBody' }
);

export type ActiveFault = Exclude<FaultRule, { kind: 'delay' }>;

/** Holds the rules and counts their uses. */
export class FaultList {
  private rules: FaultRule[] = [];

  set(rules: FaultRule[]): void {
    this.rules = rules.map((r) => ({ ...r }));
  }

  private take(rule: FaultRule): boolean {
    if (rule.times === undefined) {
      return true;
    }
    if (rule.times <= 0) {
      return false;
    }
    rule.times--;
    return true;
  }

  /** The total delay and the deciding fault for a request path; uses up their counts. */
  pick(path: string): { delayMs: number; fault?: ActiveFault } {
    const matching = this.rules.filter((r) => !r.path || path.includes(r.path));
    let delayMs = 0;
    for (const rule of matching) {
      if (rule.kind === 'delay' && this.take(rule)) {
        delayMs += rule.ms;
      }
    }
    const fault = matching.find((r): r is ActiveFault => r.kind !== 'delay' && this.take(r));
    return { delayMs, fault };
  }
}
