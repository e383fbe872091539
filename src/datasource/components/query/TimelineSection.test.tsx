import { fireEvent, screen } from '@testing-library/react';

import { TIMELINE_RUN_MISSING } from '../../../query/timelineQuery';
import { installFakeTemplateSrv } from '../../../testing/fakeTemplateSrv';
import { chooseQueryType, renderQueryEditor as renderEditor } from '../../../testing/renderQueryEditor';
import { testIds } from '../../testIds';
import { queryText } from './queryText';

const ids = testIds.queryEditor;

describe('QueryEditor: timeline', () => {
  beforeEach(() => installFakeTemplateSrv({}));

  test('the type picker asks for the run and does not run the query without one', async () => {
    const { latest, onRunQuery } = renderEditor({ refId: 'A', queryType: 'durations', stats: ['p50'] });
    await chooseQueryType(queryText.queryType.options.timeline!);
    expect(latest()).toEqual({ refId: 'A', queryType: 'timeline' });
    expect(onRunQuery).not.toHaveBeenCalled();
    expect(screen.getByTestId(ids.problem)).toHaveTextContent(`run: ${TIMELINE_RUN_MISSING}`);
    // One run is shown whole: the namespace is the only filter offered.
    expect(screen.getByText('Namespaces')).toBeInTheDocument();
    expect(screen.queryByText('Workflows')).not.toBeInTheDocument();
  });

  test('a run name or a uid is run once the user leaves the field', () => {
    const { latest, onRunQuery } = renderEditor({ refId: 'A', queryType: 'timeline' });
    fireEvent.change(screen.getByTestId(ids.timelineRun), { target: { value: '$run' } });
    expect(onRunQuery).not.toHaveBeenCalled();
    fireEvent.blur(screen.getByTestId(ids.timelineRun));
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    expect(latest()).toEqual({ refId: 'A', queryType: 'timeline', run: '$run' });
    fireEvent.change(screen.getByTestId(ids.timelineRun), { target: { value: '' } });
    fireEvent.change(screen.getByTestId(ids.timelineUid), { target: { value: '5f0e6c2a-8d4b' } });
    fireEvent.blur(screen.getByTestId(ids.timelineUid));
    expect(latest()).toEqual({ refId: 'A', queryType: 'timeline', uid: '5f0e6c2a-8d4b' });
    expect(onRunQuery).toHaveBeenCalledTimes(2);
    expect(screen.queryByTestId(ids.problem)).not.toBeInTheDocument();
  });
});
