'use strict';
// Main script of the Node single executable (SEA) that runs the backend bundle. Three ways in:
//
// 1. SEA run (`vm`/`vmcache` builds). Why not make the bundle itself the SEA main: Node's
//    `useCodeCache` caches only what V8 compiles *before* running the script, i.e. top-level code;
//    every esbuild module wrapper is a lazily compiled function, so start-up would still compile most
//    of grpc-js & co. Here the bundle is a SEA asset (`main.cjs`) compiled with vm.Script and a code
//    cache (`main.cache`) made *after* a training run up to the go-plugin handshake, so everything the
//    start-up path needs is already compiled. If V8 rejects the cache (other Node/V8 version or flags,
//    or no cache for a foreign architecture), the bundle is simply compiled as usual.
//
// 2. Training run (plain `node sea-main.cjs`, not a SEA) with ARGOPERF_TRAIN_BUNDLE=<bundle> and
//    ARGOPERF_TRAIN_CACHE=<out file>: runs the bundle until it writes its first stdout line, then
//    writes the code cache and exits. Same wrapper and filename as in 1, so the cache fits.
//
// 3. Building a startup snapshot (`snapshot` build, `useSnapshot: true`) with
//    ARGOPERF_SNAPSHOT_BUNDLE=<bundle> and ARGOPERF_SNAPSHOT_CONSTANTS=<json of {http2,tls,http,https}
//    .constants>: the bundle's module code runs at build time and the heap is saved. The bundle must be
//    snapshot-aware: when v8.startupSnapshot.isBuildingSnapshot() it loads its start-up modules and
//    calls v8.startupSnapshot.setDeserializeMainFunction(main) instead of starting. Node 24 cannot
//    snapshot the http, http2, https and tls modules, which grpc-js requires at load time, so while
//    building the bundle gets stand-ins for them that only answer `.constants` (precomputed) and load
//    the real module on first other use after deserialization; any other use while building fails
//    the build with a clear message. After deserialization require() returns the real modules.
const vm = require('node:vm');
const v8 = require('node:v8');
const sea = require('node:sea');

const FILENAME = 'argoperf-workflows/main.cjs';
const wrap = (source) => '(function (exports, require, module, __filename, __dirname) {' + source + '\n})';

function runBundle(fn, req) {
  const mod = { exports: {} };
  fn(mod.exports, req, mod, FILENAME, __dirname);
}

if (v8.startupSnapshot.isBuildingSnapshot()) {
  // ---------------------------------------------------------------- 3. snapshot build
  const fs = require('node:fs');
  const source = fs.readFileSync(process.env.ARGOPERF_SNAPSHOT_BUNDLE, 'utf8');
  const constants = JSON.parse(fs.readFileSync(process.env.ARGOPERF_SNAPSHOT_CONSTANTS, 'utf8'));
  let building = true;
  v8.startupSnapshot.addDeserializeCallback(() => {
    building = false;
  });
  const standIns = new Map();
  const standIn = (name, id) => {
    let real;
    const load = (what) => {
      if (building) {
        throw new Error(`${name}.${String(what)} was used while building the startup snapshot; Node cannot snapshot "${name}" - load it lazily in the bundle`);
      }
      return (real ??= require(id));
    };
    return new Proxy(
      {},
      {
        get: (_, k) => (k === 'constants' && constants[name] ? constants[name] : load(k)[k]),
        has: (_, k) => k in load(k),
        ownKeys: () => Reflect.ownKeys(load('(keys)')),
        getOwnPropertyDescriptor: (_, k) => {
          const d = Reflect.getOwnPropertyDescriptor(load(k), k);
          return d && { ...d, configurable: true };
        },
        set: (_, k, v) => Reflect.set(load(k), k, v),
      }
    );
  };
  const snapshotRequire = (id) => {
    const name = id.startsWith('node:') ? id.slice(5) : id;
    if (!building || !Object.prototype.hasOwnProperty.call(constants, name)) {
      return require(id);
    }
    if (!standIns.has(name)) {
      standIns.set(name, standIn(name, id));
    }
    return standIns.get(name);
  };
  let mainSet = false;
  const setMain = v8.startupSnapshot.setDeserializeMainFunction;
  v8.startupSnapshot.setDeserializeMainFunction = (...args) => {
    mainSet = true;
    return setMain.apply(v8.startupSnapshot, args);
  };
  // Compiled eagerly (V8's --no-lazy for this one script): the snapshot keeps the bytecode of every
  // function, so the code that runs only after start — grpc-js binding the port and serving the first
  // connection, the first calls — is not compiled then (docs/benchmarks.md, "Cold start").
  v8.setFlagsFromString('--no-lazy');
  const compiled = new vm.Script(wrap(source), { filename: FILENAME }).runInThisContext();
  v8.setFlagsFromString('--lazy');
  runBundle(compiled, snapshotRequire);
  if (!mainSet) {
    throw new Error('the bundle did not call v8.startupSnapshot.setDeserializeMainFunction(); it is not snapshot-aware');
  }
} else {
  // ---------------------------------------------------------------- 1./2. vm + code cache
  const training = !sea.isSea();
  let source;
  let cachedData;
  if (training) {
    source = require('node:fs').readFileSync(process.env.ARGOPERF_TRAIN_BUNDLE, 'utf8');
  } else {
    source = sea.getAsset('main.cjs', 'utf8');
    try {
      cachedData = new Uint8Array(sea.getAsset('main.cache'));
    } catch {
      cachedData = undefined; // no cache in this build (e.g. foreign architecture)
    }
  }
  const script = new vm.Script(wrap(source), {
    filename: FILENAME,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (cachedData && script.cachedDataRejected) {
    process.stderr.write(JSON.stringify({ '@level': 'debug', '@message': 'SEA code cache rejected, compiling the bundle' }) + '\n');
  }
  if (training) {
    const out = process.env.ARGOPERF_TRAIN_CACHE;
    let done = false;
    process.stdout.write = function (chunk, ...rest) {
      if (!done && String(chunk).includes('\n')) {
        done = true;
        // let the rest of the start-up path (after the handshake write) run, then save the code
        setTimeout(() => {
          require('node:fs').writeFileSync(out, script.createCachedData());
          process.stderr.write(`[sea-main] code cache written to ${out}\n`);
          process.exit(0);
        }, 20);
      }
      return process.stderr.write(chunk, ...rest); // keep the build's stdout clean
    };
    setTimeout(() => {
      process.stderr.write('[sea-main] training run: no handshake within 30 s\n');
      process.exit(1);
    }, 30000).unref();
  }
  runBundle(script.runInThisContext(), require);
}
