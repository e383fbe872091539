import { QueryError } from '../../errors/queryError';
import { ArgoRequestError } from '../client/argoErrors';

/** Runs one Argo Server call; its failure becomes a QueryError whose text is the client's (already masked) sentence. */
export async function argoCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ArgoRequestError) {
      const status = error.kind === 'unauthorized' ? 401 : error.kind === 'forbidden' ? 403 : error.kind === 'timeout' ? 504 : 502;
      throw new QueryError(error.message, 'downstream', status);
    }
    throw error;
  }
}
