import { rfc3339Ms } from './cronJson';
import { cronDrift } from './cronDrift';
import { referenceDrift, referenceMs } from './cronDriftReference';
import { randomCase } from './cronRandomHistory';
import { seededRandom } from '../../test/history';

/*
 * cronDrift sweeps, binary-searches and reads times by hand to stay fast on hundreds of thousands of runs.
 * Here it must give exactly what a straightforward computation gives (cronDriftReference: every tick and run
 * on its own, scanning everything) on 300 seeded random histories.
 */
const CASES = 300;

describe('cronDrift against the straightforward reference', () => {
  const seeds = Array.from({ length: CASES }, (_, i) => 1000 + i);
  const seen = {
    policies: new Set<string>(),
    statuses: new Set<string>(),
    capped: 0,
    replaced: 0,
    manual: 0,
    dupTicks: 0,
    outside: 0,
  };

  it.each(seeds)('seed %i', (seed) => {
    const { cron, runs, range, nowMs, options } = randomCase(seed);
    const fast = cronDrift(cron, runs, range, nowMs, options);
    const reference = referenceDrift(cron, runs, range, nowMs, options);
    expect({
      ticks: fast.ticks,
      runs: fast.runs,
      manualRuns: fast.manualRuns,
      counts: fast.counts,
      lastSuccess: fast.lastSuccess,
      evaluated: fast.evaluated,
      capped: fast.capped,
    }).toEqual(reference);

    seen.policies.add(fast.cron.concurrencyPolicy);
    fast.ticks.forEach((t) => seen.statuses.add(t.status));
    seen.capped += fast.capped ? 1 : 0;
    seen.replaced += fast.counts.replaced;
    seen.manual += fast.counts.manualRuns;
    seen.dupTicks += fast.ticks.filter((t) => t.runs.length > 1).length;
    seen.outside += runs.length - fast.runs.length - fast.manualRuns.length - fast.counts.ignoredRuns;
  });

  it('covered every case it is meant to', () => {
    expect([...seen.policies].sort()).toEqual(['Allow', 'Forbid', 'Replace']);
    expect([...seen.statuses].sort()).toEqual(
      expect.arrayContaining([
        'before-creation',
        'missed',
        'pending',
        'ran',
        'skipped-forbid',
        'submitted-not-listed',
        'suspended',
        'unknown-pruned',
        'upcoming',
      ])
    );
    expect(seen.capped).toBeGreaterThan(10);
    expect(seen.replaced).toBeGreaterThan(10);
    expect(seen.manual).toBeGreaterThan(10);
    expect(seen.dupTicks).toBeGreaterThan(10);
    expect(seen.outside).toBeGreaterThan(100); // runs outside the range (or the capped window), duplicates
  });
});

describe('rfc3339Ms reads every time as Go does: as Date.parse for a real calendar day, not at all for 31 June', () => {
  it('on 20,000 random times, in every form and some invalid ones', () => {
    const random = seededRandom(5);
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const mismatches: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const field = (max: number) => Math.floor(random() * max);
      // Mostly plausible fields, now and then out of range (month 13, day 32, hour 24, second 60).
      const text =
        `${pad(field(10) < 1 ? field(1000) : 1970 + field(100), 4)}-${pad(field(14))}-${pad(field(33))}` +
        `${random() < 0.9 ? 'T' : 't'}${pad(field(25))}:${pad(field(61))}:${pad(field(61))}` +
        [`Z`, 'z', '.5Z', '.123456Z', '+02:00', '-05:30', '', 'ZZ'][field(8)];
      if (rfc3339Ms(text) !== referenceMs(text)) {
        mismatches.push(text);
      }
    }
    for (const text of [
      '2024-05-02T03:00:00Z',
      '2024-02-29T23:59:59Z',
      '2023-02-29T23:59:59Z',
      '2024-06-31T00:00:00Z',
      '0999-01-01T00:00:00Z',
      '2024-5-2T03:00:00Z',
      ' 2024-05-02T03:00:00Z',
    ]) {
      if (rfc3339Ms(text) !== referenceMs(text)) {
        mismatches.push(text);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
