import { act, fireEvent, screen, within } from '@testing-library/react';

import { installFakeTemplateSrv } from '../../../testing/fakeTemplateSrv';
import { testIds } from '../../testIds';
import { queryText } from './queryText';
import { renderQueryEditor as renderEditor, chooseQueryType } from '../../../testing/renderQueryEditor';

const ids = testIds.queryEditor;


async function choose(containerTestId: string, optionText: RegExp, typed: string) {
  const input = within(screen.getByTestId(containerTestId)).getByRole('combobox');
  fireEvent.click(input);
  fireEvent.change(input, { target: { value: typed } });
  await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
  const option = screen.getAllByRole('option').find((element) => optionText.test(element.textContent ?? ''));
  fireEvent.click(option!);
}

describe('QueryEditor: resources', () => {
  beforeEach(() => installFakeTemplateSrv({}));

  test('the picker keeps level, grouping and filters, drops other types’ fields, and shows the resources', async () => {
    const { latest, onRunQuery } = renderEditor({ refId: 'A', queryType: 'outcomes', level: 'node', groupBy: ['task'], measures: ['failed'], filters: { namespaces: ['ml'] } });
    await chooseQueryType(queryText.queryType.options.resources!);
    expect(latest()).toEqual({ refId: 'A', queryType: 'resources', level: 'node', groupBy: ['task'], filters: { namespaces: ['ml'] } });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    // All five by default; the first is shown, the rest are counted where the field is narrow.
    expect(within(screen.getByTestId(ids.resources)).getByText(queryText.resources.options.cpu)).toBeInTheDocument();
    expect(screen.getByTestId(ids.groupBy)).toBeInTheDocument();
    expect(screen.queryByTestId(ids.measures)).not.toBeInTheDocument();
    expect(screen.queryByTestId(ids.problem)).not.toBeInTheDocument();
  });

  test('resources come from the list', async () => {
    const { latest } = renderEditor({ refId: 'A', queryType: 'resources', resources: ['cpu'] });
    await choose(ids.resources, new RegExp(`^${queryText.resources.options.avg_memory}$`), 'Average mem');
    expect(latest().resources).toEqual(['cpu', 'avg_memory']);
  });
});

describe('QueryEditor: metrics', () => {
  beforeEach(() => installFakeTemplateSrv({}));

  test('the picker asks for the metric; it is written while typing and runs when leaving the field', async () => {
    const { latest, onRunQuery } = renderEditor({ refId: 'A', queryType: 'resources', resources: ['gpu'], groupBy: ['workflow'] });
    await chooseQueryType(queryText.queryType.options.metrics!);
    expect(latest()).toEqual({ refId: 'A', queryType: 'metrics', groupBy: ['workflow'] });
    // Without a metric the query is incomplete: it is not run, and the problem names the field.
    expect(onRunQuery).not.toHaveBeenCalled();
    expect(screen.getByTestId(ids.problem)).toHaveTextContent('metric: name the metric');
    const metric = screen.getByTestId(ids.metric);
    expect(metric).toHaveValue('');
    expect(metric).toHaveAttribute('placeholder', queryText.metric.placeholder);

    fireEvent.change(metric, { target: { value: 'images_processed' } });
    expect(latest()).toEqual({ refId: 'A', queryType: 'metrics', groupBy: ['workflow'], metric: 'images_processed' });
    expect(onRunQuery).not.toHaveBeenCalled();
    fireEvent.blur(metric);
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId(ids.problem)).not.toBeInTheDocument();

    fireEvent.click(within(screen.getByTestId(ids.aggregation)).getByLabelText(queryText.aggregation.options.max));
    expect(latest().aggregation).toBe('max');
    expect(onRunQuery).toHaveBeenCalledTimes(2);
  });

  test('a metric name that is no field name is named as the problem', () => {
    renderEditor({ refId: 'A', queryType: 'metrics', metric: 'images*' });
    expect(screen.getByTestId(ids.problem)).toHaveTextContent('metric: is not a metric field name');
  });
});
