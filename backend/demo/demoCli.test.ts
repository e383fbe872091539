import { ArgoClient } from '../argo/client/argoClient';
import { EXIT } from '../collector/failureMessage';
import { USAGE } from '../collector/usage';
import { DEMO_USAGE } from './demoUsage';
import { collector, END } from './demoTestKit';

/** `collector demo` options: wrong ones exit 2 with a message naming the option; --serve alone serves until stopped. */
describe('collector demo options', () => {
  it.each([
    [['demo'], '--es-url'],
    [['demo', '--serve', '--seed', 'abc'], '--seed'],
    [['demo', '--serve', '--days', '5'], '--days'],
    [['demo', '--serve', '--days', '2.5'], '--days'],
    [['demo', '--serve', '--end', 'yesterday-ish'], '--end'],
    [['demo', '--serve', '--listen', 'localhost'], '--listen'],
    [['demo', '--serve', '--listen', '127.0.0.1:70000'], '--listen'],
    [['demo', '--listen', '127.0.0.1:0', '--es-url', 'http://127.0.0.1:9'], '--listen'],
    [['demo', '--es-url', 'ftp://x'], '--es-url'],
    [['demo', '--es-url', 'not a url'], '--es-url'],
    [['demo', '--serve', '--index-prefix', 'Bad Prefix'], 'prefix'],
    [['demo', '--serve', '--token-file', '/nonexistent/token'], '--token-file'],
    [['demo', '--serve', '--bogus'], '--bogus'],
    [['demo', '--es-url', 'http://127.0.0.1:9', '--advance-every', '60'], '--advance-every'],
    [['demo', '--serve', '--advance-every', '2'], '--advance-every'],
    [['demo', '--serve', '--advance-every', 'often'], '--advance-every'],
    [['demo', '--serve', '--end', END, '--advance-every', '60'], '--advance-every'],
  ])('%j names %s and exits 2', async (args, option) => {
    const run = await collector(args);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain(option);
    expect(run.stdout).toBe('');
  });

  it('demo --help prints its usage and the guide; collector --help lists the demo command', async () => {
    const help = await collector(['demo', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(DEMO_USAGE);
    expect(help.stdout).toMatch(/^Guide: docs\/demo\.md$/m);
    for (const option of ['--es-url', '--index-prefix', '--seed', '--days', '--end', '--serve', '--listen', '--token-file', '--advance-every']) {
      expect(DEMO_USAGE).toContain(option);
    }
    expect(USAGE).toMatch(/^ {2}demo /m);
  });
});

it('--serve alone serves the history at the printed URL until stopped', async () => {
  const controller = new AbortController();
  const printed = new Promise<string>((resolve) => {
    const running = collector(['demo', '--serve', '--listen', '127.0.0.1:0', '--days', '30', '--end', END], {}, controller.signal, (out) => {
      const match = /^demo Argo Server at (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
      if (match) {
        resolve(match[1]);
      }
    });
    void running.then((run) => expect(run.code).toBe(0));
  });
  const url = await printed;
  const argo = new ArgoClient({ url });
  expect((await argo.version()).version).toMatch(/^v3\./);
  expect((await argo.listCronWorkflows()).items).toHaveLength(4);
  argo.close();
  controller.abort();
  await new Promise((resolve) => setTimeout(resolve, 200));
  await expect(fetch(`${url}/api/v1/version`)).rejects.toThrow();
}, 120_000);
