import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

/**
 * The packaged launcher (a /bin/sh script written by scripts/package/build-executables.sh) finds the
 * plugin folder from the path it was started by, however it was started: Grafana gives the absolute
 * path; people run it by a relative path, through a symlink or from PATH. `collect --help` names the
 * guide inside the folder the launcher exported (ARGOPERF_EXECUTABLE_DIR), so it shows what was found.
 */
const DATASOURCE = join(__dirname, '../../dist/datasource');
const LAUNCHER = join(DATASOURCE, 'gpx_argoperf_workflows_linux_amd64');
const run = promisify(execFile);

async function guideFrom(command: string, options: { cwd?: string; path?: string } = {}): Promise<string> {
  if (!existsSync(LAUNCHER)) {
    throw new Error(`${LAUNCHER} is missing: run npm run build first`);
  }
  const env = { PATH: options.path ?? process.env.PATH };
  const { stdout } = await run(command, ['collect', '--help'], { cwd: options.cwd, env });
  return /^Guide: (\S+)/m.exec(stdout)?.[1] ?? `no guide in: ${stdout.slice(0, 200)}`;
}

describe('the packaged launcher', () => {
  const expected = join(DATASOURCE, '../docs/collector.md');
  let links: string;
  beforeAll(() => (links = mkdtempSync(join(tmpdir(), 'argoperf-launcher-'))));
  afterAll(() => rmSync(links, { recursive: true, force: true }));

  it('started by its absolute path (as Grafana does)', async () => {
    expect(await guideFrom(LAUNCHER)).toBe(expected);
  });

  it('started by a relative path', async () => {
    const cwd = join(DATASOURCE, '../..');
    expect(await guideFrom(`./${relative(cwd, LAUNCHER)}`, { cwd })).toBe(expected);
  });

  it('started through symlinks, absolute and relative', async () => {
    symlinkSync(LAUNCHER, join(links, 'absolute'));
    symlinkSync(relative(links, LAUNCHER), join(links, 'relative'));
    expect(await guideFrom(join(links, 'absolute'))).toBe(expected);
    expect(await guideFrom(join(links, 'relative'))).toBe(expected);
  });

  it('started by its name from PATH', async () => {
    expect(await guideFrom('gpx_argoperf_workflows_linux_amd64', { path: `${DATASOURCE}:/usr/bin:/bin`, cwd: links })).toBe(expected);
  });
});
