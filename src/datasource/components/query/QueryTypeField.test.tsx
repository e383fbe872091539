import { act, fireEvent, screen, within } from '@testing-library/react';

import { AVAILABLE_QUERY_TYPES, FILTER_KINDS, type QueryType } from '../../../query/model';
import { defaultQuery, parseQuery } from '../../../query/parseQuery';
import { installFakeTemplateSrv } from '../../../testing/fakeTemplateSrv';
import { renderQueryEditor } from '../../../testing/renderQueryEditor';
import { testIds } from '../../testIds';
import type { ArgoPerfDataQuery } from '../../types';
import { queryText } from './queryText';

const ids = testIds.queryEditor;
const text = queryText.queryType;

async function openTypes() {
  fireEvent.click(within(screen.getByTestId(ids.queryType)).getByRole('combobox'));
  await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
  return screen.getAllByRole('option');
}

/** A query of the type as a new panel would hold it (every default, and the examples for required fields). */
const newQuery = (type: QueryType) => defaultQuery('A', type as 'durations') as unknown as ArgoPerfDataQuery;

describe('query type picker', () => {
  beforeEach(() => installFakeTemplateSrv({}));

  test('is one drop-down, not a row of nine buttons, so it fits any panel editor width', () => {
    renderQueryEditor(newQuery('durations'));
    const picker = screen.getByTestId(ids.queryType);
    expect(within(picker).queryAllByRole('radio')).toHaveLength(0);
    expect(within(picker).getByRole('combobox')).toHaveValue(text.options.durations);
  });

  test('offers every query type with a sentence saying what it shows', async () => {
    renderQueryEditor(newQuery('durations'));
    const options = await openTypes();
    expect(options).toHaveLength(AVAILABLE_QUERY_TYPES.length);
    AVAILABLE_QUERY_TYPES.forEach((type) => {
      const option = options.find((element) => element.textContent?.startsWith(text.options[type]!));
      expect(option?.textContent).toBe(`${text.options[type]}${text.descriptions[type]}`);
    });
  });

  test('choosing a type changes the query and runs it', async () => {
    const { latest, onRunQuery } = renderQueryEditor(newQuery('durations'));
    const options = await openTypes();
    fireEvent.click(options.find((element) => element.textContent?.startsWith(text.options.cronDrift!))!);
    expect(latest()).toMatchObject({ queryType: 'cronDrift' });
    expect(onRunQuery).toHaveBeenCalled();
  });
});

/**
 * The filter lists parseQuery (the backend's reader) accepts for a query type: the oracle for the editor.
 * Steps need level node where the type has one; freshness reads run documents only (level workflow).
 */
function acceptedFilters(type: QueryType): string[] {
  const accepts = (query: object, kind: string) => 'query' in parseQuery({ ...query, filters: { [kind]: ['x'] } });
  return FILTER_KINDS.filter((kind) => accepts({ ...newQuery(type), level: 'node' }, kind) || accepts(newQuery(type), kind));
}

const shownFilters = () => FILTER_KINDS.filter((kind) => screen.queryByTestId(ids.filter(kind)));

describe('filters shown per query type', () => {
  beforeEach(() => installFakeTemplateSrv({}));

  test.each(AVAILABLE_QUERY_TYPES)('%s shows exactly the filters the backend reads for it', (type) => {
    renderQueryEditor(newQuery(type));
    expect(shownFilters()).toEqual(acceptedFilters(type));
  });

  test('cronDrift picks crons by namespace and name only', () => {
    expect(acceptedFilters('cronDrift')).toEqual(['namespaces', 'crons']);
    expect(parseQuery({ ...newQuery('cronDrift'), filters: { workflows: ['nightly'] } })).toEqual({
      error: 'filters.workflows: cronDrift picks CronWorkflows by namespace and cron name only; remove the workflows filter',
    });
  });

  test('a stored query with a filter its type does not read still shows it, flagged, so it can be removed', () => {
    renderQueryEditor({ ...newQuery('cronDrift'), filters: { crons: ['nightly'], phases: ['Failed'] } });
    expect(shownFilters()).toEqual(['namespaces', 'crons', 'phases']);
    expect(screen.getByTestId(ids.problem)).toHaveTextContent('filters.phases');
  });

  test('switching to cronDrift keeps the namespace and cron filters and drops the others', async () => {
    const { latest } = renderQueryEditor({ ...newQuery('durations'), filters: { namespaces: ['ml'], workflows: ['a'], crons: ['c'] } });
    const options = await openTypes();
    fireEvent.click(options.find((element) => element.textContent?.startsWith(text.options.cronDrift!))!);
    expect(latest().filters).toEqual({ namespaces: ['ml'], crons: ['c'] });
    expect(parseQuery(latest())).toHaveProperty('query');
  });
});
