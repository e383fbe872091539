#!/usr/bin/env node
// Cold start of several executables measured alternately in one run, so that a busy machine weighs
// on all of them alike (e.g. an old build copied aside against the new one, and the floor):
//   node scripts/bench/start-compare.mjs [--rounds 6] [--runs 5] name=<launcher>[,grpc] ...
// Each round runs scripts/package/measure-start.mjs --runs N on every executable in turn; the
// medians are over all rounds. `,grpc` adds the first calls after the handshake (measure-start --grpc).
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const measure = join(dirname(fileURLToPath(import.meta.url)), '../package/measure-start.mjs');
const args = process.argv.slice(2);
let rounds = 6;
let runs = 5;
while (args[0]?.startsWith('--')) {
  const [flag, value] = args.splice(0, 2);
  if (flag === '--rounds') {rounds = Number(value);}
  else if (flag === '--runs') {runs = Number(value);}
  else {throw new Error(`unknown option ${flag}`);}
}
const targets = args.map((a) => {
  const [name, rest] = a.split(/=(.*)/s);
  const [exe, grpc] = rest.split(',');
  return { name, exe, grpc: grpc === 'grpc', ms: [], cpu: [], health: [], healthCpu: [], check: [], checkCpu: [] };
});
if (!targets.length || !(rounds >= 1) || !(runs >= 1)) {
  throw new Error('usage: start-compare.mjs [--rounds N] [--runs N] name=<launcher>[,grpc] ...');
}
const med = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const loads = [loadavg()[0]];
for (let round = 0; round < rounds; round++) {
  for (const t of targets) {
    const out = execFileSync('node', [measure, '--runs', String(runs), '--json', ...(t.grpc ? ['--grpc'] : []), t.exe], { encoding: 'utf8' });
    const r = JSON.parse(out);
    t.ms.push(...r.timesMs);
    t.cpu.push(r.cpuMedianMs);
    if (t.grpc) {
      t.health.push(r.healthMedianMs);
      t.healthCpu.push(r.healthCpuMedianMs);
      t.check.push(r.checkHealthMedianMs);
      t.checkCpu.push(r.checkHealthCpuMedianMs);
    }
  }
  loads.push(loadavg()[0]);
}
process.stdout.write(`${rounds} rounds x ${runs} runs each, alternating; load average (1 min) ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}\n`);
process.stdout.write('spawn → (median ms)  handshake  CPU by then | health answered  CPU by then | 1st CheckHealth  CPU by then\n');
const cell = (v) => v.toFixed(1).padStart(11);
for (const t of targets) {
  const calls = t.grpc ? ` |${cell(med(t.health))}      ${cell(med(t.healthCpu))} |${cell(med(t.check))}      ${cell(med(t.checkCpu))}` : '';
  process.stdout.write(`${t.name.padEnd(20)}${cell(med(t.ms))}${cell(med(t.cpu))}${calls}\n`);
}
