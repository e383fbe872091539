import React, { useState } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';

import type { LiveQuery } from '../../../query/liveQuery';
import { defaultQuery, parseQuery } from '../../../query/parseQuery';
import { instanceSettings } from '../../../testing/datasourceSettings';
import { installFakeTemplateSrv } from '../../../testing/fakeTemplateSrv';
import { ArgoPerfDataSource } from '../../datasource';
import { testIds } from '../../testIds';
import type { ArgoPerfDataQuery } from '../../types';
import { QueryEditor } from '../QueryEditor';
import { LiveSection } from './LiveSection';
import { queryText } from './queryText';

/**
 * The live section on its own, in a harness that does what the QueryEditor does: it shows the stored
 * query over the type's defaults, writes each patch, and runs the query unless told not to.
 */
const ids = testIds.queryEditor;
const text = queryText.live;

function renderSection(initial: ArgoPerfDataQuery) {
  const changes: ArgoPerfDataQuery[] = [];
  const runs: ArgoPerfDataQuery[] = [];
  function Harness() {
    const [query, setQuery] = useState(initial);
    const shown = { ...defaultQuery(query.refId, 'live'), ...query } as LiveQuery;
    const parsed = parseQuery(query);
    const problem = 'error' in parsed ? parsed.error : '';
    const change = (patch: Partial<ArgoPerfDataQuery>, run = true) => {
      const next = { ...query, ...patch };
      changes.push(next);
      setQuery(next);
      if (run) {
        runs.push(next);
      }
    };
    return <LiveSection shown={shown} query={query} change={change} invalid={(field) => problem.startsWith(field)} />;
  }
  render(<Harness />);
  return { latest: () => changes[changes.length - 1], runs };
}

describe('LiveSection', () => {
  test('shows the table view by default, with its baseline and limit, and no comparison picker', () => {
    renderSection({ refId: 'A', queryType: 'live' });
    expect(within(screen.getByTestId(ids.liveView)).getByLabelText(text.view.options.table)).toBeChecked();
    expect(screen.queryByTestId(ids.liveAgainst)).not.toBeInTheDocument();
    expect(screen.getByTestId(ids.baselineDays)).toHaveValue(7);
    expect(screen.getByTestId(ids.limit)).toHaveValue(200);
  });

  test('choosing the overrun view stores it and runs the query; the comparison picker appears', () => {
    const { latest, runs } = renderSection({ refId: 'A', queryType: 'live' });
    fireEvent.click(within(screen.getByTestId(ids.liveView)).getByLabelText(text.view.options.overrun));
    expect(latest()).toEqual({ refId: 'A', queryType: 'live', view: 'overrun' });
    expect(runs).toHaveLength(1);
    const against = screen.getByTestId(ids.liveAgainst);
    expect(within(against).getByLabelText(text.against.options.estimate)).toBeChecked();
    // Against Argo's estimate, the baseline days are not read, so they are not offered.
    expect(screen.queryByTestId(ids.baselineDays)).not.toBeInTheDocument();
  });

  test('choosing the p95 stores it, runs the query and offers the baseline days again', () => {
    const { latest, runs } = renderSection({ refId: 'A', queryType: 'live', view: 'overrun' });
    fireEvent.click(within(screen.getByTestId(ids.liveAgainst)).getByLabelText(text.against.options.p95));
    expect(latest()).toEqual({ refId: 'A', queryType: 'live', view: 'overrun', against: 'p95' });
    expect(runs).toHaveLength(1);
    expect(screen.getByTestId(ids.baselineDays)).toHaveValue(7);

    fireEvent.click(within(screen.getByTestId(ids.liveView)).getByLabelText(text.view.options.table));
    expect(latest()).toEqual({ refId: 'A', queryType: 'live', view: 'table', against: 'p95' });
    expect(screen.queryByTestId(ids.liveAgainst)).not.toBeInTheDocument();
  });

  test('baseline days and limit are written while typing and run when leaving the field', () => {
    const { latest, runs } = renderSection({ refId: 'A', queryType: 'live' });
    const days = screen.getByTestId(ids.baselineDays);
    fireEvent.change(days, { target: { value: '14' } });
    expect(latest()).toEqual({ refId: 'A', queryType: 'live', baselineDays: 14 });
    expect(runs).toHaveLength(0);
    fireEvent.blur(days);
    expect(runs).toHaveLength(1);

    const limit = screen.getByTestId(ids.limit);
    fireEvent.change(limit, { target: { value: '25' } });
    fireEvent.blur(limit);
    expect(latest()).toEqual({ refId: 'A', queryType: 'live', baselineDays: 14, limit: 25 });
    expect(runs).toHaveLength(2);
  });
});

describe('QueryEditor: live', () => {
  beforeEach(() => installFakeTemplateSrv({}));

  test('the type picker switches a runs query to live: its source, limit and baseline are dropped', () => {
    const datasource = new ArgoPerfDataSource(instanceSettings());
    jest.spyOn(datasource, 'getResource').mockResolvedValue({ values: [] });
    const onChange = jest.fn();
    const onRunQuery = jest.fn();
    const query: ArgoPerfDataQuery = {
      refId: 'A',
      queryType: 'runs',
      source: 'argo',
      limit: 50,
      baselineDays: 30,
      filters: { namespaces: ['ml'] },
    };
    render(<QueryEditor query={query} datasource={datasource} onChange={onChange} onRunQuery={onRunQuery} />);
    fireEvent.click(within(screen.getByTestId(ids.queryType)).getByLabelText(queryText.queryType.options.live!));
    expect(onChange).toHaveBeenLastCalledWith({ refId: 'A', queryType: 'live', filters: { namespaces: ['ml'] } });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });
});
