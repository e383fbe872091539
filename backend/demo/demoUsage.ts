import { COLLECTOR_DEFAULTS, collectorGuide } from '../collector/usage';
import { DEMO_DEFAULTS } from './catalog';

/** `collector demo --help`. */
export const DEMO_USAGE = `Usage: collector demo [--es-url <url>] [--serve [--listen <host:port>]] [options]

Generates a realistic, deterministic demo history (ML and data pipelines, crons that are late or failing,
retries, failures, resources, metrics, one run of 9,000 pods) and writes it into Elasticsearch exactly as
the collector would, serves it as a read-only Argo Server, or both (write first, then serve).

  --es-url <url>             write the history here (or env ES_URL); credentials: env ES_USERNAME +
                             ES_PASSWORD, or env ES_API_KEY
  --es-ca-file <file>        PEM CA of Elasticsearch's certificate
  --es-insecure-skip-verify  do not verify Elasticsearch's certificate (testing only)
  --index-prefix <prefix>    documents go to <prefix>-YYYY.MM (default ${COLLECTOR_DEFAULTS.indexPrefix}); a later
                             load replaces the demo documents of an earlier one
  --state-index <index>      the demo's collector heartbeat (a sync checkpoint per namespace at the history's
                             end, moved at every advance) goes here (default ${COLLECTOR_DEFAULTS.stateIndex})
  --seed <n>                 the history's seed (default ${DEMO_DEFAULTS.seed}): the same seed and --end give the same documents
  --days <n>                 days of history, 30 to 400 (default ${DEMO_DEFAULTS.days})
  --end <time>               the history ends here: RFC 3339, a date or now (default now)
  --serve                    serve the history as an Argo Server until SIGTERM or SIGINT; prints its URL on stdout
  --listen <host:port>       where to serve (default ${DEMO_DEFAULTS.listen}; port 0 picks a free one)
  --token-file <file>        the server requires this bearer token (default: no authentication)
  --advance-every <seconds>  while serving a history that ends now, move its end to the clock this often:
                             new runs, running ones finishing, written to Elasticsearch too (default
                             ${DEMO_DEFAULTS.advanceSeconds}; 0 never, then it stays a snapshot)
  --json-logs                JSON log lines on stderr (the default when stderr is not a terminal)
  --help

Exit codes: 0 done, 1 failed (the cause is logged), 2 wrong usage, 3 refused (conflicting mapping).`;

export const demoUsage = (env: NodeJS.ProcessEnv): string => `${DEMO_USAGE}\n\nGuide: ${collectorGuide(env).replace(/collector\.md$/, 'demo.md')}`;
