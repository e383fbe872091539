import type { Workflow } from '../../argo/client/argoTypes';
import { ApiError, GRPC } from './apiErrors';
import { matchesLabels, parseLabelSelector, type LabelRequirement } from './labelSelector';
import { timeMs } from './timeFormat';

/** What a list request selects, after parsing its query the way the server version does. */
export interface ListFilter {
  /** '' = all namespaces. */
  namespace: string;
  name?: string;
  minStartedAt?: number;
  maxStartedAt?: number;
  createdAfter?: number;
  finishedBefore?: number;
  labels: LabelRequirement[];
  hasSelectors: boolean;
  showRemainingItemCount: boolean;
  /** 0 = everything. */
  limit: number;
  continueToken: string;
}

function parseTime(text: string): number {
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(ms)) {
    // Argo answers an unparsable time with Internal (500), not InvalidArgument.
    throw new ApiError(GRPC.internal, `parsing time "${text}" as "2006-01-02T15:04:05Z07:00": cannot parse`);
  }
  return ms;
}

function baseFilter(query: URLSearchParams, namespace: string): ListFilter {
  const limitText = query.get('listOptions.limit') ?? '';
  const limit = limitText === '' ? 0 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 0) {
    throw new ApiError(GRPC.invalidArgument, `invalid limit "${limitText}"`);
  }
  let labels: LabelRequirement[];
  try {
    labels = parseLabelSelector(query.get('listOptions.labelSelector'));
  } catch (error) {
    throw new ApiError(GRPC.invalidArgument, (error as Error).message);
  }
  const fieldSelector = query.get('listOptions.fieldSelector') ?? '';
  return {
    namespace,
    labels,
    hasSelectors: labels.length > 0 || fieldSelector !== '',
    showRemainingItemCount: false,
    limit,
    continueToken: query.get('listOptions.continue') ?? '',
  };
}

function namespaceFrom(filter: ListFilter, value: string): void {
  if (filter.namespace !== '' && filter.namespace !== value) {
    throw new ApiError(
      GRPC.invalidArgument,
      `'namespace' query param (${JSON.stringify(filter.namespace)}) and fieldselector 'metadata.namespace' (${JSON.stringify(value)}) are both specified and contradict each other`
    );
  }
  filter.namespace = value;
}

/** Argo's own parser (BuildListOptions, v3.5.7+ live list and every archive list). */
export function argoListFilter(query: URLSearchParams, namespace: string, timeParams: boolean): ListFilter {
  const filter = baseFilter(query, namespace);
  if (!/^\d*$/.test(filter.continueToken)) {
    throw new ApiError(GRPC.invalidArgument, 'listOptions.continue must be int');
  }
  for (const selector of (query.get('listOptions.fieldSelector') ?? '').split(',').filter((s) => s !== '')) {
    const [, key, value] =
      /^(metadata\.namespace=|metadata\.name=|spec\.startedAt>|spec\.startedAt<|ext\.showRemainingItemCount=)(.*)$/.exec(
        selector
      ) ?? [];
    if (key === 'metadata.namespace=') {
      namespaceFrom(filter, value);
    } else if (key === 'metadata.name=') {
      filter.name = value;
    } else if (key === 'spec.startedAt>') {
      filter.minStartedAt = parseTime(value);
    } else if (key === 'spec.startedAt<') {
      filter.maxStartedAt = parseTime(value);
    } else if (key === 'ext.showRemainingItemCount=') {
      filter.showRemainingItemCount = value === 'true';
    } else {
      throw new ApiError(GRPC.invalidArgument, `unsupported requirement ${selector}`);
    }
  }
  if (timeParams) {
    const createdAfter = query.get('createdAfter');
    const finishedBefore = query.get('finishedBefore');
    filter.createdAfter = createdAfter ? parseTime(createdAfter) : undefined;
    filter.finishedBefore = finishedBefore ? parseTime(finishedBefore) : undefined;
  }
  return filter;
}

/** Kubernetes' list options (≤ v3.5.6 live list, cron lists): field selectors only on name and namespace. */
export function kubeListFilter(query: URLSearchParams, namespace: string): ListFilter {
  const filter = baseFilter(query, namespace);
  for (const selector of (query.get('listOptions.fieldSelector') ?? '').split(',').filter((s) => s !== '')) {
    const [, field, value] = /^(metadata\.name|metadata\.namespace)==?(.*)$/.exec(selector) ?? [];
    if (field === 'metadata.name') {
      filter.name = value;
    } else if (field === 'metadata.namespace') {
      namespaceFrom(filter, value);
    } else {
      const label = selector.split(/[=!<>]/)[0];
      throw new ApiError(GRPC.invalidArgument, `field label not supported: ${label}`);
    }
  }
  return filter;
}

const time = (value: string | null | undefined) => (value ? timeMs(value) : undefined);

/** Whether an object passes the filter (namespace, name, labels, times). */
export function matchesFilter(object: Pick<Workflow, 'metadata' | 'status'>, filter: ListFilter): boolean {
  const { metadata, status } = object;
  if (
    (filter.namespace && metadata.namespace !== filter.namespace) ||
    (filter.name !== undefined && metadata.name !== filter.name)
  ) {
    return false;
  }
  if (!matchesLabels(filter.labels, metadata.labels)) {
    return false;
  }
  const started = time(status?.startedAt);
  const finished = time(status?.finishedAt);
  const created = time(metadata.creationTimestamp);
  // Bounds are inclusive (SQL >= / <=) as in persist/sqldb.
  return (
    (filter.minStartedAt === undefined || (started !== undefined && started >= filter.minStartedAt)) &&
    (filter.maxStartedAt === undefined || (started !== undefined && started <= filter.maxStartedAt)) &&
    (filter.createdAfter === undefined || (created !== undefined && created >= filter.createdAfter)) &&
    (filter.finishedBefore === undefined || (finished !== undefined && finished <= filter.finishedBefore))
  );
}
