import type { Dashboard } from '@grafana/schema';

import { ADDRESSES } from './addresses';
import { bargauge, dashboard, gibAsMib, labelsName, q, text, timeseries, transform, UNITS, VARIABLES } from './kit';
import { onPrometheus, prometheusVariable } from './kit/prometheus';

const filters = { namespaces: ['$namespace'], workflows: ['$workflow'] };
const CORES_LINE = [{ value: 8, color: 'red' }];
const MEMORY_LINE = [{ value: gibAsMib(28), color: 'red' }];
const GIB = 1024 ** 3;

/** Pods of the chosen workflows: Argo labels each pod with its run's name (<workflow>-<suffix>). */
const PODS = 'kube_pod_labels{namespace=~"$namespace", label_workflows_argoproj_io_workflow=~"(${workflow:regex})(-.*)?"}';
const BY_WORKFLOW = 'on (namespace, pod) group_left (label_workflows_argoproj_io_workflow)';
const MEASURED_MEMORY = `max by (label_workflows_argoproj_io_workflow, pod) (max_over_time(container_memory_working_set_bytes{namespace=~"$namespace", container!="", container!="POD"}[$__rate_interval]) * ${BY_WORKFLOW} ${PODS})`;
const MEASURED_CPU = `sum by (label_workflows_argoproj_io_workflow, pod) (rate(container_cpu_usage_seconds_total{namespace=~"$namespace", container!="", container!="POD"}[$__rate_interval]) * ${BY_WORKFLOW} ${PODS})`;

export function resourceEfficiency(): Dashboard {
  return dashboard({
    ...ADDRESSES.resources,
    description: 'What workflows and their steps reserve: average cores, memory and GPU time from Argo’s resourcesDuration, the costliest steps and cost against baseline.',
    from: 'now-30d',
    variables: [VARIABLES.namespace(), VARIABLES.workflow(), prometheusVariable()],
    items: [
      text({
        title: 'What these numbers are',
        content:
          'Argo computes **resourcesDuration** from each pod’s resource **requests and limits** times its run time, not from measured use. ' +
          'Average cores = core-seconds ÷ run seconds; average memory = MiB-seconds ÷ run seconds. The red lines are 8 cores and 28 GiB. ' +
          'Measured peaks need Prometheus: see the row at the bottom.',
        h: 3,
      }),
      timeseries({
        title: 'Average cores per workflow',
        description: 'Core-seconds ÷ run seconds of the runs that started in each bucket (requests and limits, per Argo).',
        targets: [q.resources({ level: 'workflow', groupBy: ['workflow'], resources: ['avg_cores'], filters })],
        unit: UNITS.cores,
        min: 0,
        thresholds: CORES_LINE,
      }),
      timeseries({
        title: 'Average memory per workflow',
        description: 'MiB-seconds ÷ run seconds of the runs that started in each bucket (requests and limits, per Argo).',
        targets: [q.resources({ level: 'workflow', groupBy: ['workflow'], resources: ['avg_memory'], filters })],
        unit: UNITS.mebibytes,
        min: 0,
        thresholds: MEMORY_LINE,
      }),
      timeseries({
        title: 'Average cores per step',
        description: 'Core-seconds ÷ run seconds of each step (task) of the chosen workflows.',
        targets: [q.resources({ level: 'node', groupBy: ['workflow', 'step'], resources: ['avg_cores'], filters })],
        unit: UNITS.cores,
        min: 0,
        thresholds: CORES_LINE,
      }),
      timeseries({
        title: 'Average memory per step',
        description: 'MiB-seconds ÷ run seconds of each step (task) of the chosen workflows.',
        targets: [q.resources({ level: 'node', groupBy: ['workflow', 'step'], resources: ['avg_memory'], filters })],
        unit: UNITS.mebibytes,
        min: 0,
        thresholds: MEMORY_LINE,
      }),
      timeseries({
        title: 'GPU time per workflow',
        description: 'GPU-seconds of the runs that started in each bucket (nvidia.com/gpu in resourcesDuration).',
        targets: [q.resources({ level: 'workflow', groupBy: ['workflow'], resources: ['gpu'], filters })],
        unit: UNITS.gpuSeconds,
        min: 0,
        bars: true,
        stacked: true,
      }),
      timeseries({
        title: 'GPU time per step',
        description: 'GPU-seconds of each step (task) in each bucket.',
        targets: [q.resources({ level: 'node', groupBy: ['workflow', 'step'], resources: ['gpu'], filters })],
        unit: UNITS.gpuSeconds,
        min: 0,
        bars: true,
        stacked: true,
      }),
      bargauge({
        title: 'Costliest steps (CPU core-seconds in the range)',
        description: 'Core-seconds summed over the time range per step, largest first.',
        targets: [q.resources({ level: 'node', groupBy: ['workflow', 'step'], resources: ['cpu'], filters, limit: 15 })],
        unit: UNITS.coreSeconds,
        reduce: 'sum',
        transformations: [transform.seriesToRows(['sum']), transform.sortBy('Total', true)],
        options: { reduceOptions: { calcs: ['sum'], fields: '/^Total$/', values: true } },
        h: 10,
      }),
      bargauge({
        title: 'Costliest steps (memory MiB-seconds in the range)',
        description: 'MiB-seconds summed over the time range per step, largest first.',
        targets: [q.resources({ level: 'node', groupBy: ['workflow', 'step'], resources: ['memory'], filters, limit: 15 })],
        unit: UNITS.mibSeconds,
        reduce: 'sum',
        transformations: [transform.seriesToRows(['sum']), transform.sortBy('Total', true)],
        options: { reduceOptions: { calcs: ['sum'], fields: '/^Total$/', values: true } },
        h: 10,
      }),
      bargauge({
        title: 'CPU per step against its baseline',
        description: 'Average core-seconds per step in the last day ÷ the 14 days before it (1 = as usual).',
        targets: [q.baseline({ level: 'node', groupBy: ['workflow', 'step'], stat: 'cpu_core_seconds', currentMinutes: 1440, baselineDays: 14, filters })],
        displayName: labelsName(['workflow', 'step']),
        unit: UNITS.times,
        thresholds: [{ value: 1.5, color: 'red' }],
      }),
      bargauge({
        title: 'Memory per step against its baseline',
        description: 'Average MiB-seconds per step in the last day ÷ the 14 days before it (1 = as usual).',
        targets: [q.baseline({ level: 'node', groupBy: ['workflow', 'step'], stat: 'memory_mib_seconds', currentMinutes: 1440, baselineDays: 14, filters })],
        displayName: labelsName(['workflow', 'step']),
        unit: UNITS.times,
        thresholds: [{ value: 1.5, color: 'red' }],
      }),
      {
        row: 'Measured use (Prometheus; empty when no Prometheus datasource is chosen above)',
        collapsed: true,
        items: [
          text({
            title: 'Measured peaks need Prometheus',
            content:
              'These panels read the **Prometheus** datasource variable above: cAdvisor’s `container_memory_working_set_bytes` and `container_cpu_usage_seconds_total`, ' +
              'joined to each pod’s `workflows.argoproj.io/workflow` label through kube-state-metrics (`kube_pod_labels`, with that label allowed in `--metric-labels-allowlist`). ' +
              '**They stay empty when this Grafana has no Prometheus datasource, or it lacks those metrics.**',
            h: 4,
          }),
          onPrometheus(
            timeseries({
              title: 'Measured peak memory per step pod',
              description: 'Working-set memory of each step pod (cAdvisor), its peak per interval, against the 28 GiB line.',
              targets: [],
              unit: 'bytes',
              min: 0,
              thresholds: [{ value: 28 * GIB, color: 'red' }],
            }),
            [{ expr: MEASURED_MEMORY, legendFormat: '{{label_workflows_argoproj_io_workflow}} {{pod}}' }]
          ),
          onPrometheus(
            timeseries({
              title: 'Measured CPU per step pod',
              description: 'Cores each step pod used (rate of cAdvisor CPU seconds), against the 8-core line.',
              targets: [],
              unit: UNITS.cores,
              min: 0,
              thresholds: CORES_LINE,
            }),
            [{ expr: MEASURED_CPU, legendFormat: '{{label_workflows_argoproj_io_workflow}} {{pod}}' }]
          ),
        ],
      },
    ],
  });
}
