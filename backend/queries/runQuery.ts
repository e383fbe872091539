import type { ArgoPerfQuery } from '../../src/query/model';
import type { Frame } from '../frames/frame';
import { runDurations } from './runDurations';
import { runHeatmap } from './runHeatmap';
import { runOutcomes } from './runOutcomes';
import { runRuns } from './runRuns';
import type { QueryInput } from './queryInput';

/** Routes a validated query to the runner of its queryType. Later query types add a line here. */
export function runQuery(query: ArgoPerfQuery, input: QueryInput): Promise<Frame[]> {
  switch (query.queryType) {
    case 'durations':
      return runDurations(query, input);
    case 'heatmap':
      return runHeatmap(query, input);
    case 'outcomes':
      return runOutcomes(query, input);
    case 'runs':
      return runRuns(query, input);
  }
}
