import React from 'react';
import { getTemplateSrv } from '@grafana/runtime';
import { InlineFieldRow } from '@grafana/ui';

import type { FilterKind, Filters } from '../../../query/model';
import type { ArgoPerfDataSource } from '../../datasource';
import { isResourceKind } from '../../resources';
import { expandEntry } from '../../templateVariables';
import { FilterField } from './FilterField';
import { PHASES } from './queryOptions';
import { queryText } from './queryText';

interface Props {
  datasource: ArgoPerfDataSource;
  /** The filter lists to show, in this order: those the query type reads (QUERY_FILTERS). */
  kinds: readonly FilterKind[];
  filters: Filters;
  onChange: (filters: Filters) => void;
}

/** With exactly one namespace chosen, the other lists only offer what exists in it. */
function namespaceScope(filters: Filters): string | undefined {
  const namespaces = (filters.namespaces ?? []).flatMap((entry) => expandEntry(entry, getTemplateSrv()));
  return namespaces.length === 1 ? namespaces[0] : undefined;
}

export function FiltersSection({ datasource, kinds, filters, onChange }: Props) {
  const variables = getTemplateSrv()
    .getVariables()
    .map((variable) => `$${variable.name}`);
  const namespace = namespaceScope(filters);

  const update = (kind: keyof Filters, values: string[]) => {
    const next: Filters = { ...filters, [kind]: values };
    if (values.length === 0) {
      delete next[kind];
    }
    onChange(next);
  };

  return (
    <InlineFieldRow>
      {kinds.map((kind) => {
        const scope = kind === 'namespaces' ? '' : (namespace ?? '');
        const loadValues = isResourceKind(kind)
          ? () => datasource.listValues(kind, scope || undefined)
          : () => Promise.resolve(PHASES);
        return (
          <FilterField
            key={kind}
            kind={kind}
            label={queryText.filters.label[kind]}
            value={filters[kind] ?? []}
            onChange={(values) => update(kind, values)}
            loadValues={loadValues}
            scope={scope}
            variables={variables}
          />
        );
      })}
    </InlineFieldRow>
  );
}
