/**
 * `npm run install-template -- --url http://elasticsearch:9200 [options]`: installs the index template
 * of docs/document-model.md (and the ILM retention policy where the cluster has ILM).
 * Secrets come from the environment (ES_PASSWORD, ES_API_KEY) or --password, and are never printed.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { Client } from '@elastic/elasticsearch';

import { DEFAULT_INDEX_PREFIX, DEFAULT_RETENTION_DAYS, templateTarget } from '../elasticsearch/indexTemplate';
import { installIndexTemplate, plannedInstall, retentionAdvice } from '../elasticsearch/installIndexTemplate';
import { maskSecrets } from '../net/masker';
import { secretValues } from '../net/secretForms';
import { exitAfterOutput } from './exitAfterOutput';

const USAGE = `Usage: npm run install-template -- --url <elasticsearch url> [options]

  --url <url>              Elasticsearch, e.g. https://elasticsearch:9200 (or env ES_URL)
  --username <user>        basic auth user; the password comes from env ES_PASSWORD (or --password)
  --password <password>    prefer ES_PASSWORD: command lines are visible to other users
  --api-key <key>          prefer env ES_API_KEY
  --ca-cert <file>         PEM CA certificate of Elasticsearch's TLS certificate
  --tls-skip-verify        do not verify Elasticsearch's TLS certificate (testing only)
  --index-prefix <prefix>  template and ILM policy name; indices <prefix>-* (default ${DEFAULT_INDEX_PREFIX})
  --retention-days <n>     ILM deletes indices n days after creation (default ${DEFAULT_RETENTION_DAYS})
  --dry-run                print the index template and ILM policy as JSON; contact nothing
  --help`;

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      'api-key': { type: 'string' },
      'ca-cert': { type: 'string' },
      'tls-skip-verify': { type: 'boolean' },
      'index-prefix': { type: 'string', default: DEFAULT_INDEX_PREFIX },
      'retention-days': { type: 'string', default: String(DEFAULT_RETENTION_DAYS) },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const target = templateTarget(values['index-prefix']);
  if (!/^\d+$/.test(values['retention-days'])) {
    throw new Error(`--retention-days must be a whole number of days, not "${values['retention-days']}"`);
  }
  const retentionDays = Number(values['retention-days']);
  const planned = plannedInstall(target, retentionDays); // validates the options before anything is contacted
  if (values['dry-run']) {
    console.log(JSON.stringify(planned, null, 2));
    console.error('dry run: nothing was installed. On a cluster without ILM the template is installed without index.lifecycle.name.');
    return 0;
  }
  const url = values.url ?? env.ES_URL;
  if (!url) {
    console.error(`--url is required\n\n${USAGE}`);
    return 2;
  }
  const password = values.password ?? env.ES_PASSWORD;
  const apiKey = values['api-key'] ?? env.ES_API_KEY;
  const secrets = secretValues({ elasticsearch: { url, username: values.username, password, apiKey } });
  const client = new Client({
    node: url,
    auth: apiKey ? { apiKey } : values.username ? { username: values.username, password: password ?? '' } : undefined,
    tls: { rejectUnauthorized: !values['tls-skip-verify'], ca: values['ca-cert'] ? readFileSync(values['ca-cert'], 'utf8') : undefined },
    requestTimeout: 30_000,
    maxRetries: 1,
    name: 'argoperf-install-template',
  });
  try {
    const report = await installIndexTemplate(client, target, { retentionDays });
    console.log(`index template ${report.template.name} (${report.template.indexPatterns.join(', ')}): ${report.template.status}`);
    if (report.retention.managed) {
      const { policy, retentionDays: days, status } = report.retention;
      console.log(`ILM policy ${policy} (delete ${days} days after index creation): ${status}`);
    } else {
      console.log(`retention: ${report.retention.reason}. ${retentionAdvice(target, retentionDays)}`);
    }
    return 0;
  } catch (error) {
    console.error(maskSecrets(errorText(error, url), secrets));
    return 1;
  } finally {
    await client.close();
  }
}

function errorText(error: unknown, url: string): string {
  const e = error as { name?: string; message?: string; meta?: { statusCode?: number } };
  const status = e.meta?.statusCode;
  if (status === 401) {
    return 'Elasticsearch rejected the credentials (401): check --username with ES_PASSWORD, or ES_API_KEY';
  }
  if (status === 403) {
    return `Elasticsearch denied access (403): the user needs the manage_index_templates (and manage_ilm) cluster privileges: ${e.message}`;
  }
  if (e.name === 'MappingConflictError') {
    return String(e.message);
  }
  return status ? `Elasticsearch answered ${status}: ${e.message}` : `could not reach Elasticsearch at ${url}: ${e.message ?? String(error)}`;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => exitAfterOutput(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      return exitAfterOutput(2);
    }
  );
}
