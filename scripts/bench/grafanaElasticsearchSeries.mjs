// Both datasources' /api/ds/query frames as series keyed "workflow|measure" → (time → value), and a
// point-for-point comparison that throws on the first difference.

// Grafana's Elasticsearch datasource names a series "<terms keys> <metric>": "pipeline-0 p95.0 duration_ms",
// "Succeeded pipeline-0"; a lone metric adds nothing.
const GRAFANA_MEASURES = { 'p50.0': 'p50', 'p95.0': 'p95', Max: 'max', Succeeded: 'succeeded', Failed: 'failed', Error: 'error' };

function points(frame, valueIndex, scale) {
  const [times, values] = [frame.data.values[0], frame.data.values[valueIndex]];
  const map = new Map();
  times.forEach((t, i) => map.set(t, values[i] === null ? null : values[i] * scale));
  return map;
}

/** Ours: labels workflow + stat/outcome; the failure rate has no Grafana counterpart and is left out. */
export function ourSeries(frames, c) {
  const series = new Map();
  for (const frame of frames) {
    const field = frame.schema.fields[1];
    const labels = field.labels ?? {};
    const measure = labels.stat ?? labels.outcome ?? c.ours.aggregation ?? 'sum';
    if (measure === 'failure_rate') {
      continue;
    }
    series.set(`${labels.workflow}|${measure}`, points(frame, 1, 1));
  }
  return series;
}

export function grafanaSeries(frames, c) {
  const series = new Map();
  const lone = c.ours.stats?.[0] ?? c.ours.aggregation ?? 'sum';
  for (const frame of frames) {
    const tokens = frame.schema.name.split(' ');
    const workflow = tokens.find((t) => t.startsWith('pipeline-'));
    const measure = tokens.map((t) => GRAFANA_MEASURES[t]).find(Boolean) ?? lone;
    series.set(`${workflow}|${measure}`, points(frame, 1, c.scale));
  }
  return series;
}

const same = (a, b) => a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)));

/** Every series and point of either side must match; an empty point on one side reads as c.empty. Returns the points compared. */
export function compareAnswers(ours, theirs, what) {
  let compared = 0;
  const keys = new Set([...ours.keys(), ...theirs.keys()]);
  for (const key of keys) {
    const [a, b] = [ours.get(key) ?? new Map(), theirs.get(key) ?? new Map()];
    for (const t of new Set([...a.keys(), ...b.keys()])) {
      const [va, vb] = [a.has(t) ? a.get(t) : undefined, b.has(t) ? b.get(t) : undefined];
      const empty = (v) => v === undefined || v === null || v === 0;
      if (empty(va) && empty(vb)) {
        continue;
      }
      if (!same(va ?? null, vb ?? null)) {
        throw new Error(`${what}: series ${key} at ${new Date(t).toISOString()}: ours ${va}, Grafana's Elasticsearch ${vb}`);
      }
      compared++;
    }
  }
  if (compared === 0) {
    throw new Error(`${what}: no points to compare`);
  }
  return compared;
}
