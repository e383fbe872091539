import type { TimelineMeta } from '../../query/timelineQuery';

/** One step attempt of the timeline frame (one frame row), as the panel reads it. */
export interface StepAttempt {
  step: string;
  stepName: string;
  template: string;
  group: string;
  attempt: number | null;
  phase: string;
  /** ms since the epoch; null when the step did not start */
  start: number | null;
  /** ms since the epoch; null while running or pending */
  end: number | null;
  /** seconds */
  duration: number | null;
  critical: boolean;
  /** seconds */
  slack: number | null;
  pod: string | null;
  host: string | null;
  message: string | null;
  nodeId: string;
  argoUrl: string | null;
}

/** The run the frame is about (frame.meta.custom.run, the shared query model's); a frame built elsewhere may leave any of it out. */
export type RunInfo = Partial<TimelineMeta['run']>;

export type CriticalPathInfo = NonNullable<TimelineMeta['criticalPath']>;

export interface Timeline {
  attempts: StepAttempt[];
  run: RunInfo;
  criticalPath?: CriticalPathInfo | null;
}
