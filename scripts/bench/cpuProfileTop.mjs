// Summarises a V8 .cpuprofile (node --cpu-prof): the functions with the most self time, the same
// grouped by source file, and (with --inclusive) the functions with the most total time, so a profile can
// be read without a browser.
//   node scripts/bench/cpuProfileTop.mjs <file.cpuprofile> [top=25] [--inclusive]
import { readFileSync } from 'node:fs';

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/bench/cpuProfileTop.mjs <file.cpuprofile> [top=25] [--inclusive]');
  process.exit(2);
}
const top = Number(rest.find((a) => /^\d+$/.test(a)) ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));

// Each sample's time is the gap to the next one; the sample names the node that was running.
const selfUs = new Map();
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i + 1] ?? 0;
  selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
});
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
const idleUs = [...selfUs].filter(([id]) => byId.get(id).callFrame.functionName === '(idle)').reduce((a, [, us]) => a + us, 0);

const shortUrl = (url) => url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, '~/').replace(/^.*\/(backend|src)\//, '$1/');
const keyOf = ({ callFrame: f }) => `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}`;
const fileOf = ({ callFrame: f }) => (f.url ? shortUrl(f.url) : f.functionName);

function table(title, entries) {
  const rows = [...entries].sort((a, b) => b[1] - a[1]).slice(0, top);
  console.log(`\n${title}`);
  for (const [name, us] of rows) {
    console.log(`${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / (totalUs - idleUs)).toFixed(1).padStart(5)} %  ${name}`);
  }
}

const sum = (keyFn) => {
  const out = new Map();
  for (const [id, us] of selfUs) {
    const key = keyFn(byId.get(id));
    out.set(key, (out.get(key) ?? 0) + us);
  }
  return out;
};

console.log(`${file}: ${(totalUs / 1000).toFixed(0)} ms sampled, ${((totalUs - idleUs) / 1000).toFixed(0)} ms not idle (percentages are of the latter)`);
table('self time by function', sum(keyOf));
table('self time by file', sum(fileOf));

if (rest.includes('--inclusive')) {
  // Total time: a node's self time counted once for each distinct function on its path from the root.
  const parent = new Map();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
      parent.set(child, node.id);
    }
  }
  const inclusive = new Map();
  for (const [id, us] of selfUs) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const key = keyOf(byId.get(at));
      if (!seen.has(key)) {
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + us);
      }
    }
  }
  table('total time by function', inclusive);
}
