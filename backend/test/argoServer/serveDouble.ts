import { startArgoServer } from './startArgoServer';
import { generateArgoHistory, withRunningTail } from './workflowHistory';

/**
 * Runs the Argo Server test double as its own process for the Go host check (scripts/test.sh): a fixed
 * generated history (seed 41, 300 workflows over 3 days ending at history.endMs, two still running, and a
 * CronWorkflow Argo rejects), served on 127.0.0.1. Prints one line `<url> <endMs>` and serves until SIGTERM.
 *
 *   node scripts/run-ts.mjs backend/test/argoServer/serveDouble.ts
 */
async function main(): Promise<void> {
  const history = withRunningTail(generateArgoHistory({ seed: 41, workflows: 300, days: 3 }), 2);
  // A cron Argo rejects ("61 * * * *"): the cronDrift missed view answers null for it.
  const [model] = history.cronWorkflows;
  history.cronWorkflows.push({
    ...model,
    metadata: { ...model.metadata, name: 'rejected-cron', uid: 'a0000000-0000-4000-8000-000000000041' },
    spec: { ...model.spec, schedules: ['61 * * * *'] },
    status: undefined,
  });
  const server = await startArgoServer({ history });
  process.stdout.write(`${server.url} ${history.endMs}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
