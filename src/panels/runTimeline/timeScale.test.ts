import { durationText, elapsedLabel, MIN_TICK_SPACING, tickPlacements, ticksFor } from './timeScale';

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

describe('tick labels near the right end', () => {
  test('the last label is drawn to the left of its tick when it would be cut', () => {
    // 50 minutes over 806 px, a tick every 10 minutes: the last one (50m) sits on the track's end
    const labels = tickPlacements(
      { step: 10 * M, offsets: [0, 10, 20, 30, 40, 50].map((m) => m * M) },
      (50 * M) / 806,
      806
    );
    expect(labels.map((label) => label.align)).toEqual(['start', 'start', 'start', 'start', 'start', 'end']);
    expect(labels[5].x).toBeCloseTo(806, 5);
  });

  test('left out when drawn to the left it would run into the label before it', () => {
    // 112 s over 1050 px, a tick every 10 s: 110 s is 19 px from the end and 94 px after 100 s
    const offsets = Array.from({ length: 12 }, (_, i) => i * 10 * S);
    const labels = tickPlacements({ step: 10 * S, offsets }, (112 * S) / 1050, 1050);
    expect(labels.map((label) => label.align)).toEqual([...Array(11).fill('start'), null]);
  });
});
