import { fireEvent, screen, within } from '@testing-library/react';

import { installFakeTemplateSrv } from '../../../testing/fakeTemplateSrv';
import { testIds } from '../../testIds';
import { queryText } from './queryText';
import { renderQueryEditor as renderEditor, chooseQueryType } from '../../../testing/renderQueryEditor';

const ids = testIds.queryEditor;
const text = queryText.cronDrift;


const pickView = (label: string) =>
  fireEvent.click(within(screen.getByTestId(ids.cronDriftView)).getByLabelText(label));

describe('QueryEditor: cronDrift', () => {
  beforeEach(() => installFakeTemplateSrv({}));

  test('the type picker starts with the delay view and a 60 s grace, and drops other types’ fields', async () => {
    const { latest, onRunQuery } = renderEditor({
      refId: 'A',
      queryType: 'durations',
      stats: ['p50'],
      limit: 20,
      source: 'elasticsearch',
    });
    await chooseQueryType(queryText.queryType.options.cronDrift!);
    expect(latest()).toEqual({ refId: 'A', queryType: 'cronDrift' });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    expect(within(screen.getByTestId(ids.cronDriftView)).getByLabelText(text.view.options.delay)).toBeChecked();
    expect(screen.getByTestId(ids.cronDriftGrace)).toHaveValue(60);
    expect(screen.queryByTestId(ids.limit)).not.toBeInTheDocument();
    expect(screen.queryByTestId(ids.cronDriftLookback)).not.toBeInTheDocument();
  });

  test('choosing a view stores it and runs the query', () => {
    const { latest, onRunQuery } = renderEditor({ refId: 'A', queryType: 'cronDrift' });
    pickView(text.view.options.missed);
    expect(latest()).toEqual({ refId: 'A', queryType: 'cronDrift', view: 'missed' });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    expect(within(screen.getByTestId(ids.cronDriftView)).getByLabelText(text.view.options.missed)).toBeChecked();

    pickView(text.view.options.runs);
    expect(latest()).toEqual({ refId: 'A', queryType: 'cronDrift', view: 'runs' });
    expect(screen.getByTestId(ids.limit)).toHaveValue(100);

    pickView(text.view.options.sinceSuccess);
    expect(latest()).toEqual({ refId: 'A', queryType: 'cronDrift', view: 'sinceSuccess' });
    expect(screen.queryByTestId(ids.limit)).not.toBeInTheDocument();
    expect(screen.getByTestId(ids.cronDriftLookback)).toHaveValue(7);
    expect(onRunQuery).toHaveBeenCalledTimes(3);
  });

  test('the grace is written while typing and runs when leaving the field; a bad one is named', () => {
    const { latest, onRunQuery } = renderEditor({ refId: 'A', queryType: 'cronDrift', view: 'runs' });
    const grace = screen.getByTestId(ids.cronDriftGrace);
    fireEvent.change(grace, { target: { value: '300' } });
    expect(latest()).toEqual({ refId: 'A', queryType: 'cronDrift', view: 'runs', graceSeconds: 300 });
    expect(onRunQuery).not.toHaveBeenCalled();
    fireEvent.blur(grace);
    expect(onRunQuery).toHaveBeenCalledTimes(1);

    fireEvent.change(grace, { target: { value: '1.5' } });
    fireEvent.blur(grace);
    expect(screen.getByTestId(ids.problem)).toHaveTextContent('graceSeconds: must be a whole number of seconds');
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  test.each(['sinceSuccess', 'sinceSuccessPeriods'] as const)('the lookback of %s is stored in days', (view) => {
    const { latest } = renderEditor({ refId: 'A', queryType: 'cronDrift', view });
    fireEvent.change(screen.getByTestId(ids.cronDriftLookback), { target: { value: '30' } });
    expect(latest()).toEqual({ refId: 'A', queryType: 'cronDrift', view, lookbackDays: 30 });
  });
});
