import { fireEvent, screen, within } from '@testing-library/react';

import { installFakeTemplateSrv } from '../../../testing/fakeTemplateSrv';
import { renderQueryEditor as renderEditor } from '../../../testing/renderQueryEditor';
import { testIds } from '../../testIds';
import { queryText } from './queryText';

const ids = testIds.queryEditor;
const text = queryText.progress;

describe('QueryEditor: progress', () => {
  beforeEach(() => installFakeTemplateSrv({}));

  test('the type picker asks for the run and does not run the query without one', () => {
    const { latest, onRunQuery } = renderEditor({ refId: 'A', queryType: 'durations', stats: ['p50'] });
    fireEvent.click(within(screen.getByTestId(ids.queryType)).getByLabelText(queryText.queryType.options.progress!));
    expect(latest()).toEqual({ refId: 'A', queryType: 'progress' });
    expect(onRunQuery).not.toHaveBeenCalled();
    expect(screen.getByTestId(ids.problem)).toHaveTextContent(/run: name the run/);
    expect(within(screen.getByTestId(ids.progressView)).getByLabelText(text.view.options.summary)).toBeChecked();
    expect(screen.getByTestId(ids.progressRate)).toHaveValue(15);
  });

  test('a run name is run once the user leaves the field; each view shows its own option', () => {
    const { latest, onRunQuery } = renderEditor({ refId: 'A', queryType: 'progress' });
    fireEvent.change(screen.getByTestId(ids.progressRun), { target: { value: '$run' } });
    expect(onRunQuery).not.toHaveBeenCalled();
    fireEvent.blur(screen.getByTestId(ids.progressRun));
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    fireEvent.click(within(screen.getByTestId(ids.progressView)).getByLabelText(text.view.options.overTime));
    expect(latest()).toEqual({ refId: 'A', queryType: 'progress', run: '$run', view: 'overTime' });
    expect(screen.getByTestId(ids.progressCumulative)).toBeChecked();
    expect(screen.queryByTestId(ids.progressRate)).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId(ids.progressCumulative));
    expect(latest()).toMatchObject({ cumulative: false });
  });
});
