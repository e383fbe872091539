import type { PlainGroupKey } from '../../../query/groupBy';
import type { Level, QueryType, Source } from '../../../query/model';
import type { OutcomeMeasure, OutcomeView } from '../../../query/outcomesQuery';
import type { ResourceMeasure } from '../../../query/resourcesQuery';
import type { MetricAggregation } from '../../../query/metricsQuery';
import type { LiveView, OverrunAgainst } from '../../../query/liveQuery';
import type { CronDriftView } from '../../../query/cronDriftQuery';
import type { BaselineValue } from '../../../query/baselineQuery';
import type { ProgressView } from '../../../query/progressQuery';
import type { FreshnessBasis, FreshnessView } from '../../../query/freshnessQuery';
import type { PlainStat } from '../../../query/stats';

/** What the query editor says. Tests import these so the UI and its tests cannot drift apart. */
export const queryText = {
  queryType: {
    label: 'Query',
    tooltip: 'What to show: duration statistics, the distribution of durations, how runs end, or a table of recent runs.',
    options: {
      durations: 'Durations',
      heatmap: 'Duration heatmap',
      outcomes: 'Outcomes',
      runs: 'Recent runs',
      baseline: 'Vs baseline',
      resources: 'Resources',
      metrics: 'Workflow metrics',
      cronDrift: 'Cron drift',
      live: 'Running now',
      progress: 'Run progress',
      freshness: 'History freshness',
      timeline: 'Run timeline',
    } satisfies Partial<Record<QueryType, string>> as Partial<Record<QueryType, string>>,
    /** One line under each choice of the picker. */
    descriptions: {
      durations: 'Percentiles and counts of run or step durations over time, per group',
      heatmap: 'How durations are spread over time',
      outcomes: 'Succeeded, failed and error counts, failure rate, top failure reasons',
      runs: 'Table of recent runs or steps, with links to the Argo UI',
      baseline: 'Now against its own past: slower, failing or costing more than usual',
      resources: 'CPU, memory and GPU time from Argo’s resourcesDuration',
      metrics: 'Numbers runs report about their own work (metrics.<name>)',
      cronDrift: 'Cron start delays, missed ticks, time since the last success',
      live: 'Workflows running now and how far they overrun',
      progress: 'One large run followed whole: steps done by phase, throughput, time left',
      freshness: 'How old the newest collected document is, per namespace: a stopped collector shows',
      timeline: 'One run step by step: every attempt in time, and the critical path that set its end',
    } satisfies Record<QueryType, string>,
  },
  view: {
    label: 'Show',
    tooltip: 'Counts and failure rate over time, or a table of the most frequent failure messages.',
    options: { overTime: 'Over time', reasons: 'Failure reasons' } satisfies Record<OutcomeView, string>,
  },
  measures: {
    label: 'Measures',
    tooltip: 'Runs per outcome per time bucket, and the failure rate: (failed + error) ÷ finished runs.',
    options: {
      succeeded: 'Succeeded',
      failed: 'Failed',
      error: 'Error',
      failure_rate: 'Failure rate',
    } satisfies Record<OutcomeMeasure, string>,
  },
  resources: {
    label: 'Resources',
    tooltip: 'CPU, memory and GPU seconds per time bucket (from Argo’s resourcesDuration), and average cores and memory: resource-seconds ÷ run seconds.',
    options: {
      cpu: 'CPU core-seconds',
      memory: 'Memory MiB-seconds',
      gpu: 'GPU seconds',
      avg_cores: 'Average cores',
      avg_memory: 'Average memory',
    } satisfies Record<ResourceMeasure, string>,
  },
  metric: {
    label: 'Metric',
    tooltip: 'A number your workflows report about their own work: the name under metrics. in their documents.',
    placeholder: 'images_processed',
  },
  aggregation: {
    label: 'Aggregation',
    tooltip: 'How the metric’s values in one time bucket are combined.',
    options: { avg: 'Average', sum: 'Sum', min: 'Minimum', max: 'Maximum' } satisfies Record<MetricAggregation, string>,
  },
  source: {
    label: 'Source',
    tooltip:
      'Elasticsearch: the long history the collector keeps. Argo Server: the runs it still holds (live and archived), read at query time.',
    options: { elasticsearch: 'Elasticsearch', argo: 'Argo Server' } satisfies Record<Source, string>,
  },
  level: {
    label: 'Measure',
    tooltip: 'Whole workflow runs, or the steps inside them (tasks, steps and pods).',
    options: { workflow: 'Workflow runs', node: 'Steps' } satisfies Record<Level, string>,
  },
  groupBy: {
    label: 'Group by',
    tooltip: 'One series per value of these keys. Type a workflow label key (for example team) to group by that label.',
    placeholder: 'No grouping',
    options: {
      namespace: 'Namespace',
      workflow: 'Workflow',
      template: 'Workflow template',
      step: 'Step (all loop items and retries together)',
      task: 'Task (one per loop item)',
      cron: 'Cron workflow',
      node: 'Node',
      phase: 'Phase',
    } satisfies Record<PlainGroupKey, string>,
    stepsOnly: 'Needs "Measure: Steps"',
    labelKey: 'Workflow label',
  },
  stats: {
    label: 'Statistics',
    tooltip: 'Duration statistics per time bucket. Type a percentile such as p75 or 99.9 for another one.',
    options: {
      avg: 'Average',
      min: 'Minimum',
      max: 'Maximum',
      count: 'Number of runs',
    } satisfies Record<PlainStat, string>,
    percentile: (p: string) => `${p}th percentile`,
  },
  filters: {
    label: {
      namespaces: 'Namespaces',
      workflows: 'Workflows',
      templates: 'Templates',
      tasks: 'Steps',
      crons: 'Cron workflows',
      phases: 'Phases',
    },
    placeholder: 'Any',
    variable: 'Dashboard variable',
  },
  limit: {
    label: 'Limit',
    tooltip: 'Most groups returned; the rest are left out, with a notice on the result.',
    runsTooltip: 'Most runs listed, newest first (up to 1000); older ones are left out, with a notice on the result.',
  },
  baselineDays: {
    label: 'Baseline',
    tooltip: 'Each run is compared with the median duration of its workflow (or step) over this many days, ending at the end of the time range.',
    suffix: 'days',
  },
  baselineStat: {
    label: 'Compare',
    tooltip: 'The statistic compared per group: the current window ÷ the baseline window. Type a percentile such as p75 for another one.',
    options: {
      p50: 'Median duration',
      p95: '95th percentile duration',
      avg: 'Average duration',
      max: 'Maximum duration',
      failure_rate: 'Failure rate',
      cpu_core_seconds: 'CPU core-seconds per run',
      memory_mib_seconds: 'Memory MiB-seconds per run',
    } as Record<string, string>,
  },
  baselineValue: {
    label: 'Answer',
    tooltip:
      'The ratio (current ÷ baseline), or one window’s statistic by itself (durations in seconds, the failure rate 0–1): two queries with the same groups can then require "above its baseline and above a fixed line" in one alert rule.',
    options: { ratio: 'Ratio', current: 'Current', baseline: 'Baseline' } satisfies Record<BaselineValue, string>,
  },
  currentMinutes: {
    label: 'Current',
    tooltip: 'Minutes before the end of the time range that make the current window.',
    suffix: 'min',
  },
  baselineWindowTooltip: 'Days before the current window whose statistic is the baseline. Groups without a baseline (or with a zero one) get no ratio and are named in a notice.',
  live: {
    view: {
      label: 'Show',
      tooltip: 'A table of the workflows running now, or one overrun number per running workflow for alert rules.',
      options: { table: 'Table', overrun: 'Overrun numbers' } satisfies Record<LiveView, string>,
    },
    against: {
      label: 'Compare with',
      tooltip: 'Overrun = elapsed time ÷ this. Workflows without it get no number and are named in a notice.',
      options: { estimate: 'Argo’s estimate', p95: 'p95 of recent runs' } satisfies Record<OverrunAgainst, string>,
    },
    baselineDaysTooltip: 'Days of finished runs, ending now, whose p95 duration each running workflow is compared with (per namespace and workflow template; at least 5 runs).',
    limitTooltip: 'Most running workflows listed, longest-running first (up to 1000); the rest are left out, with a notice on the result.',
  },
  cronDrift: {
    view: {
      label: 'Show',
      tooltip:
        'Start delay of each run over time, a table of ticks and runs, missed ticks per cron, or the time since each cron last succeeded (one number per cron, for alert rules).',
      options: {
        delay: 'Start delay',
        runs: 'Ticks and runs',
        missed: 'Missed ticks',
        sinceSuccess: 'Since last success',
        sinceSuccessPeriods: 'Periods since success',
      } satisfies Record<CronDriftView, string>,
    },
    grace: {
      label: 'Grace',
      tooltip:
        'A run that starts within this many seconds of its tick is on time, and a tick without a run is not missed before it has passed (nor before the cron’s startingDeadlineSeconds).',
      suffix: 's',
    },
    lookback: {
      label: 'Lookback',
      tooltip: 'Days before the time range in which to look for each cron’s last successful run.',
      suffix: 'days',
    },
    limitTooltip: 'Most rows listed, newest first (up to 500); older ones are left out, with a notice on the result.',
  },
  progress: {
    view: {
      label: 'Show',
      tooltip: 'One run’s steps finished per phase over time, its numbers now (running, retries, throughput, time left), or its failure messages.',
      options: { overTime: 'Finished over time', summary: 'Now', failures: 'Failures' } satisfies Record<ProgressView, string>,
    },
    run: {
      label: 'Run',
      tooltip: 'The run’s name, as the runs table shows it (for example large-benchmark-x7k2p); $run on the bundled dashboard.',
      placeholder: 'large-benchmark-x7k2p',
    },
    cumulative: {
      label: 'Running total',
      tooltip: 'On: steps finished since the run’s first step. Off: steps finished in each time bucket.',
    },
    rate: {
      label: 'Pace over',
      tooltip: 'Throughput = steps finished in this many minutes before now, per minute; the time left = remaining steps ÷ throughput.',
      suffix: 'min',
    },
  },
  timeline: {
    run: {
      label: 'Run',
      tooltip: 'The run’s name, as the runs table shows it, with its namespace below (for example large-benchmark-x7k2p); $run on the bundled dashboard.',
      placeholder: 'large-benchmark-x7k2p',
    },
    uid: {
      label: 'or uid',
      tooltip: 'The run’s metadata.uid instead of its name and namespace: it names one run even after its name was reused.',
      placeholder: 'metadata.uid',
    },
  },
  freshness: {
    view: {
      label: 'Show',
      tooltip:
        'The age of each group’s history at the end of the time range, one number per group (for alert rules), or a table with the newest collected document and the collector’s last sync.',
      options: { age: 'Age numbers', table: 'Table' } satisfies Record<FreshnessView, string>,
    },
    basis: {
      label: 'Updated by',
      tooltip:
        'History: the newest collected document or the collector’s last sync round for the namespace (its checkpoint in the state index), whichever is newer, so a quiet namespace stays fresh while its collector runs. Documents: the newest collected document only.',
      options: { history: 'Documents or collector sync', documents: 'Documents only' } satisfies Record<FreshnessBasis, string>,
    },
    lookback: {
      label: 'Lookback',
      tooltip: 'Days before the end of the time range searched for each group’s newest document; a group with none in them has no row.',
      suffix: 'days',
    },
    limitTooltip: 'Most groups returned, stalest first; fresher ones are left out, with a notice on the result.',
  },
  problemTitle: 'This query cannot run yet',
};
