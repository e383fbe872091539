import { runCollectorCli } from './cli';
import { parseCollectorOptions, parseTime, secretsOfOptions, UsageError } from './collectorOptions';
import { USAGE } from './usage';

const ENV = { ARGO_URL: 'https://argo:2746', ES_URL: 'http://es:9200' };
const parse = (argv: string[], env: NodeJS.ProcessEnv = ENV) => parseCollectorOptions(argv, env, false);

describe('collector options', () => {
  it.each([
    [[], 'a command is required: backfill, sync, watch, report or demo'],
    [['collect'], 'unknown command "collect": use backfill, sync, watch, report or demo'],
    [['backfill'], 'backfill needs --from <time>'],
    [['backfill', '--from', 'last week'], '--from "last week" is not a time'],
    [['backfill', '--from', '2026-02-01', '--to', '2026-01-01'], '--from 2026-02-01T00:00:00.000Z must be before --to 2026-01-01T00:00:00.000Z'],
    [['watch'], 'watch needs --every <seconds>'],
    [['watch', '--every', '0'], '--every must be a positive whole number, not "0"'],
    [['sync', '--every', '10'], '--every applies to watch, not to sync'],
    [['sync', '--from', 'now-1d'], '--from applies to backfill, not to sync'],
    [['sync', '--namespace', 'Bad_NS'], '--namespace "Bad_NS" is not a Kubernetes namespace name'],
    [['sync', '--index-prefix', 'Argo'], '--index-prefix "Argo" is not a valid index name prefix'],
    [['sync', '--state-index', 'argo-workflows-state'], '--state-index argo-workflows-state matches the data indices argo-workflows-*'],
    [['sync', '--argo-url', 'argo:2746'], '--argo-url must be an http:// or https:// URL, not argo:'],
    [['sync', '--es-url', 'elasticsearch'], '--es-url "elasticsearch" is not a URL'],
    [['sync', '--argo-token-file', '/nonexistent/token'], '--argo-token-file /nonexistent/token cannot be read (ENOENT)'],
    [['sync', '--flush-bytes', 'lots'], '--flush-bytes must be a positive whole number, not "lots"'],
    [['sync', '--bogus'], "Unknown option '--bogus'"],
    [['sync', '--workflow', 'run-1'], '--workflow applies to report, not to sync'],
    [['watch', '--every', '5', '--status', 'Failed'], '--status applies to report, not to watch'],
    [['backfill', '--from', 'now-1d', '--uid', 'abc'], '--uid applies to report, not to backfill'],
    [['report', '--workflow', 'run-1', '--status', 'Failed'], "report needs exactly one --namespace, the workflow's (in an exit handler: --namespace \"{{workflow.namespace}}\"); 0 given"],
    [['report', '--namespace', 'ml', '--namespace', 'data', '--workflow', 'run-1', '--status', 'Failed'], "report needs exactly one --namespace, the workflow's"],
    [['report', '--namespace', 'ml', '--status', 'Failed'], 'report needs --workflow <name> (in an exit handler: --workflow "{{workflow.name}}")'],
    [['report', '--namespace', 'ml', '--workflow', 'run-1'], 'report needs --status <Succeeded|Failed|Error> (in an exit handler: --status "{{workflow.status}}")'],
    [['report', '--namespace', 'ml', '--workflow', 'run-1', '--status', 'Running'], '--status "Running" is not a finished run\'s phase: give Succeeded, Failed or Error'],
    [['report', '--namespace', 'ml', '--workflow', 'run-1', '--status', 'succeeded'], '--status "succeeded" is not a finished run\'s phase: give Succeeded, Failed or Error'],
    [['report', '--namespace', 'ml', '--workflow', 'run-1', '--status', '{{workflow.status}}'], 'the Argo expression was not substituted'],
    [['report', '--namespace', 'ml', '--workflow', 'Run_1', '--status', 'Error'], '--workflow "Run_1" is not a Kubernetes object name'],
    [['report', '--namespace', 'ml', '--workflow', 'run-1', '--status', 'Error', '--uid', 'a b'], '--uid "a b" is not a Kubernetes uid'],
    [['report', '--namespace', 'ml', '--workflow', 'run-1', '--status', 'Error', '--uid', ''], '--uid "" is not a Kubernetes uid'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parse(argv)).toThrow(UsageError);
    expect(() => parse(argv)).toThrow(message);
  });

  it('needs the URLs from options or the environment', () => {
    expect(() => parse(['sync'], { ES_URL: 'http://es:9200' })).toThrow('--argo-url is required (or env ARGO_URL)');
    expect(() => parse(['sync'], { ARGO_URL: 'http://argo:2746' })).toThrow('--es-url is required (or env ES_URL)');
    expect(parse(['sync', '--dry-run'], { ARGO_URL: 'http://argo:2746' })?.es).toBeUndefined();
  });

  it('takes secrets from the environment and refuses a user without a password', () => {
    expect(() => parse(['sync'], { ...ENV, ES_USERNAME: 'writer' })).toThrow('ES_USERNAME is set but ES_PASSWORD is not');
    const options = parse(['sync', '--namespace', 'ml', '--namespace', 'data', '--namespace', 'ml'], { ...ENV, ES_API_KEY: 'k3y', ARGO_TOKEN: 't0ken' })!;
    expect(options).toMatchObject({ namespaces: ['ml', 'data'], es: { apiKey: 'k3y' }, argo: { token: 't0ken' }, indexPrefix: 'argo-workflows', stateIndex: 'argoperf-collector-state' });
  });

  it('masks the Argo token in every form it is sent in, and the Elasticsearch secrets', () => {
    const options = parse(['sync'], { ...ENV, ARGO_TOKEN: 'Bearer s3cr3t-t0ken', ES_URL: 'https://writer:pa55word@es:9200', ES_API_KEY: 'k3y-value' })!;
    expect(secretsOfOptions(options)).toEqual(expect.arrayContaining(['Bearer s3cr3t-t0ken', 's3cr3t-t0ken', 'pa55word', 'k3y-value']));
  });

  it('reads the run a report is about, with the namespace syncs use', () => {
    const uid = '5f0e6c2a-8d4b-4a57-9b1e-2f4c9d7e1a63';
    for (const status of ['Succeeded', 'Failed', 'Error']) {
      const options = parse(['report', '--namespace', 'ml', '--workflow', 'process-images-x7k2p', '--status', status, '--uid', uid])!;
      expect(options).toMatchObject({ command: 'report', namespaces: ['ml'], report: { workflow: 'process-images-x7k2p', status, uid } });
    }
    const withoutUid = parse(['report', '--namespace', 'ml', '--workflow', 'nightly.train-1', '--status', 'Failed'])!;
    expect(withoutUid.report).toEqual({ workflow: 'nightly.train-1', status: 'Failed', uid: undefined });
    expect(parse(['sync'])!.report).toBeUndefined();
  });

  it('logs JSON when stderr is not a terminal, unless asked', () => {
    expect(parseCollectorOptions(['sync'], ENV, false)?.jsonLogs).toBe(true);
    expect(parseCollectorOptions(['sync'], ENV, true)?.jsonLogs).toBe(false);
    expect(parseCollectorOptions(['sync', '--json-logs'], ENV, true)?.jsonLogs).toBe(true);
  });

  it('reads relative and absolute times to whole seconds', () => {
    const now = Date.parse('2026-03-10T12:00:00.700Z');
    expect(parseTime('--from', 'now-2d', now).toISOString()).toBe('2026-03-08T12:00:00.000Z');
    expect(parseTime('--from', 'now', now).toISOString()).toBe('2026-03-10T12:00:00.000Z');
    expect(parseTime('--from', '2026-01-31').toISOString()).toBe('2026-01-31T00:00:00.000Z');
  });

  it('names every option in --help', () => {
    for (const option of ['--argo-url', '--argo-token-file', '--namespace', '--insecure-skip-verify', '--ca-file', '--es-url', '--index-prefix', '--dry-run', '--json-logs', '--no-install-template', '--every', '--from', '--to', '--workflow', '--status', '--uid', '--initial-hours', '--overlap-minutes', '--state-index', '--es-ca-file', '--es-insecure-skip-verify', '--slice-hours', '--slice-documents', '--restart', '--flush-bytes', '--concurrency']) {
      expect(USAGE).toContain(option);
    }
  });

  it('exits 2 with the message on wrong usage and never prints the token', async () => {
    let stderr = '';
    const code = await runCollectorCli(['sync', '--every', '5'], { env: { ...ENV, ARGO_TOKEN: 'sekret-token-99' }, writeErr: (t) => (stderr += t), signal: new AbortController().signal });
    expect(code).toBe(2);
    expect(stderr).toBe('--every applies to watch, not to sync (see --help)\n');
  });

  it('exits 2 naming --status and the allowed values when report gets a wrong one', async () => {
    let stderr = '';
    const argv = ['report', '--namespace', 'ml', '--workflow', 'run-1', '--status', 'Omitted'];
    const code = await runCollectorCli(argv, { env: { ...ENV, ARGO_TOKEN: 'sekret-token-99' }, writeErr: (t) => (stderr += t), signal: new AbortController().signal });
    expect(code).toBe(2);
    expect(stderr).toBe('--status "Omitted" is not a finished run\'s phase: give Succeeded, Failed or Error (see --help)\n');
  });
});
