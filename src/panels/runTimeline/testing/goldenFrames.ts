import type { DataFrame } from '@grafana/data';

import { timelineFrame } from './timelineFrame';

/** 2026-12-01T02:00:00Z: the runs below start here. */
export const T0 = Date.UTC(2026, 11, 1, 2, 0, 0);
const s = (seconds: number) => T0 + seconds * 1000;
const ARGO = 'https://argo.example.com/workflows/ml-training/nightly-training-x7k2p';

/**
 * nightly-training: fetch-data → preprocess → train (failed once on a spot node, retried) → evaluate →
 * publish, with a lint step beside preprocess that has slack, and a skipped notification step.
 * The critical path is fetch-data, preprocess, train (both attempts), evaluate, publish: 3,000 s.
 */
export function nightlyTraining(): DataFrame {
  return timelineFrame(
    [
      {
        step: 'fetch-data',
        start: s(0),
        end: s(120),
        critical: true,
        slack: 0,
        pod: 'nightly-training-x7k2p-fetch-1',
        host: 'node-a',
        nodeId: 'n1',
        argoUrl: `${ARGO}?nodeId=n1`,
      },
      {
        step: 'preprocess',
        start: s(120),
        end: s(600),
        critical: true,
        slack: 0,
        pod: 'nightly-training-x7k2p-pre-2',
        host: 'node-b',
        nodeId: 'n2',
        argoUrl: `${ARGO}?nodeId=n2`,
      },
      {
        step: 'lint-config',
        start: s(120),
        end: s(180),
        critical: false,
        slack: 420,
        pod: 'nightly-training-x7k2p-lint-3',
        host: 'node-c',
        nodeId: 'n3',
        argoUrl: `${ARGO}?nodeId=n3`,
      },
      {
        step: 'train(0)',
        attempt: 0,
        phase: 'Failed',
        start: s(600),
        end: s(1500),
        critical: true,
        slack: 0,
        pod: 'nightly-training-x7k2p-train-4',
        host: 'spot-node-7',
        message: 'pod deleted: spot instance reclaimed',
        nodeId: 'n4',
        argoUrl: `${ARGO}?nodeId=n4`,
      },
      {
        step: 'train(1)',
        attempt: 1,
        start: s(1530),
        end: s(2700),
        critical: true,
        slack: 0,
        pod: 'nightly-training-x7k2p-train-5',
        host: 'gpu-node-1',
        nodeId: 'n5',
        argoUrl: `${ARGO}?nodeId=n5`,
      },
      {
        step: 'evaluate',
        start: s(2700),
        end: s(2940),
        critical: true,
        slack: 0,
        pod: 'nightly-training-x7k2p-eval-6',
        host: 'node-a',
        nodeId: 'n6',
        argoUrl: `${ARGO}?nodeId=n6`,
      },
      {
        step: 'publish',
        start: s(2940),
        end: s(3000),
        critical: true,
        slack: 0,
        pod: 'nightly-training-x7k2p-pub-7',
        host: 'node-b',
        nodeId: 'n7',
        argoUrl: null,
      },
      {
        step: 'notify',
        phase: 'Skipped',
        start: null,
        end: null,
        duration: null,
        message: "when 'false == true' evaluated false",
        nodeId: 'n8',
      },
    ],
    { name: 'nightly-training-x7k2p', start: s(0), end: s(3000), criticalPath: { seconds: 3000, steps: 6 } }
  );
}

/** A fan-out still running: `shard` over `count` items, some retried, the last one running. */
export function fanOut(count: number, { runningFor = 600 } = {}): DataFrame {
  const steps = [{ step: 'fetch-data', start: s(0), end: s(60), critical: true, slack: 0, nodeId: 'f0' }] as Parameters<
    typeof timelineFrame
  >[0];
  for (let i = 0; i < count; i++) {
    const start = 60 + (i % 50) * 2 + Math.floor(i / 50) * 30;
    const length = 20 + ((i * 37) % 40);
    const critical = i === count - 1;
    if (i % 97 === 5) {
      steps.push({
        step: `shard(${i}:part-${i})(0)`,
        stepName: 'shard',
        template: 'process-shard',
        attempt: 0,
        phase: 'Failed',
        start: s(start),
        end: s(start + 5),
        slack: 100,
        message: 'spot instance reclaimed',
        nodeId: `s${i}a0`,
      });
      steps.push({
        step: `shard(${i}:part-${i})(1)`,
        stepName: 'shard',
        template: 'process-shard',
        attempt: 1,
        start: s(start + 8),
        end: s(start + 8 + length),
        slack: 100,
        nodeId: `s${i}a1`,
      });
    } else if (critical) {
      steps.push({
        step: `shard(${i}:part-${i})`,
        stepName: 'shard',
        template: 'process-shard',
        phase: 'Running',
        start: s(start),
        end: null,
        duration: runningFor,
        critical: true,
        slack: 0,
        nodeId: `s${i}`,
      });
    } else {
      steps.push({
        step: `shard(${i}:part-${i})`,
        stepName: 'shard',
        template: 'process-shard',
        start: s(start),
        end: s(start + length),
        slack: 50,
        pod: `large-benchmark-${i}`,
        host: `spot-node-${i % 40}`,
        nodeId: `s${i}`,
      });
    }
  }
  return timelineFrame(steps, { name: 'large-benchmark-rk672', phase: 'Running', start: s(0), end: null });
}

/** A run that has not started any step yet: the fields, no rows. */
export const emptyRun = (): DataFrame =>
  timelineFrame([], {
    name: 'daily-report-29mfz',
    namespace: 'data-pipelines',
    phase: 'Pending',
    start: T0,
    end: null,
  });
