/** What the run timeline panel says to its reader (the tests import these). */
export const TEXT = {
  noData: 'No run to show: choose a run (the run variable) for the timeline query.',
  noFrame:
    'No timeline frame in the data: the panel needs the Argo Workflows Performance datasource with the query type "timeline".',
  missingFields: (fields: string[]) =>
    `The timeline frame lacks ${fields.length === 1 ? 'the field' : 'the fields'} ${fields.map((name) => `"${name}"`).join(', ')}: use the query type "timeline" of the Argo Workflows Performance datasource.`,
  wrongType: (field: string, expected: string, actual: string) =>
    `The field "${field}" should be ${expected} but is ${actual}.`,
  emptyRun: (run: string | undefined) => `${run ? `The run ${run}` : 'The run'} has no steps yet.`,
  noCriticalSteps: 'No step is on the critical path: untick "Critical path only" to see every step.',
  criticalLegend: 'critical path',
  criticalSummary: (steps: number, duration: string) => `critical path: ${steps} steps, ${duration}`,
  notStarted: (phase: string) => phase.toLowerCase(),
  groupSteps: (count: number) => `${count.toLocaleString('en-US')} ${count === 1 ? 'step' : 'steps'}`,
  expand: (group: string) => `Expand ${group}`,
  collapse: (group: string) => `Collapse ${group}`,
  openInArgo: 'Click to open the step in the Argo UI',
  tooltip: {
    phase: 'Phase',
    attempt: 'Attempt',
    duration: 'Duration',
    start: 'Start',
    end: 'End',
    slack: 'Slack',
    critical: 'on the critical path',
    pod: 'Pod',
    host: 'Host',
    message: 'Message',
    running: 'running',
  },
} as const;
