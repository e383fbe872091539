// Bundles the TypeScript backend into one CommonJS file, the form a Node single executable runs.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [resolve(root, 'backend/main.ts')],
  outfile: resolve(root, 'build/backend/main.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  loader: { '.proto': 'text' },
  minifySyntax: true,
  minifyWhitespace: true,
  keepNames: true,
  legalComments: 'eof',
  logLevel: 'warning',
  metafile: false,
});
