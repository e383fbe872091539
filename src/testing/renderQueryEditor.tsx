import React, { useState } from 'react';
import { render } from '@testing-library/react';

import { ArgoPerfDataSource } from '../datasource/datasource';
import { QueryEditor } from '../datasource/components/QueryEditor';
import type { ArgoPerfDataQuery } from '../datasource/types';
import { instanceSettings } from './datasourceSettings';

/**
 * Renders the query editor as a panel does: each change comes back as the new query. Resource calls
 * (which reach the plugin backend through Grafana) answer `values[path]`, or nothing.
 */
export function renderQueryEditor(initial: ArgoPerfDataQuery, values: Record<string, string[]> = {}) {
  const datasource = new ArgoPerfDataSource(instanceSettings());
  const getResource = jest.spyOn(datasource, 'getResource').mockImplementation(async (path) => ({ values: values[path] ?? [] }));
  const changes: ArgoPerfDataQuery[] = [];
  const onChange = jest.fn((next: ArgoPerfDataQuery) => changes.push(next));
  const onRunQuery = jest.fn();
  function Harness() {
    const [query, setQuery] = useState(initial);
    const change = (next: ArgoPerfDataQuery) => {
      onChange(next);
      setQuery(next);
    };
    return <QueryEditor query={query} datasource={datasource} onChange={change} onRunQuery={onRunQuery} />;
  }
  render(<Harness />);
  return { latest: () => changes[changes.length - 1], onChange, onRunQuery, getResource };
}
