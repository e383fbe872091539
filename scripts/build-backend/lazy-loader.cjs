'use strict';
// Part of build/backend/main.cjs (scripts/build-backend.mjs): loads build/backend/lazy.cjs, the
// modules the datasource needs only after the go-plugin handshake (handlers, Elasticsearch client,
// Arrow, zod, the collector), the first time one of them is imported. Keeping them out of main.cjs
// keeps them out of the executable's V8 startup snapshot, which costs start time per MB.
// lazy.cjs sits next to main.cjs, or is a SEA asset in the packaged executable. It shares the
// modules main.cjs already has (logger, live secrets, protocol, grpc-js...) instead of copies:
// its `require('argoperf-shared:<path>')` calls get main.cjs's instances from `shared`.
const shared = require('argoperf:shared');

const PREFIX = 'argoperf-shared:';
const FILENAME = 'argoperf-workflows/lazy.cjs';
let modules;

function isSea() {
  try {
    return require('node:sea').isSea();
  } catch {
    return false; // Node without node:sea
  }
}

// The packaged amd64 executable has a V8 code cache of lazy.cjs next to it
// (runtime/linux_amd64/lazy.cache, under ARGOPERF_EXECUTABLE_DIR, which its launcher sets), made
// at build time by the executable itself with ARGOPERF_LAZY_CACHE_OUT=<file> after evaluating every
// lazy module (scripts/package/build-executables.sh; V8 accepts a cache only in a process started
// from the same snapshot, so it cannot be an asset of that snapshot's blob). Read after the
// handshake, so the first call does not compile lazy.cjs from scratch. V8 rejects it silently where
// its flags differ from the plugin's after start (the collector: no --heap-growing-percent), and
// lazy.cjs is simply compiled.
function cachedData() {
  const dir = process.env.ARGOPERF_EXECUTABLE_DIR;
  try {
    return dir ? require('node:fs').readFileSync(`${dir}/runtime/linux_${process.arch === 'arm64' ? 'arm64' : 'amd64'}/lazy.cache`) : undefined;
  } catch {
    return undefined; // no cache for this build (foreign architecture)
  }
}

function load() {
  const vm = require('node:vm');
  const sea = isSea();
  const source = sea ? require('node:sea').getAsset('lazy.cjs', 'utf8') : require('node:fs').readFileSync(require('node:path').join(__dirname, 'lazy.cjs'), 'utf8');
  const loader = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: FILENAME,
    cachedData: sea ? cachedData() : undefined,
    ...(loader ? { importModuleDynamically: loader } : {}),
  });
  const mod = { exports: {} };
  const lazyRequire = (id) => (id.startsWith(PREFIX) ? shared[id.slice(PREFIX.length)]() : require(id));
  script.runInThisContext()(mod.exports, lazyRequire, mod, FILENAME, __dirname);
  const out = process.env.ARGOPERF_LAZY_CACHE_OUT;
  if (out) {
    Object.values(mod.exports).forEach((evaluate) => evaluate());
    require('node:fs').writeFileSync(out, script.createCachedData());
    process.exit(0);
  }
  return mod.exports;
}

/** The module namespace of one lazily loaded source file (path relative to the repository root). */
exports.lazyModule = (path) => {
  modules ??= load();
  return modules[path]();
};
