/**
 * Whether the datasource's index setting reads what a collector with this `--index-prefix` writes now:
 * the collector writes each run into `<prefix>-YYYY.MM` of its start (documentIds.ts), so a run starting
 * at `atMs` lands in that month's index. The setting is Elasticsearch's multi-target syntax: names and
 * `*` wildcards separated by commas, a leading `-` excluding what earlier items matched. An alias or a
 * pattern of other names reads no collector's indices: the documents alone then tell the age.
 */
function wildcard(pattern: string): RegExp {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

export function collectorIndexAt(prefix: string, atMs: number): string {
  const at = new Date(atMs);
  return `${prefix}-${at.getUTCFullYear()}.${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function readsCollectorPrefix(indexSetting: string, prefix: string, atMs: number): boolean {
  const index = collectorIndexAt(prefix, atMs);
  let read = false;
  for (const item of indexSetting.split(',').map((part) => part.trim())) {
    if (item.startsWith('-') && item.length > 1) {
      read &&= !wildcard(item.slice(1)).test(index);
    } else if (item !== '' && wildcard(item === '_all' ? '*' : item).test(index)) {
      read = true;
    }
  }
  return read;
}
