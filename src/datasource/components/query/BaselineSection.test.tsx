import { act, fireEvent, screen, within } from '@testing-library/react';

import { installFakeTemplateSrv } from '../../../testing/fakeTemplateSrv';
import { testIds } from '../../testIds';
import { queryText } from './queryText';
import { renderQueryEditor as renderEditor, chooseQueryType } from '../../../testing/renderQueryEditor';

const ids = testIds.queryEditor;


describe('QueryEditor: baseline', () => {
  beforeEach(() => installFakeTemplateSrv({}));

  test('the picker keeps grouping, drops other types’ fields, and shows the baseline defaults', async () => {
    const { latest, onRunQuery } = renderEditor({ refId: 'A', queryType: 'durations', groupBy: ['task'], level: 'node', stats: ['p50'] });
    await chooseQueryType(queryText.queryType.options.baseline!);
    expect(latest()).toEqual({ refId: 'A', queryType: 'baseline', groupBy: ['task'], level: 'node' });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId(ids.currentMinutes)).toHaveValue(60);
    expect(screen.getByTestId(ids.baselineDays)).toHaveValue(14);
    expect(within(screen.getByTestId(ids.baselineStat)).getByRole('combobox')).toHaveValue(queryText.baselineStat.options.p95);
    expect(screen.getByTestId(ids.groupBy)).toBeInTheDocument();

    await chooseQueryType(queryText.queryType.options.runs!);
    expect(latest()).toEqual({ refId: 'A', queryType: 'runs', level: 'node' });
  });

  test('the answer picker writes value and runs; the ratio is the default', () => {
    const { latest, onRunQuery } = renderEditor({ refId: 'A', queryType: 'baseline', stat: 'failure_rate' });
    const picker = within(screen.getByTestId(ids.baselineValue));
    expect(picker.getByLabelText(queryText.baselineValue.options.ratio)).toBeChecked();
    fireEvent.click(picker.getByLabelText(queryText.baselineValue.options.current));
    expect(latest()).toEqual({ refId: 'A', queryType: 'baseline', stat: 'failure_rate', value: 'current' });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  test('the current window is written while typing and runs when leaving the field; a bad one is named', () => {
    const { latest, onRunQuery } = renderEditor({ refId: 'A', queryType: 'baseline' });
    const minutes = screen.getByTestId(ids.currentMinutes);
    fireEvent.change(minutes, { target: { value: '15' } });
    expect(latest()).toEqual({ refId: 'A', queryType: 'baseline', currentMinutes: 15 });
    expect(onRunQuery).not.toHaveBeenCalled();
    fireEvent.blur(minutes);
    expect(onRunQuery).toHaveBeenCalledTimes(1);

    fireEvent.change(minutes, { target: { value: '0' } });
    fireEvent.blur(minutes);
    expect(screen.getByTestId(ids.problem)).toHaveTextContent('currentMinutes: Too small');
  });

  test('choosing the failure rate writes the stat and runs the query', async () => {
    const { latest, onRunQuery } = renderEditor({ refId: 'A', queryType: 'baseline' });
    fireEvent.click(within(screen.getByTestId(ids.baselineStat)).getByRole('combobox'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    const option = screen.getAllByRole('option').find((o) => o.textContent === queryText.baselineStat.options.failure_rate);
    fireEvent.click(option!);
    expect(latest()).toEqual({ refId: 'A', queryType: 'baseline', stat: 'failure_rate' });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  test('a stored stat that cannot be compared is named', () => {
    renderEditor({ refId: 'A', queryType: 'baseline', stat: 'median' as never });
    expect(screen.getByTestId(ids.problem)).toHaveTextContent('stat: "median" cannot be compared with its baseline');
  });
});
