/**
 * What could not be read from one Workflow object, one line per field, such as
 * `status.nodes["x"].startedAt: "abc" is not a time`. Capped so that a broken object with 10,000
 * bad nodes does not flood a log.
 */
export const MAX_PROBLEMS = 50;

export class Problems {
  readonly list: string[] = [];
  private dropped = 0;
  /**
   * The node whose fields are being read, if any: its fields are then named relative to it
   * (`startedAt`), and the full path is built only when there is a problem, not for every node.
   */
  nodeId: string | undefined;

  /** Records `<field>: <what is wrong>`, the field inside the current node when there is one. */
  add(field: string, what: string): void {
    if (this.list.length < MAX_PROBLEMS) {
      this.list.push(`${this.nodeId === undefined ? field : nodeField(this.nodeId, field)}: ${what}`);
    } else {
      this.dropped++;
    }
  }

  /** The problems, with a last line counting those left out. */
  done(): string[] {
    return this.dropped === 0 ? this.list : [...this.list, `... and ${this.dropped} more problems`];
  }
}

/** A value as it appears in a problem: JSON, shortened; `missing` for undefined. */
export function shown(value: unknown): string {
  if (value === undefined) {
    return 'missing';
  }
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The path of one node's field: `status.nodes["<id>"].<field>`. */
function nodeField(id: string, field: string): string {
  return `status.nodes[${JSON.stringify(id)}].${field}`;
}
