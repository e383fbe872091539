// Bundles the TypeScript backend into CommonJS files, the form a Node single executable runs:
//   build/backend/main.cjs  what runs up to the go-plugin handshake (entry backend/main.ts: logger,
//                           gRPC server, protocol; grpc-js, protobufjs)
//   build/backend/lazy.cjs  everything main.cjs imports dynamically (handlers, Elasticsearch client,
//                           Arrow, zod, the collector), loaded on first use by
//                           scripts/build-backend/lazy-loader.cjs; it uses main.cjs's instances of
//                           the modules both need.
// Why two files: the packaged executable starts from a V8 startup snapshot of main.cjs, and a
// snapshot costs start time per MB; main.cjs alone is about a seventh of the whole backend
// (docs/benchmarks.md, "Cold start").
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, relative, resolve, sep } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LOADER = resolve(root, 'scripts/build-backend/lazy-loader.cjs');
const SHARED_PREFIX = 'argoperf-shared:';
/** Dynamic imports that stay in main.cjs: the start-up path (backend/main.ts). */
const STARTUP = new Set(['backend/server/pluginListener.ts', 'backend/server/startServer.ts', 'backend/handlers/shutdown.ts', 'backend/server/heapGrowth.ts']);

const options = {
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
  absWorkingDir: root,
};
const fromRoot = (path) => relative(root, path).split(sep).join('/');
const json = JSON.stringify;

async function resolved(b, args) {
  const r = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { inner: true } });
  return r.errors.length || r.external ? undefined : r.path;
}

/** main.cjs: dynamic imports outside STARTUP go to the lazy loader; `argoperf:shared` lists `shared`. */
function startupPlugin(lazyPaths, shared) {
  return {
    name: 'argoperf-startup',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData?.inner) {
          return undefined;
        }
        const path = await resolved(b, args);
        if (!path || STARTUP.has(fromRoot(path))) {
          return path && { path };
        }
        lazyPaths.add(fromRoot(path));
        return { path: fromRoot(path), namespace: 'argoperf-lazy' };
      });
      b.onLoad({ filter: /.*/, namespace: 'argoperf-lazy' }, (args) => ({
        contents: `module.exports = require(${json(LOADER)}).lazyModule(${json(args.path)});`,
        resolveDir: root,
        loader: 'js',
      }));
      b.onResolve({ filter: /^argoperf:shared$/ }, () => ({ path: 'shared', namespace: 'argoperf-shared' }));
      b.onLoad({ filter: /.*/, namespace: 'argoperf-shared' }, () => ({
        contents: `module.exports = {${[...shared].map((p) => `${json(p)}: () => require(${json(resolve(root, p))})`).join(',\n')}};`,
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}

/** lazy.cjs: whatever main.cjs contains is taken from main.cjs (`argoperf-shared:<path>`). */
function lazyPlugin(inMain, shared) {
  return {
    name: 'argoperf-lazy',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.inner || args.kind === 'entry-point') {
          return undefined;
        }
        const path = await resolved(b, args);
        if (!path || !inMain.has(fromRoot(path))) {
          return undefined;
        }
        shared.add(fromRoot(path));
        return { path: SHARED_PREFIX + fromRoot(path), external: true };
      });
    },
  };
}

const mainOptions = { ...options, entryPoints: [resolve(root, 'backend/main.ts')], outfile: resolve(root, 'build/backend/main.cjs') };
// 1. what main.cjs holds, and which modules it loads lazily
const lazyPaths = new Set();
const probe = await build({ ...mainOptions, write: false, metafile: true, plugins: [startupPlugin(lazyPaths, new Set())] });
const inMain = new Set(Object.keys(probe.metafile.inputs).filter((p) => !p.includes(':')));
// 2. lazy.cjs: a map from each lazily loaded file to its module namespace
const shared = new Set();
await build({
  ...options,
  stdin: {
    contents: `module.exports = {${[...lazyPaths].map((p) => `${json(p)}: () => require(${json('./' + p)})`).join(',\n')}};`,
    resolveDir: root,
    sourcefile: 'lazy-modules.js',
    loader: 'js',
  },
  outfile: resolve(root, 'build/backend/lazy.cjs'),
  plugins: [lazyPlugin(inMain, shared)],
});
// 3. main.cjs, exposing the modules lazy.cjs takes from it
const final = await build({ ...mainOptions, metafile: true, plugins: [startupPlugin(new Set(), shared)] });
const extra = Object.keys(final.metafile.inputs).filter((p) => !p.includes(':') && !inMain.has(p));
if (extra.length) {
  throw new Error(`main.cjs grew while exposing its modules to lazy.cjs: ${extra.join(', ')}`);
}
