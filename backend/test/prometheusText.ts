/**
 * A strict reader of the Prometheus text exposition format 0.0.4 for tests: every line must be a HELP,
 * a TYPE or a sample of a metric whose TYPE came first, labels quoted and escaped as the format says,
 * values numbers. The lenient parsers on npm skip lines they cannot read, which would hide a broken body.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  types: Map<string, string>;
  samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = `([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\\\\n]|\\\\[\\\\"n])*)"`;
const SAMPLE = new RegExp(`^(${NAME})(?:\\{((?:${LABEL})(?:,${LABEL})*,?)?\\})? (\\S+)(?: (-?\\d+))?$`);
const HELP = new RegExp(`^# HELP (${NAME})(?: (.*))?$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const SUFFIXES: Record<string, string[]> = { histogram: ['_bucket', '_sum', '_count'], summary: ['', '_sum', '_count'] };

/** As Prometheus reads values (Go's ParseFloat): NaN and Inf in any case (prom-client writes `Nan`). */
function number(text: string, line: string): number {
  const special = /^([-+]?)(inf|infinity|nan)$/i.exec(text);
  if (special) {
    return special[2].toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity;
  }
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) {
    throw new Error(`not a number in: ${line}`);
  }
  return Number(text);
}

function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) {
    return name;
  }
  for (const [family, type] of types) {
    if ((SUFFIXES[type] ?? []).some((suffix) => suffix && name === family + suffix)) {
      return family;
    }
  }
  return undefined;
}

export function parseExposition(text: string): Exposition {
  if (!text.endsWith('\n')) {
    throw new Error('the body must end with a newline');
  }
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.slice(0, -1).split('\n')) {
    if (line === '' || HELP.test(line)) {
      continue;
    }
    const type = TYPE.exec(line);
    if (type) {
      if (types.has(type[1])) {
        throw new Error(`second TYPE for ${type[1]}`);
      }
      types.set(type[1], type[2]);
      continue;
    }
    const sample = SAMPLE.exec(line);
    if (!sample || !familyOf(sample[1], types)) {
      throw new Error(`not a valid sample line (or no TYPE before it): ${line}`);
    }
    const labels: Record<string, string> = {};
    for (const [, key, value] of (sample[2] ?? '').matchAll(new RegExp(LABEL, 'g'))) {
      if (key in labels) {
        throw new Error(`label ${key} twice in: ${line}`);
      }
      labels[key] = value.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    samples.push({ name: sample[1], labels, value: number(sample[7], line) });
  }
  return { types, samples };
}

/** The value of the one sample with this name and (at least) these labels; 0 when there is none. */
export function sampleValue(exposition: Exposition, name: string, labels: Record<string, string> = {}): number {
  const found = exposition.samples.filter(
    (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value)
  );
  if (found.length > 1) {
    throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
  }
  return found[0]?.value ?? 0;
}
