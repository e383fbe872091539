#!/usr/bin/env node
// Spawn → go-plugin handshake timing for a datasource executable.
//
//   node scripts/package/measure-start.mjs [--runs 20] [--warmup 1] [--grpc] [--json] [--quiet] <executable> [args...]
//
// Each run spawns the executable the way Grafana does (env: grafana_plugin_type=datasource only),
// times until the first complete stdout line, checks that line is `1|2|tcp|127.0.0.1:<port>|grpc` or
// `1|2|unix|<socket path>|grpc`,
// then kills the process (SIGKILL, its whole process group) and waits for it to exit. Prints the
// median/min/max in ms to stdout; exits 1 if any run fails. Warm-up runs are not counted.
// Also reports the CPU time the process had used when the handshake arrived (sum over its threads,
// from /proc/<pid>/task/*/schedstat), which is far less sensitive to a busy machine than wall time.
// --grpc: after the handshake, also time the first calls the way the host makes them (grpc-status 0
// required): go-plugin's blocking dial and its health check (grpc.health.v1.Health/Check "plugin",
// must answer SERVING), then a first pluginv2.Diagnostics/CheckHealth (empty request: the handler
// loads and answers that the plugin context is missing). Reported as spawn → answer, so printing the
// line earlier while the first call gets slower does not look like an improvement.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:http2';
import { connect as connectSocket } from 'node:net';

const args = process.argv.slice(2);
let runs = 20;
let warmup = 1;
let json = false;
let quiet = false;
let grpc = false;
while (args.length && args[0].startsWith('--')) {
  const a = args.shift();
  if (a === '--runs') {runs = Number(args.shift());}
  else if (a === '--warmup') {warmup = Number(args.shift());}
  else if (a === '--json') {json = true;}
  else if (a === '--quiet') {quiet = true;}
  else if (a === '--grpc') {grpc = true;}
  else if (a === '--') {break;}
  else {fail(`unknown option ${a}`);}
}
if (!args.length || !(runs >= 1) || !(warmup >= 0)) {
  fail('usage: measure-start.mjs [--runs N] [--warmup N] [--grpc] [--json] [--quiet] <executable> [args...]');
}
const [exe, ...exeArgs] = args;
const HANDSHAKE = /^1\|2\|(?:tcp\|127\.0\.0\.1:(\d+)|unix\|(\/[^|]+))\|grpc$/;

/** The address of a handshake line: a TCP port on 127.0.0.1 or a Unix socket's path. */
function addressOf(line) {
  const m = HANDSHAKE.exec(line);
  return m && (m[1] ? { port: Number(m[1]) } : { path: m[2] });
}

function fail(msg) {
  process.stderr.write(`measure-start: ${msg}\n`);
  process.exit(1);
}

// CPU time (ms) used so far by all threads of pid, or NaN when /proc is not available
function cpuMs(pid) {
  try {
    let ns = 0;
    for (const t of readdirSync(`/proc/${pid}/task`)) {
      ns += Number(readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'utf8').split(' ')[0]);
    }
    return ns / 1e6;
  } catch {
    return NaN;
  }
}

// one unary gRPC call over the session; resolves with the response message once grpc-status is 0
function unary(session, path, message) {
  return new Promise((resolve, reject) => {
    const request = session.request({ ':method': 'POST', ':path': path, 'content-type': 'application/grpc', te: 'trailers' });
    const chunks = [];
    let status;
    request.on('response', (headers) => (status = headers['grpc-status'] ?? status));
    request.on('trailers', (trailers) => (status = trailers['grpc-status'] ?? status));
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('error', reject);
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      if (status !== '0' || body.length < 5) {
        reject(new Error(`${path} answered grpc-status ${status} with ${body.length} bytes`));
      } else {
        resolve(body.subarray(5, 5 + body.readUInt32BE(1)));
      }
    });
    const frame = Buffer.alloc(5 + message.length);
    frame.writeUInt32BE(message.length, 1);
    message.copy(frame, 5);
    request.end(frame);
  });
}

// go-plugin's first calls after the handshake, timed from t0 (see the header)
async function firstCalls(address, t0, pid) {
  const since = () => Number(process.hrtime.bigint() - t0) / 1e6;
  const session = address.path
    ? connect('http://localhost', { createConnection: () => connectSocket(address.path) })
    : connect(`http://127.0.0.1:${address.port}`);
  session.on('error', () => {});
  try {
    const health = await unary(session, '/grpc.health.v1.Health/Check', Buffer.from([0x0a, 6, ...Buffer.from('plugin')]));
    if (!health.equals(Buffer.from([0x08, 1]))) {
      throw new Error(`health check of "plugin" did not answer SERVING: ${health.toString('hex')}`);
    }
    const healthMs = since();
    const healthCpu = cpuMs(pid);
    const check = await unary(session, '/pluginv2.Diagnostics/CheckHealth', Buffer.alloc(0));
    if (check[0] !== 0x08) {
      throw new Error(`CheckHealth answered without a status: ${check.toString('hex')}`);
    }
    return { healthMs, healthCpu, checkHealthMs: since(), checkHealthCpu: cpuMs(pid) };
  } finally {
    session.destroy();
  }
}

function once(timeoutMs = 15000) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(exe, exeArgs, {
      env: { grafana_plugin_type: 'datasource' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // own process group, so a kill reaches everything it started
    });
    let out = '';
    let err = '';
    let done = false;
    const finish = (e, ms, line, cpu, calls) => {
      if (done) {return;}
      done = true;
      clearTimeout(timer);
      const exited = new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', r)));
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      // SIGKILL leaves a Unix socket's file behind (as for any go-plugin server): remove it.
      exited.then(() => {
        if (socketPath) {
          rmSync(socketPath, { force: true });
        }
        e ? reject(e) : resolve({ ms, line, cpu, ...calls });
      });
    };
    const timer = setTimeout(() => finish(new Error(`no handshake within ${timeoutMs} ms; stderr: ${err.slice(0, 2000)}`)), timeoutMs);
    let lineSeen = false;
    let socketPath;
    child.stdout.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl < 0 || lineSeen) {return;}
      lineSeen = true;
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const cpu = cpuMs(child.pid);
      const line = out.slice(0, nl);
      const address = addressOf(line);
      socketPath = address?.path;
      if (!address) {finish(new Error(`first stdout line is not a handshake: ${JSON.stringify(line)}`));}
      else if (!grpc) {finish(null, ms, line, cpu);}
      else {
        firstCalls(address, t0, child.pid).then(
          (calls) => finish(null, ms, line, cpu, calls),
          (e) => finish(new Error(`after the handshake: ${e.message}; stderr: ${err.slice(0, 2000)}`))
        );
      }
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => finish(e));
    child.on('exit', (code, sig) => finish(new Error(`exited (code ${code}, signal ${sig}) before the handshake; stderr: ${err.slice(0, 2000)}`)));
  });
}

const times = [];
const cpus = [];
const healths = [];
const checks = [];
const healthCpus = [];
const checkCpus = [];
let lastLine = '';
for (let i = 0; i < warmup + runs; i++) {
  let r;
  try {
    r = await once();
  } catch (e) {
    fail(`run ${i + 1}: ${e.message}`);
  }
  lastLine = r.line;
  if (i >= warmup) {
    times.push(r.ms);
    cpus.push(r.cpu);
    healths.push(r.healthMs);
    checks.push(r.checkHealthMs);
    healthCpus.push(r.healthCpu);
    checkCpus.push(r.checkHealthCpu);
  }
}
const med = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const sorted = [...times].sort((a, b) => a - b);
const median = med(times);
const res = {
  executable: exe,
  runs,
  medianMs: +median.toFixed(1),
  minMs: +sorted[0].toFixed(1),
  maxMs: +sorted[sorted.length - 1].toFixed(1),
  timesMs: times.map((t) => +t.toFixed(1)),
  cpuMedianMs: +med(cpus).toFixed(1),
  handshake: lastLine,
  ...(grpc
    ? {
        healthMedianMs: +med(healths).toFixed(1),
        healthCpuMedianMs: +med(healthCpus).toFixed(1),
        checkHealthMedianMs: +med(checks).toFixed(1),
        checkHealthCpuMedianMs: +med(checkCpus).toFixed(1),
      }
    : {}),
};
if (json) {process.stdout.write(JSON.stringify(res) + '\n');}
else if (quiet) {process.stderr.write(`handshake OK (${res.medianMs} ms): ${lastLine}\n`);}
else
  {process.stdout.write(
    `${exe}\n  runs ${runs} (+${warmup} warm-up)  median ${res.medianMs} ms  min ${res.minMs}  max ${res.maxMs}` +
      `  (CPU used by then: median ${res.cpuMedianMs} ms)\n` +
      (grpc
        ? `  spawn → health check answered: median ${res.healthMedianMs} ms (CPU ${res.healthCpuMedianMs} ms)` +
          `  → first CheckHealth answered: median ${res.checkHealthMedianMs} ms (CPU ${res.checkHealthCpuMedianMs} ms)\n`
        : '') +
      `  handshake: ${lastLine}\n`
  );}
