/** Counters of one collector process, shown on the progress line and in the summary. */
export class CollectorStats {
  workflowsRead = 0;
  /** Runs whose object gave no run document (no name or no start): none of their documents is written. */
  workflowsSkipped = 0;
  /** Runs still running when read; re-read by the next sync. */
  workflowsRunning = 0;
  documentsWritten = 0;
  /** Refused by Elasticsearch for good (mapping errors): logged with the reason, not retried. */
  documentsRejected = 0;
  errors = 0;
  readonly startedMs = Date.now();

  rate(nowMs = Date.now()): number {
    const seconds = (nowMs - this.startedMs) / 1000;
    return seconds > 0 ? this.documentsWritten / seconds : 0;
  }

  summary(): Record<string, number> {
    return {
      workflows_read: this.workflowsRead,
      workflows_skipped: this.workflowsSkipped,
      workflows_running: this.workflowsRunning,
      documents_written: this.documentsWritten,
      documents_rejected: this.documentsRejected,
      errors: this.errors,
      docs_per_second: Math.round(this.rate()),
    };
  }
}
