import { createRequire } from 'node:module';
import { resolve } from 'node:path';

/**
 * Grafana's own time code (@grafana/data's datemath and rangeutil), loaded from its CommonJS files:
 * the package's index needs a browser, these two do not. They turn a dashboard's time range and a
 * panel's width into the from/to, interval and maxDataPoints Grafana sends with each query.
 */
type DateMath = typeof import('@grafana/data').dateMath;
type RangeUtil = typeof import('@grafana/data').rangeUtil;

const requireGrafana = createRequire(resolve(process.cwd(), 'node_modules/@grafana/data/dist/cjs/index.cjs'));
const dateMath = requireGrafana('./datetime/datemath.cjs') as DateMath;
const rangeUtil = requireGrafana('./datetime/rangeutil.cjs') as RangeUtil;

/** The width of a 24-column dashboard on a 1600-pixel viewport, less the panel's padding. */
const DASHBOARD_WIDTH_PX = 1600;
const PANEL_PADDING_PX = 16;

export interface QueryTime {
  fromMs: number;
  toMs: number;
  intervalMs: number;
  interval: string;
  maxDataPoints: number;
}

/**
 * What Grafana's query runner sends for a panel: the range of the dashboard's (relative) time, the
 * panel's maxDataPoints or its width in pixels, and calculateInterval of the two with the panel's
 * minimum interval as the lower limit.
 */
export function queryTime(time: { from: string; to: string }, panel: { w: number; maxDataPoints?: number; interval?: string }): QueryTime {
  const from = dateMath.parse(time.from, false);
  const to = dateMath.parse(time.to, true);
  if (!from || !to) {
    throw new Error(`time range ${time.from} to ${time.to} cannot be read`);
  }
  const maxDataPoints = panel.maxDataPoints ?? Math.floor((panel.w * DASHBOARD_WIDTH_PX) / 24) - PANEL_PADDING_PX;
  const range = { from, to, raw: { from: time.from, to: time.to } };
  const { intervalMs, interval } = rangeUtil.calculateInterval(range, maxDataPoints, panel.interval);
  return { fromMs: from.valueOf(), toMs: to.valueOf(), intervalMs, interval, maxDataPoints };
}
