import { durationText, elapsedLabel, MIN_TICK_SPACING, ticksFor } from './timeScale';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('time axis', () => {
  test.each([
    // span, width: how many labels fit (width / 90 px), the smallest readable spacing that fits, the labels
    [45 * S, 900, 5 * S, ['0s', '5s', '10s', '15s', '20s', '25s', '30s', '35s', '40s', '45s']],
    [50 * M, 900, 5 * M, ['0s', '5m', '10m', '15m', '20m', '25m', '30m', '35m', '40m', '45m', '50m']],
    [100 * M, 600, 30 * M, ['0s', '30m', '1h', '1h 30m']],
    [3 * D, 900, 12 * H, ['0s', '12h', '1d', '1d 12h', '2d', '2d 12h', '3d']],
    [20 * D, 400, 7 * D, ['0s', '7d', '14d']],
  ])('%d ms over %d px: ticks every %d ms', (span, width, step, labels) => {
    const ticks = ticksFor(span, width);
    expect(ticks.step).toBe(step);
    expect(ticks.offsets.map((offset) => elapsedLabel(offset, ticks.step))).toEqual(labels);
    expect(ticks.offsets.length).toBeLessThanOrEqual(Math.floor(width / MIN_TICK_SPACING) + 1);
  });

  test('a span longer than the longest spacing still gets few ticks', () => {
    const ticks = ticksFor(400 * D, 900);
    expect(ticks.offsets.length).toBeLessThanOrEqual(11);
  });

  test.each([
    [0.42, '0.4s'],
    [12.5, '13s'],
    [200, '3m 20s'],
    [7500, '2h 5m'],
    [3 * 86400 + 3 * 3600 + 59, '3d 3h'],
    [3600, '1h'],
    [86400 + 60, '1d'],
  ])('%d s reads %s', (seconds, text) => {
    expect(durationText(seconds)).toBe(text);
  });
});
