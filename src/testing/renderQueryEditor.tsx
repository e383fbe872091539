import React, { useState } from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';

import { ArgoPerfDataSource } from '../datasource/datasource';
import { QueryEditor } from '../datasource/components/QueryEditor';
import type { ArgoPerfDataQuery } from '../datasource/types';
import { testIds } from '../datasource/testIds';
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

/** Picks a query type in the editor's drop-down, as a user does (open, wait for the options, click one). */
export async function chooseQueryType(label: string) {
  fireEvent.click(within(screen.getByTestId(testIds.queryEditor.queryType)).getByRole('combobox'));
  await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
  const option = screen.getAllByRole('option').find((element) => element.textContent?.startsWith(label));
  if (!option) {
    throw new Error(`no query type ${label}`);
  }
  fireEvent.click(option);
}
