import { DATAPLANE_VERSION, type Frame, type Notice, type NumberField } from './frame';

/** One series of a dataplane timeseries-multi answer: a non-nullable time field and one value field. */
export function seriesFrame(refId: string, times: number[], value: Omit<NumberField, 'type'>): Frame {
  return {
    refId,
    fields: [
      { name: 'time', type: 'time', nullable: false, values: times },
      { ...value, type: 'number' },
    ],
    meta: { type: 'timeseries-multi', typeVersion: DATAPLANE_VERSION },
  };
}

/**
 * Completes a timeseries-multi answer: the dataplane's typed empty frame when there is no series, and
 * the executed query and notices on the first frame.
 */
export function finishSeriesFrames(
  refId: string,
  frames: Frame[],
  executedQueryString: string,
  notices: Notice[]
): Frame[] {
  const answer =
    frames.length > 0
      ? frames
      : [{ refId, fields: [], meta: { type: 'timeseries-multi' as const, typeVersion: DATAPLANE_VERSION } }];
  answer[0].meta = { ...answer[0].meta, executedQueryString, ...(notices.length ? { notices } : {}) };
  return answer;
}
