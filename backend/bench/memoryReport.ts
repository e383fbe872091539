import type { LoadResult } from './memoryLoad';
import type { HeapFigures, ProcessMemory } from './processMemory';

/** One sample of the backend's memory (MB), `t` ms after it started. */
export interface Sample extends Partial<HeapFigures>, ProcessMemory {
  t: number;
  phase: 'start' | 'load' | 'idle';
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const max = (values: number[]) => values.reduce((a, b) => Math.max(a, b), -Infinity);
const f = (mb: number | undefined) => (mb === undefined || Number.isNaN(mb) ? '—' : `${mb.toFixed(0)} MB`);

/** Prints the table of figures (markdown), whether issue 10's goals are met, and the load's throughput. */
export function report(samples: Sample[], load: LoadResult, { idleStart, cpuMs, loadSeconds }: { idleStart: number; cpuMs: number; loadSeconds: number }): void {
  const of = (phase: Sample['phase']) => samples.filter((s) => s.phase === phase);
  const loadSamples = of('load');
  const loadEnd = loadSamples.at(-1)?.t ?? 0;
  // Plateau: the second half of the load, once the process has grown into it.
  const plateau = loadSamples.filter((s) => s.t >= (loadSamples[0].t + loadEnd) / 2);
  const atIdle = (seconds: number) => samples.find((s) => s.phase === 'idle' && s.t >= idleStart + seconds * 1000);
  const start = of('start').at(-1)!;
  const rows: Array<[string, (s: Sample[]) => number | undefined]> = [
    ['RSS', (s) => median(s.map((x) => x.rss))],
    ['V8 heap used', (s) => median(s.map((x) => x.heapUsed ?? NaN))],
    ['V8 heap total', (s) => median(s.map((x) => x.heapTotal ?? NaN))],
    ['external (Buffers, strings outside the heap)', (s) => median(s.map((x) => x.external ?? NaN))],
    ['arrayBuffers', (s) => median(s.map((x) => x.arrayBuffers ?? NaN))],
  ];
  console.log('| figure | start | peak under load | plateau under load | 10 s idle | 30 s idle | 60 s idle |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, pick] of rows) {
    const peak = name === 'RSS' ? max(loadSamples.map((s) => s.rss)) : max(loadSamples.map((s) => pick([s]) ?? NaN));
    const idle = [10, 30, 60].map((s) => atIdle(s)).map((s) => (s ? f(pick([s])) : '—'));
    console.log(`| ${name} | ${f(pick([start]))} | ${f(peak)} | ${f(pick(plateau))} | ${idle.join(' | ')} |`);
  }
  const peak = max(loadSamples.map((s) => s.rss));
  const idleUnder150 = samples.find((s) => s.phase === 'idle' && s.rss < 150);
  console.log(
    `\ngoals (issue 10): under 250 MB under load: ${peak < 250 ? 'met' : 'NOT met'} (peak ${f(peak)}); ` +
      `under 150 MB within 60 s idle: ${idleUnder150 && idleUnder150.t - idleStart <= 60_000 ? `met (after ${((idleUnder150.t - idleStart) / 1000).toFixed(1)} s)` : 'NOT met'}`
  );
  const latencies = [...load.latenciesMs].sort((a, b) => a - b);
  const failed = [...load.errors.values()].reduce((a, b) => a + b, 0);
  console.log(
    `\n${load.panels} panels (${load.queries} queries) in ${loadSeconds} s: ${(load.panels / loadSeconds).toFixed(1)} panels/s, ` +
      `panel latency median ${median(latencies).toFixed(0)} ms, p95 ${latencies[Math.floor(latencies.length * 0.95)]?.toFixed(0)} ms; ` +
      `${failed} queries answered an error, ${load.callFailures} calls failed; backend CPU ${(cpuMs / 1000).toFixed(1)} s (${(cpuMs / load.panels).toFixed(0)} ms a panel)`
  );
  for (const [message, count] of load.errors) {
    console.log(`  ${count} × ${message}`);
  }
}
