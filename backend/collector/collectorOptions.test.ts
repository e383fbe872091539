import { runCollectorCli } from './cli';
import { parseCollectorOptions, parseTime, UsageError } from './collectorOptions';
import { USAGE } from './usage';

const ENV = { ARGO_URL: 'https://argo:2746', ES_URL: 'http://es:9200' };
const parse = (argv: string[], env: NodeJS.ProcessEnv = ENV) => parseCollectorOptions(argv, env, false);

describe('collector options', () => {
  it.each([
    [[], 'a command is required: backfill, sync or watch'],
    [['collect'], 'unknown command "collect": use backfill, sync or watch'],
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
    for (const option of ['--argo-url', '--argo-token-file', '--namespace', '--insecure-skip-verify', '--ca-file', '--es-url', '--index-prefix', '--dry-run', '--json-logs', '--no-install-template', '--every', '--from', '--to']) {
      expect(USAGE).toContain(option);
    }
  });

  it('exits 2 with the message on wrong usage and never prints the token', async () => {
    let stderr = '';
    const code = await runCollectorCli(['sync', '--every', '5'], { env: { ...ENV, ARGO_TOKEN: 'sekret-token-99' }, writeErr: (t) => (stderr += t), signal: new AbortController().signal });
    expect(code).toBe(2);
    expect(stderr).toBe('--every applies to watch, not to sync (see --help)\n');
  });
});
