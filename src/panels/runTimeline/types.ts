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

/** The run the frame is about (frame.meta.custom.run). */
export interface RunInfo {
  name?: string;
  namespace?: string;
  phase?: string;
  start?: number | null;
  end?: number | null;
}

export interface CriticalPathInfo {
  seconds: number;
  steps: number;
}

export interface Timeline {
  attempts: StepAttempt[];
  run: RunInfo;
  criticalPath?: CriticalPathInfo;
}
