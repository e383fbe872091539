import { formatReport } from './findingsReport';
import { startFuzzEnvironment, type FuzzEnvironment } from './fuzzEnvironment';
import { runFuzz } from './fuzzer';

/**
 * The bounded fuzz of `npm test`: a fixed seed and a fixed number of cases of each service against the
 * built backend, the real Elasticsearch node and the Argo double (the long run is `npm run fuzz`).
 * A finding fails the test with the run's summary: every distinct finding, known or NEW, its replay
 * command and the smallest failing request fast-check shrank it to.
 *
 * FUZZ_SEED, FUZZ_QUERIES, FUZZ_RESOURCES and FUZZ_HEALTH change the run (for a local look around).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20260115);
const COUNTS = {
  QueryData: Number(process.env.FUZZ_QUERIES ?? 2000),
  CallResource: Number(process.env.FUZZ_RESOURCES ?? 300),
  CheckHealth: Number(process.env.FUZZ_HEALTH ?? 100),
};

describe('fuzzed QueryData, CallResource and CheckHealth against the built backend', () => {
  let env: FuzzEnvironment | undefined;
  beforeAll(async () => {
    env = await startFuzzEnvironment();
  }, 120_000);
  afterAll(async () => {
    await env?.close();
  });

  it(
    `answers ${COUNTS.QueryData} + ${COUNTS.CallResource} + ${COUNTS.CheckHealth} fuzzed requests (seed ${SEED}) as the oracle demands`,
    async () => {
      const report = await runFuzz(env!, {
        seed: SEED,
        counts: COUNTS,
        concurrency: 4,
        deadlineMs: 60_000,
        shrinkMs: 5_000,
        maxShrunk: 6,
      });
      const summary = formatReport(report);
      process.stdout.write(`${summary.split('\n').slice(0, 2).join('\n')}\n`);
      expect(report.counts.QueryData.cases + report.counts.QueryData.skipped).toBe(COUNTS.QueryData);
      if (report.findings.length) {
        throw new Error(summary);
      }
      expect(report.restarts).toBe(0);
    },
    20 * 60_000
  );
});
