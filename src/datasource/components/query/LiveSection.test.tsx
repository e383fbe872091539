import { fireEvent, screen, within } from '@testing-library/react';

import { installFakeTemplateSrv } from '../../../testing/fakeTemplateSrv';
import { renderQueryEditor, chooseQueryType } from '../../../testing/renderQueryEditor';
import { testIds } from '../../testIds';
import type { ArgoPerfDataQuery } from '../../types';
import { queryText } from './queryText';

const ids = testIds.queryEditor;
const text = queryText.live;

/** The query editor on a live query; `runs` holds one entry per time it ran the query. */
function renderSection(initial: ArgoPerfDataQuery) {
  const { latest, onRunQuery } = renderQueryEditor(initial);
  return { latest, runs: onRunQuery.mock.calls };
}

describe('LiveSection', () => {
  beforeEach(() => installFakeTemplateSrv({}));

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

  test('the type picker switches a runs query to live: its source, limit and baseline are dropped', async () => {
    const query: ArgoPerfDataQuery = {
      refId: 'A',
      queryType: 'runs',
      source: 'argo',
      limit: 50,
      baselineDays: 30,
      filters: { namespaces: ['ml'] },
    };
    const { onChange, onRunQuery } = renderQueryEditor(query);
    await chooseQueryType(queryText.queryType.options.live!);
    expect(onChange).toHaveBeenLastCalledWith({ refId: 'A', queryType: 'live', filters: { namespaces: ['ml'] } });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });
});
