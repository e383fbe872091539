import type { CronWorkflow } from '../../argo/client/argoTypes';
import { startArgoServer } from './startArgoServer';
import { testGet } from './testGet';

/**
 * The double answers a CronWorkflow as the server of its version does: decoded into that version's Go type
 * (pkg/apis/workflow/v1alpha1/cron_workflow_types.go) and written back with encoding/json, so fields the type
 * lacks are gone. v3.5.15 L43-77: `schedule` (no omitempty), no schedules/when/stopStrategy, status without
 * phase/succeeded/failed. v3.7.18 L44-77: both schedule fields (omitempty), when, stopStrategy, status.phase.
 * v4.1.2 L43-72: no schedule; `schedules` without omitempty, so a nil slice is written as null.
 */
const stored: CronWorkflow = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'CronWorkflow',
  metadata: {
    name: 'both',
    namespace: 'argo',
    uid: '7d1c3a52-0000-4000-8000-000000000001',
    creationTimestamp: '2026-01-01T00:00:00Z',
  },
  spec: {
    schedule: '0 1 * * *',
    schedules: ['0 2 * * *'],
    when: '{{= true }}',
    stopStrategy: { expression: 'cronworkflow.failed > 2' },
    workflowSpec: { entrypoint: 'main' },
  },
  status: { phase: 'Active', succeeded: 3, failed: 0, lastScheduledTime: '2026-01-14T02:00:00Z' },
};
const onlySchedule: CronWorkflow = {
  ...stored,
  metadata: { ...stored.metadata, name: 'old-style', uid: '7d1c3a52-0000-4000-8000-000000000002' },
  spec: { schedule: '0 3 * * *', workflowSpec: { entrypoint: 'main' } },
};

async function served(version: string, name: string): Promise<CronWorkflow> {
  const server = await startArgoServer({ version });
  server.store.cronWorkflows.push(stored, onlySchedule);
  try {
    return (await testGet(`${server.url}/api/v1/cron-workflows/argo/${name}`)).body;
  } finally {
    await server.close();
  }
}

describe('the double serves CronWorkflows as each version’s Go type has them', () => {
  it('v3.5: schedule only, none of the v3.6 fields', async () => {
    const cron = await served('v3.5.15', 'both');
    expect(Object.keys(cron.spec).sort()).toEqual(['schedule', 'workflowSpec']);
    expect(cron.spec.schedule).toBe('0 1 * * *');
    expect(cron.status).toEqual({ lastScheduledTime: '2026-01-14T02:00:00Z' });
  });

  it('v3.7: both fields as stored', async () => {
    const cron = await served('v3.7.18', 'both');
    expect(cron.spec).toEqual(stored.spec);
    expect(cron.status).toEqual(stored.status);
  });

  it('v4.1: schedules only, null when the stored object has none', async () => {
    expect((await served('v4.1.2', 'both')).spec).toEqual({
      schedules: ['0 2 * * *'],
      when: '{{= true }}',
      stopStrategy: { expression: 'cronworkflow.failed > 2' },
      workflowSpec: { entrypoint: 'main' },
    });
    expect((await served('v4.1.2', 'old-style')).spec).toEqual({
      schedules: null,
      workflowSpec: { entrypoint: 'main' },
    });
  });
});
