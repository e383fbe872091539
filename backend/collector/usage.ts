import { resolve } from 'node:path';

import { DEFAULT_STATE_INDEX } from '../../src/settings/collectorState';
import { DEFAULT_INDEX_PREFIX } from '../elasticsearch/indexTemplate';

/** Defaults of the collector's options, for the parser (collectorOptions.ts) and the help text. */
export const COLLECTOR_DEFAULTS = {
  indexPrefix: DEFAULT_INDEX_PREFIX,
  stateIndex: DEFAULT_STATE_INDEX,
  initialHours: 24,
  overlapMinutes: 10,
  sliceHours: 24,
  sliceDocuments: 50_000,
  flushBytes: 5_000_000,
  concurrency: 3,
};

/**
 * Where the reader of --help finds the guide (docs/collector.md): in the plugin folder beside the
 * packaged executable (the build ships docs/ into dist/; the launcher exports its own folder as
 * ARGOPERF_EXECUTABLE_DIR), else in the repository checkout the collector runs from.
 */
export function collectorGuide(env: NodeJS.ProcessEnv): string {
  const executableDir = env.ARGOPERF_EXECUTABLE_DIR;
  return executableDir ? resolve(executableDir, '..', 'docs', 'collector.md') : 'docs/collector.md';
}

/** The collector's --help text, naming the guide for this environment (collectorGuide). */
export const collectorUsage = (env: NodeJS.ProcessEnv): string => `${USAGE}\n\nGuide: ${collectorGuide(env)}`;

/** The options part of --help (its own constant so tests can check it names every option). */
export const USAGE = `Usage: collector <backfill|sync|watch|report|demo> [options]

Copies Argo Workflows history (live and archived runs) into Elasticsearch: one document per run and
one per node, ids from the run's uid, so re-runs and parallel collectors never duplicate.

Commands
  backfill --from <time> [--to <time>]   runs that started in [from, to); resumes a range left unfinished
  sync                                   once, from the stored checkpoint (the first time: --initial-hours back)
  watch --every <seconds>                sync repeatedly; errors are logged and the next round retries
  report --namespace <ns> --workflow <name> --status <Succeeded|Failed|Error> [--uid <uid>]
                                         from a workflow's exit handler: sync the namespace, then write
                                         this run as finished with the given phase (guide: below)
  demo [--es-url <url>] [--serve]        a generated demo history into Elasticsearch and/or served as an
                                         Argo Server (demo --help; guide: docs/demo.md)

Times: RFC 3339 (2026-01-31T00:00:00Z), a date (2026-01-31), now or now-<n><s|m|h|d>.

Argo Server
  --argo-url <url>           e.g. https://argo-server.argo:2746 (or env ARGO_URL)
  --argo-token-file <file>   file holding the bearer token (else env ARGO_TOKEN; none for --auth-mode=server)
  --namespace <ns>           repeatable; default all namespaces the token may list (report: exactly one)
  --ca-file <file>           PEM CA of the Argo Server's certificate
  --insecure-skip-verify     do not verify the Argo Server's certificate (testing only)

Report (exit handler)
  --workflow <name>          the run to report, in the one --namespace ("{{workflow.name}}")
  --status <phase>           its outcome: Succeeded, Failed or Error ("{{workflow.status}}")
  --uid <uid>                refuse a different run of the same name ("{{workflow.uid}}")

Elasticsearch
  --es-url <url>             e.g. https://elasticsearch:9200 (or env ES_URL)
                             credentials: env ES_USERNAME + ES_PASSWORD, or env ES_API_KEY
  --es-ca-file <file>        PEM CA of Elasticsearch's certificate
  --es-insecure-skip-verify  do not verify Elasticsearch's certificate (testing only)
  --index-prefix <prefix>    documents go to <prefix>-YYYY.MM by start month (default ${COLLECTOR_DEFAULTS.indexPrefix})
  --state-index <index>      where checkpoints are kept (default ${COLLECTOR_DEFAULTS.stateIndex})
  --no-install-template      only check the mappings of existing indices; do not install the template

Behaviour
  --dry-run                  print the bulk NDJSON it would write to stdout; write nothing
  --json-logs                JSON log lines on stderr (the default when stderr is not a terminal)
  --initial-hours <n>        sync without a checkpoint starts n hours back (default ${COLLECTOR_DEFAULTS.initialHours})
  --overlap-minutes <n>      sync re-reads n minutes before the checkpoint (default ${COLLECTOR_DEFAULTS.overlapMinutes})
  --slice-hours <n>          backfill writes and checkpoints n hours at a time at first (default ${COLLECTOR_DEFAULTS.sliceHours})
  --slice-documents <n>      backfill slices then grow or shrink towards n documents (default ${COLLECTOR_DEFAULTS.sliceDocuments})
  --restart                  backfill: ignore the checkpoint of the same range
  --flush-bytes <n>          bulk request size at most (default ${COLLECTOR_DEFAULTS.flushBytes}; halved on 429)
  --concurrency <n>          bulk requests in flight at most (default ${COLLECTOR_DEFAULTS.concurrency}; halved on 429)
  --help

Exit codes: 0 done, 1 failed (the cause is logged), 2 wrong usage, 3 refused (conflicting mapping).`;
