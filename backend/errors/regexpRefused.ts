import { QueryError } from './queryError';

/**
 * Elasticsearch refused a regular expression of the search (a pattern it cannot parse, or one too
 * complex to turn into an automaton). The search does not know which ad hoc filter it came from;
 * the query runner does, and rewords it to name that filter (queries/regexpFilterError.ts).
 */
export class RegexpRefused extends QueryError {
  constructor(
    message: string,
    /** Elasticsearch's reason, masked and with the pattern itself left out. */
    readonly reason: string,
    readonly tooComplex: boolean,
    /** The refused pattern, when it can be told which one it was. */
    readonly pattern?: string
  ) {
    super(message, 'plugin', 400);
    this.name = 'RegexpRefused';
  }
}
