import { startArgoServer } from './startArgoServer';
import { generateArgoHistory } from './workflowHistory';

/**
 * Runs the Argo Server test double as its own process for the Go host check (scripts/test.sh): a fixed
 * generated history (seed 41, 300 workflows over 3 days ending at history.endMs, two still running),
 * served on 127.0.0.1. Prints one line `<url> <endMs>` and serves until SIGTERM.
 *
 *   node scripts/run-ts.mjs backend/test/argoServer/serveDouble.ts
 */
async function main(): Promise<void> {
  const history = generateArgoHistory({ seed: 41, workflows: 300, days: 3 });
  history.workflows.slice(-2).forEach((generated, i) => {
    const started = new Date(history.endMs - (i + 1) * 1_800_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const { workflow } = generated;
    workflow.metadata.labels = { ...workflow.metadata.labels, 'workflows.argoproj.io/phase': 'Running', 'workflows.argoproj.io/completed': 'false' };
    delete workflow.metadata.labels['workflows.argoproj.io/workflow-archiving-status'];
    workflow.status = { ...workflow.status, phase: 'Running', startedAt: started, finishedAt: null, estimatedDuration: 1200, progress: '2/5' };
    generated.storage = 'live';
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
