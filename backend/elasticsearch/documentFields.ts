import type { GroupKey, PlainGroupKey } from '../../src/query/groupBy';
import type { Filters, Level } from '../../src/query/model';
import { FIELD_ROLE_TEXT, resolveFieldMap, type FieldMap, type FieldRole } from '../../src/settings/fieldMapping';
import { QueryError } from '../errors/queryError';
import type { GroupTerms } from './groupBuckets';
import { NO_STEP_NAME } from './stepGroupText';
import { instanceResource, type DatasourceInstance } from '../settings/instances';

/**
 * The document fields of one datasource, read through its field mapping (src/settings/fieldMapping.ts).
 * Every search builder takes one of these instead of fixed names, so our index template and a team's
 * own documents are queried by the same code.
 */
/**
 * `workflow` is the workflow as people name it (its WorkflowTemplate, cron, or name without the
 * generated suffix: workflow.template), not one run's generated name (workflow.name): grouping by run
 * would make one series per run. The runs table shows run names.
 */
const GROUP_ROLES: Record<Level, Record<PlainGroupKey, FieldRole>> = {
  workflow: {
    namespace: 'namespace',
    workflow: 'workflowTemplate',
    template: 'workflowTemplate',
    step: 'step',
    task: 'task',
    cron: 'cron',
    node: 'nodeName',
    phase: 'phase',
  },
  node: {
    namespace: 'namespace',
    workflow: 'workflowTemplate',
    template: 'nodeTemplate',
    step: 'step',
    task: 'task',
    cron: 'cron',
    node: 'nodeName',
    phase: 'phase',
  },
};

export const FILTER_KEYS: Record<Exclude<keyof Filters, 'adhoc'>, PlainGroupKey> = {
  namespaces: 'namespace',
  workflows: 'workflow',
  templates: 'template',
  tasks: 'task',
  crons: 'cron',
  phases: 'phase',
};

/** The runtime field that holds end − start when the duration is derived. */
export const DERIVED_DURATION_FIELD = 'argoperf_duration_ms';

export class DocumentFields {
  constructor(readonly map: FieldMap) {}

  /** The field of a role; a role the mapping leaves empty is refused with what to do. */
  name(role: FieldRole, neededFor: string): string {
    const name = this.map.names[role];
    if (!name) {
      throw new QueryError(
        `${neededFor} needs the ${FIELD_ROLE_TEXT[role]} field, but this datasource's field mapping leaves it empty; ` +
          `enter the field name under Field mapping in the datasource settings`
      );
    }
    return name;
  }

  /** The role a field name plays, for messages ("workflow name"), if any. */
  roleOf(field: string): FieldRole | undefined {
    return (Object.keys(this.map.names) as FieldRole[]).find((role) => this.map.names[role] === field);
  }

  /** The field of a role, or undefined when these documents have none. */
  optional(role: FieldRole): string | undefined {
    return this.map.names[role] || undefined;
  }

  get start(): string {
    return this.map.names.start;
  }

  /** The field duration aggregations read: the mapped one, or the derived runtime field. */
  get duration(): string {
    return this.map.durationUnit === 'derived' ? DERIVED_DURATION_FIELD : this.name('duration', 'this query');
  }

  /** Milliseconds per unit of the duration field's values. */
  get msPerDurationUnit(): number {
    return this.map.durationUnit === 's' ? 1000 : 1;
  }

  /**
   * `runtime_mappings` for a derived duration: end − start in ms (Elasticsearch's painless; clusters
   * without it answer with a message that says so, see searchElasticsearch).
   */
  runtimeMappings(): Record<string, unknown> | undefined {
    if (this.map.durationUnit !== 'derived') {
      return undefined;
    }
    return {
      [DERIVED_DURATION_FIELD]: {
        type: 'long',
        script: {
          lang: 'painless',
          source:
            'if (doc[params.start].size() > 0 && doc[params.end].size() > 0) { emit(doc[params.end].value.toInstant().toEpochMilli() - doc[params.start].value.toInstant().toEpochMilli()); }',
          params: { start: this.map.names.start, end: this.name('end', 'a duration derived from start and end') },
        },
      },
    };
  }

  /**
   * The clause that picks one level's documents. Without a kind field every document is of the
   * mapping's level; asking for the other level is refused (strict), or ignored (variables).
   */
  levelClauses(level: Level, strict = true): object[] {
    const kind = this.optional('kind');
    if (kind) {
      return [{ term: { [kind]: level } }];
    }
    if (strict && level !== this.map.documentLevel) {
      const what = this.map.documentLevel === 'node' ? 'task executions' : 'workflow runs';
      throw new QueryError(
        `level: these documents have no document-kind field (field mapping) and are all ${what}; set level to ${this.map.documentLevel}`
      );
    }
    return [];
  }

  /** The field a group key reads at a level; `label:<key>` reads the labels object (or a top-level field). */
  groupField(key: GroupKey, level: Level): string {
    if (key.startsWith('label:')) {
      const label = key.slice('label:'.length);
      const parent = this.optional('labels');
      return parent ? `${parent}.${label}` : label;
    }
    const plain = key as PlainGroupKey;
    return this.name(GROUP_ROLES[level][plain], `group by or filter on ${plain}`);
  }

  /** The terms of each group key; documents without a step name get a group of their own (stepGroupText.ts). */
  groupTerms(keys: GroupKey[], level: Level): GroupTerms[] {
    return keys.map((key) => (key === 'step' ? { field: this.groupField(key, level), missing: NO_STEP_NAME } : this.groupField(key, level)));
  }
}

/** The fields of a datasource instance (resolved once per settings version). */
export function documentFields(instance: DatasourceInstance): DocumentFields {
  return instanceResource(instance, 'documentFields', () => ({
    value: new DocumentFields(resolveFieldMap(instance.settings.elasticsearch?.fieldMapping)),
  }));
}

/** Our own index template's fields, for tools that write or read that model directly. */
export const TEMPLATE_FIELDS = new DocumentFields(resolveFieldMap(undefined));
