/** Failure messages as Argo records them on a pod node (and copies to the run's status.message). */
export interface Failure {
  phase: 'Failed' | 'Error';
  message: string;
}

export const FAILURES = {
  oomKilled: { phase: 'Failed', message: 'OOMKilled (exit code 137)' },
  cudaOutOfMemory: {
    phase: 'Failed',
    message:
      'Error (exit code 1): torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 4.00 GiB (GPU 0; 79.15 GiB total capacity; 75.81 GiB already allocated)',
  },
  spotReclaimed: { phase: 'Error', message: 'pod deleted: the node was reclaimed (spot instance interruption)' },
  deadlineExceeded: { phase: 'Failed', message: 'Pod was active on the node longer than the specified deadline' },
  warehouseRefused: {
    phase: 'Failed',
    message:
      'Error (exit code 1): psycopg2.OperationalError: connection to server at "warehouse.data-pipelines.svc" (10.96.14.7), port 5432 failed: Connection refused',
  },
  schemaInvalid: {
    phase: 'Failed',
    message: 'Error (exit code 2): schema validation failed: column "event_ts" expected TIMESTAMP, got STRING in 1204 rows',
  },
  readTimeout: {
    phase: 'Failed',
    message: 'Error (exit code 1): botocore.exceptions.ReadTimeoutError: Read timeout on endpoint URL: "https://s3.eu-central-1.amazonaws.com/ml-datasets"',
  },
} as const satisfies Record<string, Failure>;
