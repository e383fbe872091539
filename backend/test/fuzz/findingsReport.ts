import type { Finding, FuzzReport } from './fuzzer';

/**
 * The run's summary as text: counts and time, then every distinct finding, NEW ones first, each with
 * its defect class (when known), how often it occurred, how to replay it and the smallest failing
 * request found.
 */
export function formatReport(report: FuzzReport): string {
  const lines: string[] = [];
  const seconds = `${(report.fuzzedMs / 1000).toFixed(1)} s (${(report.elapsedMs / 1000).toFixed(1)} s with shrinking)`;
  const counts = Object.entries(report.counts)
    .map(
      ([service, c]) =>
        `${service} ${c.cases} cases (${c.failing} failing${c.skipped ? `, ${c.skipped} too large to send` : ''})`
    )
    .join(', ');
  const known = report.findings.filter((f) => f.known).length;
  lines.push(`fuzz seed ${report.seed}: ${counts} in ${seconds}; backend restarts: ${report.restarts}`);
  const rss = report.rssMiB;
  lines.push(
    `backend resident memory: ${rss.start} MiB at the start, at most ${rss.max} MiB, ${rss.end} MiB at the end`
  );
  lines.push(
    `slowest cases: ${report.slowest.map((c) => `${c.service} ${c.index} ${(c.ms / 1000).toFixed(1)} s`).join(', ')}`
  );
  lines.push(`findings: ${report.findings.length} distinct (${known} known, ${report.findings.length - known} NEW)`);
  const classes = new Map<string, number>();
  for (const finding of report.findings) {
    const name = classOf(finding);
    classes.set(name, (classes.get(name) ?? 0) + finding.count);
  }
  for (const [name, cases] of classes) {
    lines.push(`  ${name}: ${cases} occurrences`);
  }
  report.findings.forEach((finding, i) => lines.push('', ...formatFinding(finding, i + 1, report.seed)));
  return lines.join('\n');
}

function formatFinding(finding: Finding, number: number, seed: number): string[] {
  const label = finding.known ? `known: ${finding.known.id}` : finding.newClass ? `NEW: ${finding.newClass.id}` : 'NEW';
  const { rule, detail, refId } = finding.violation;
  return [
    `#${number} [${label}] ${finding.service} ${rule}${refId !== undefined ? ` (refId ${JSON.stringify(refId.slice(0, 40))})` : ''}: ${detail.slice(0, 300)}`,
    `   ${finding.count} cases; first: ${finding.service} case ${finding.first.index} (replay: npm run fuzz -- --seed ${seed} --replay ${finding.service}:${finding.first.index})`,
    `   request (${finding.shrinking}): ${finding.reproducer}`,
  ];
}

function classOf(finding: Finding): string {
  if (finding.known) {
    return `known: ${finding.known.title}`;
  }
  return finding.newClass ? `NEW: ${finding.newClass.title}` : 'NEW, unclassified';
}
