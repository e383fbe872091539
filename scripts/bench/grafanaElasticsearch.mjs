#!/usr/bin/env node
// Our datasource against Grafana's built-in Elasticsearch datasource, in a running Grafana, on the same
// index and the same aggregations: both through Grafana's own /api/ds/query, alternated, medians; and
// every answer compared point for point. It needs a Grafana (12.4+) with two datasources on the query
// benchmark's index (`npm run bench:queries` indexes it): ours and an `elasticsearch` one with time field
// `@timestamp`. No Grafana runs in CI, so this is not part of `npm run bench`; docs/benchmarks.md says how
// it was run.
//
//   node scripts/bench/grafanaElasticsearch.mjs [--runs 15] [--grafana http://127.0.0.1:3000]
//     [--user admin:admin] [--ours argoperf-bench] [--elasticsearch es-bench]
import { parseArgs } from 'node:util';

import { CASES, grafanaQuery, ourQuery } from './grafanaElasticsearchCases.mjs';
import { compareAnswers, grafanaSeries, ourSeries } from './grafanaElasticsearchSeries.mjs';

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    grafana: { type: 'string', default: 'http://127.0.0.1:3000' },
    user: { type: 'string', default: 'admin:admin' },
    ours: { type: 'string', default: 'argoperf-bench' },
    elasticsearch: { type: 'string', default: 'es-bench' },
    only: { type: 'string' },
  },
});
const RUNS = Number(opts.runs);
// The query benchmark's history: the 30 days before 2026-10-31 (backend/bench/benchHistory.ts).
const TO = Date.UTC(2026, 9, 31);
const FROM = TO - 30 * 86_400_000;
const authorization = `Basic ${Buffer.from(opts.user).toString('base64')}`;

async function dsQuery(query) {
  const response = await fetch(`${opts.grafana}/api/ds/query`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: authorization },
    body: JSON.stringify({ from: String(FROM), to: String(TO), queries: [query] }),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`/api/ds/query answered ${response.status}: ${text.slice(0, 300)}`);
  }
  const answer = JSON.parse(text).results.A;
  if (answer.error) {
    throw new Error(`${query.datasource.uid}: ${answer.error}`);
  }
  return answer.frames;
}

async function timed(query) {
  const started = performance.now();
  const frames = await dsQuery(query);
  return { ms: performance.now() - started, frames };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  const load = (await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`${new Date().toISOString()} load average ${load}; ${RUNS} alternated runs each, medians\n`);
  console.log('| aggregation | ours | Grafana ES, empty buckets skipped | Grafana ES, its default buckets | ours ÷ skipped | ours ÷ default | points compared |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const c of CASES.filter((x) => !opts.only || x.name.includes(opts.only))) {
    const sides = {
      ours: ourQuery(c, opts.ours),
      skipped: grafanaQuery(c, opts.elasticsearch, 1),
      defaults: grafanaQuery(c, opts.elasticsearch, 0),
    };
    const first = {};
    for (const [side, query] of Object.entries(sides)) {
      first[side] = await dsQuery(query); // untimed warm-up, kept for the comparison
    }
    const ours = ourSeries(first.ours, c);
    const points = compareAnswers(ours, grafanaSeries(first.skipped, c, false), `${c.name}, empty buckets skipped`);
    compareAnswers(ours, grafanaSeries(first.defaults, c, true), `${c.name}, default buckets`);
    const times = { ours: [], skipped: [], defaults: [] };
    for (let i = 0; i < RUNS; i++) {
      for (const [side, query] of Object.entries(sides)) {
        times[side].push((await timed(query)).ms);
      }
    }
    const [o, s, d] = [median(times.ours), median(times.skipped), median(times.defaults)];
    console.log(`| ${c.name} | ${o.toFixed(1)} ms | ${s.toFixed(1)} ms | ${d.toFixed(1)} ms | ${(o / s).toFixed(2)} | ${(o / d).toFixed(2)} | ${points} |`);
  }
  const after = (await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`\n${new Date().toISOString()} load average ${after}`);
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
