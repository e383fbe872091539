import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import { runCollectorCli } from './cli';

const root = join(__dirname, '../..');

/** The path `collector --help` gives for the guide, run with the given environment. */
async function guideNamedByHelp(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  let out = '';
  const stdout = new Writable({ write: (chunk, _encoding, done) => ((out += chunk.toString()), done()) });
  expect(await runCollectorCli(['--help'], { env, stdout })).toBe(0);
  return /^Guide: (\S+)/m.exec(out)?.[1];
}

describe('collector --help', () => {
  it('in a checkout names the repository guide, which is there', async () => {
    const guide = await guideNamedByHelp({});
    expect(guide).toBe('docs/collector.md');
    expect(existsSync(join(root, guide!))).toBe(true);
  });

  it('from the packaged executable names the guide in the plugin folder (dist/docs/, shipped by the build)', async () => {
    // the launcher exports the folder it is in: <plugin>/datasource
    const guide = await guideNamedByHelp({ ARGOPERF_EXECUTABLE_DIR: '/var/lib/grafana/plugins/argoperf-workflows-app/datasource' });
    expect(guide).toBe('/var/lib/grafana/plugins/argoperf-workflows-app/docs/collector.md');
  });
});
