import { act, fireEvent, screen, within } from '@testing-library/react';

import { installFakeTemplateSrv } from '../../testing/fakeTemplateSrv';
import { testIds } from '../testIds';
import type { ArgoPerfDataQuery } from '../types';
import { queryText } from './query/queryText';
import { renderQueryEditor as renderEditor, chooseQueryType } from '../../testing/renderQueryEditor';

const ids = testIds.queryEditor;

const stored: ArgoPerfDataQuery = {
  refId: 'A',
  queryType: 'durations',
  level: 'workflow',
  groupBy: ['workflow'],
  stats: ['p50', 'p95'],
  filters: {},
  limit: 20,
};


/** Opens a combobox, optionally types, and waits for its (debounced, possibly async) options. */
async function openOptions(containerTestId: string, typed?: string) {
  const input = within(screen.getByTestId(containerTestId)).getByRole('combobox');
  fireEvent.click(input);
  if (typed !== undefined) {
    fireEvent.change(input, { target: { value: typed } });
  }
  await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
  return screen.getAllByRole('option');
}

async function choose(containerTestId: string, optionText: RegExp, typed?: string) {
  const options = await openOptions(containerTestId, typed);
  const option = options.find((element) => optionText.test(element.textContent ?? ''));
  if (!option) {
    throw new Error(`no option ${optionText} among ${options.map((element) => element.textContent).join(', ')}`);
  }
  fireEvent.click(option);
}

describe('QueryEditor', () => {
  beforeEach(() => installFakeTemplateSrv({ namespace: 'ml', workflow: ['nightly-train', 'hourly-ingest'] }));

  test('measuring steps sets level node and runs the query', () => {
    const { latest, onRunQuery } = renderEditor(stored);
    fireEvent.click(screen.getByLabelText(queryText.level.options.node));
    expect(latest()).toEqual({ ...stored, level: 'node' });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  test('group by adds a key from the list', async () => {
    const { latest, onRunQuery } = renderEditor(stored);
    await choose(ids.groupBy, new RegExp(queryText.groupBy.options.template), 'template');
    expect(latest().groupBy).toEqual(['workflow', 'template']);
    expect(onRunQuery).toHaveBeenCalled();
  });

  test('a typed group key becomes a workflow label key', async () => {
    const { latest } = renderEditor(stored);
    await choose(ids.groupBy, /^team/, 'team');
    expect(latest().groupBy).toEqual(['workflow', 'label:team']);
  });

  test('a typed number becomes a percentile statistic', async () => {
    const { latest } = renderEditor(stored);
    await choose(ids.stats, /^99\.9/, '99.9');
    expect(latest().stats).toEqual(['p50', 'p95', 'p99.9']);
  });

  test('statistics from the list', async () => {
    const { latest } = renderEditor(stored);
    await choose(ids.stats, new RegExp(queryText.stats.options.max), 'max');
    expect(latest().stats).toEqual(['p50', 'p95', 'max']);
  });

  test('the limit is written while typing and the query runs when leaving the field', () => {
    const { latest, onRunQuery } = renderEditor(stored);
    const limit = screen.getByTestId(ids.limit);
    fireEvent.change(limit, { target: { value: '50' } });
    expect(latest().limit).toBe(50);
    expect(onRunQuery).not.toHaveBeenCalled();
    fireEvent.blur(limit);
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  test('filter options come from the backend, in the chosen namespace, plus dashboard variables', async () => {
    const { latest, getResource } = renderEditor(
      { ...stored, filters: { namespaces: ['$namespace'] } },
      { workflows: ['nightly-train', 'weekly-report'] }
    );
    const options = await openOptions(ids.filter('workflows'));
    expect(options.map((option) => option.textContent)).toEqual(
      expect.arrayContaining(['$namespace', '$workflow', 'nightly-train', 'weekly-report'])
    );
    expect(getResource).toHaveBeenCalledWith('workflows', { namespace: 'ml' });

    fireEvent.click(options.find((option) => option.textContent === 'weekly-report')!);
    expect(latest().filters).toEqual({ namespaces: ['$namespace'], workflows: ['weekly-report'] });
  });

  test('phases are offered without asking the backend', async () => {
    const { latest, getResource } = renderEditor(stored);
    await choose(ids.filter('phases'), /^Failed$/);
    expect(latest().filters).toEqual({ phases: ['Failed'] });
    expect(getResource).not.toHaveBeenCalled();
  });

  test('an invalid query shows the problem, names the field and is not run', () => {
    const { onRunQuery } = renderEditor({ ...stored, level: 'node', groupBy: ['task'] });
    expect(screen.queryByTestId(ids.problem)).not.toBeInTheDocument();

    fireEvent.click(screen.getByLabelText(queryText.level.options.workflow));
    expect(screen.getByTestId(ids.problem)).toHaveTextContent('groupBy[0]: "task" needs level "node"');
    expect(onRunQuery).not.toHaveBeenCalled();
  });

  test('a stored query without optional fields shows the defaults', () => {
    renderEditor({ refId: 'A', queryType: 'durations' });
    expect(within(screen.getByTestId(ids.groupBy)).getByText(queryText.groupBy.options.workflow)).toBeInTheDocument();
    expect(screen.getByTestId(ids.limit)).toHaveValue(20);
    expect(screen.queryByTestId(ids.problem)).not.toBeInTheDocument();
  });

  test('the query type picker switches to outcomes, keeping level, filters and grouping', async () => {
    const { latest, onRunQuery } = renderEditor({ ...stored, level: 'node', filters: { namespaces: ['ml'] } });
    await chooseQueryType(queryText.queryType.options.outcomes!);
    expect(latest()).toEqual({ refId: 'A', queryType: 'outcomes', level: 'node', groupBy: ['workflow'], filters: { namespaces: ['ml'] }, limit: 20 });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId(ids.measures)).toBeInTheDocument();
    expect(screen.queryByTestId(ids.stats)).not.toBeInTheDocument();
  });

  test('outcomes: the reasons view hides the measures, and measures come from the list', async () => {
    const { latest } = renderEditor({ refId: 'A', queryType: 'outcomes', measures: ['failure_rate'] });
    await choose(ids.measures, new RegExp(`^${queryText.measures.options.failed}$`), 'fail');
    expect(latest().measures).toEqual(['failure_rate', 'failed']);
    await choose(ids.measures, /^Error/, 'Error');
    expect(latest().measures).toEqual(['failure_rate', 'failed', 'error']);
    fireEvent.click(within(screen.getByTestId(ids.view)).getByLabelText(queryText.view.options.reasons));
    expect(latest().view).toBe('reasons');
    expect(screen.queryByTestId(ids.measures)).not.toBeInTheDocument();
  });

  test('heatmap shows only the level and the filters, and drops grouping', async () => {
    const { latest } = renderEditor(stored);
    await chooseQueryType(queryText.queryType.options.heatmap!);
    expect(latest()).toEqual({ refId: 'A', queryType: 'heatmap', level: 'workflow', filters: {} });
    expect(screen.queryByTestId(ids.groupBy)).not.toBeInTheDocument();
    expect(screen.getByTestId(ids.filter('namespaces'))).toBeInTheDocument();
    expect(screen.queryByTestId(ids.problem)).not.toBeInTheDocument();
  });

  test('runs: the picker drops grouping and the group limit, and shows the row limit and baseline defaults', async () => {
    const { latest, onRunQuery } = renderEditor({ ...stored, level: 'node', filters: { namespaces: ['ml'] } });
    await chooseQueryType(queryText.queryType.options.runs!);
    expect(latest()).toEqual({ refId: 'A', queryType: 'runs', level: 'node', filters: { namespaces: ['ml'] } });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId(ids.limit)).toHaveValue(100);
    expect(screen.getByTestId(ids.baselineDays)).toHaveValue(14);
    expect(screen.queryByTestId(ids.groupBy)).not.toBeInTheDocument();
    expect(screen.getByTestId(ids.filter('phases'))).toBeInTheDocument();

    await chooseQueryType(queryText.queryType.options.durations!);
    expect(latest()).toEqual({ refId: 'A', queryType: 'durations', level: 'node', filters: { namespaces: ['ml'] } });
  });

  test('runs: the baseline is written while typing, runs when leaving the field, and a bad one is named', () => {
    const { latest, onRunQuery } = renderEditor({ refId: 'A', queryType: 'runs' });
    const days = screen.getByTestId(ids.baselineDays);
    fireEvent.change(days, { target: { value: '30' } });
    expect(latest()).toEqual({ refId: 'A', queryType: 'runs', baselineDays: 30 });
    expect(onRunQuery).not.toHaveBeenCalled();
    fireEvent.blur(days);
    expect(onRunQuery).toHaveBeenCalledTimes(1);

    fireEvent.change(days, { target: { value: '0' } });
    fireEvent.blur(days);
    expect(screen.getByTestId(ids.problem)).toHaveTextContent('baselineDays: Too small');
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it('reads durations and runs from the Argo Server when its source is chosen', () => {
    const { latest, onRunQuery } = renderEditor(stored);
    fireEvent.click(screen.getByLabelText(queryText.source.options.argo));
    expect(latest()).toMatchObject({ queryType: 'durations', source: 'argo' });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });
});
