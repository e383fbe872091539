import { DATAPLANE_VERSION, type Frame, type Notice, type NumberField } from './frame';

/** One number of a dataplane numeric-multi answer: a frame with one row and one labelled number field. */
export function numberFrame(
  refId: string,
  value: Omit<NumberField, 'type' | 'values'> & { value: number | null },
  custom?: unknown
): Frame {
  const { value: number, ...field } = value;
  return {
    refId,
    fields: [{ ...field, type: 'number', values: [number] }],
    meta: { type: 'numeric-multi', typeVersion: DATAPLANE_VERSION, ...(custom === undefined ? {} : { custom }) },
  };
}

/**
 * Completes a numeric-multi answer: the dataplane's typed empty frame when there is no number, and the
 * executed query and notices on the first frame.
 */
export function finishNumericFrames(refId: string, frames: Frame[], executedQueryString: string, notices: Notice[]): Frame[] {
  const answer = frames.length > 0 ? frames : [{ refId, fields: [], meta: { type: 'numeric-multi' as const, typeVersion: DATAPLANE_VERSION } }];
  answer[0].meta = { ...answer[0].meta, executedQueryString, ...(notices.length ? { notices } : {}) };
  return answer;
}
