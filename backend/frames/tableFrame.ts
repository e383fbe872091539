import type { Field, Frame, Notice } from './frame';

/** A table frame (runs, failure reasons, running workflows, cron ticks), with its notices if any. */
export function tableFrame(refId: string, fields: Field[], executedQueryString: string, notices: Notice[] = []): Frame {
  return {
    refId,
    fields,
    meta: { type: 'table', preferredVisualisationType: 'table', executedQueryString, ...(notices.length ? { notices } : {}) },
  };
}
