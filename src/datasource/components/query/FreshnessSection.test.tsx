import { fireEvent, screen, within } from '@testing-library/react';

import { installFakeTemplateSrv } from '../../../testing/fakeTemplateSrv';
import { testIds } from '../../testIds';
import { queryText } from './queryText';
import { renderQueryEditor as renderEditor, chooseQueryType } from '../../../testing/renderQueryEditor';

const ids = testIds.queryEditor;
const text = queryText.freshness;

describe('QueryEditor: freshness', () => {
  beforeEach(() => installFakeTemplateSrv({}));

  test('the type picker starts with age numbers per namespace over 7 days, dropping the other type’s level, grouping, source and steps', async () => {
    const { latest, onRunQuery } = renderEditor({
      refId: 'A',
      queryType: 'durations',
      level: 'node',
      groupBy: ['workflow', 'task'],
      stats: ['p50'],
      limit: 20,
      source: 'argo',
      filters: { namespaces: ['ml'], tasks: ['train'] },
    });
    await chooseQueryType(queryText.queryType.options.freshness!);
    expect(latest()).toEqual({ refId: 'A', queryType: 'freshness', filters: { namespaces: ['ml'] } });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    expect(within(screen.getByTestId(ids.freshnessView)).getByLabelText(text.view.options.age)).toBeChecked();
    expect(within(screen.getByTestId(ids.freshnessBasis)).getByLabelText(text.basis.options.history)).toBeChecked();
    expect(screen.getByTestId(ids.freshnessLookback)).toHaveValue(7);
    expect(screen.getByTestId(ids.limit)).toHaveValue(100);
    expect(screen.getByTestId(ids.filter('namespaces'))).toBeInTheDocument();
    expect(screen.queryByTestId(ids.filter('tasks'))).not.toBeInTheDocument();
    expect(screen.queryByTestId(ids.problem)).not.toBeInTheDocument();
  });

  test('the table view and the lookback are stored; the lookback runs when the field is left', () => {
    const { latest, onRunQuery } = renderEditor({ refId: 'A', queryType: 'freshness' });
    fireEvent.click(within(screen.getByTestId(ids.freshnessView)).getByLabelText(text.view.options.table));
    expect(latest()).toEqual({ refId: 'A', queryType: 'freshness', view: 'table' });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    fireEvent.change(screen.getByTestId(ids.freshnessLookback), { target: { value: '30' } });
    expect(latest()).toEqual({ refId: 'A', queryType: 'freshness', view: 'table', lookbackDays: 30 });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    fireEvent.blur(screen.getByTestId(ids.freshnessLookback));
    expect(onRunQuery).toHaveBeenCalledTimes(2);
  });

  test('counting documents only is stored and runs', () => {
    const { latest, onRunQuery } = renderEditor({ refId: 'A', queryType: 'freshness' });
    fireEvent.click(within(screen.getByTestId(ids.freshnessBasis)).getByLabelText(text.basis.options.documents));
    expect(latest()).toEqual({ refId: 'A', queryType: 'freshness', basis: 'documents' });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  test('a lookback past 90 days names the field', () => {
    renderEditor({ refId: 'A', queryType: 'freshness', lookbackDays: 91 });
    expect(screen.getByTestId(ids.problem)).toHaveTextContent(/lookbackDays: Too big/);
  });
});
