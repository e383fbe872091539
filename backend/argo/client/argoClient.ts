import { ArgoHttp } from './argoHttp';
import { ArgoRequestError, type RequestSubject } from './argoErrors';
import type { ArgoVersionInfo, CronWorkflow, ObjectList, Workflow } from './argoTypes';
import type { CallOptions } from './callBudget';
import { authorizationValue, secretsOf, type ArgoClientOptions } from './clientOptions';
import { NODE_DETAIL_GET_FIELDS } from './fields';
import { collectPages, ListPages, type ListOutcome, type ListSource } from './listPages';
import {
  archiveListParams,
  cronListParams,
  liveListParams,
  rfc3339,
  type CronWorkflowListQuery,
  type WorkflowListQuery,
} from './listQueries';
import { isArchiveRow, needsNodeFetch } from './nodeDetail';
import { serverFeatures, type ServerFeatures } from './serverVersion';
import { ServerVersionKeeper } from './serverVersionKeeper';

/** A list read to the end (or to a limit), with how complete it is. */
export interface ListResult<T> {
  items: T[];
  outcome: ListOutcome;
}

/** How node detail is fetched. */
export interface NodeDetailOptions {
  /** Also GET workflows whose nodes came compressed (when the caller cannot decompress them). */
  fetchCompressed?: boolean;
}

/**
 * One path segment. Names come from the server's JSON, where a lone surrogate is a valid escape that
 * encodeURIComponent refuses ("URI malformed"): it is sent as U+FFFD, a name no object can have (a 404).
 */
const enc = (segment: string) => encodeURIComponent(segment.replace(/\p{Surrogate}/gu, '\ufffd'));

/**
 * The Argo Server REST client of one datasource: lists (live, archived, cron) paged with either kind of
 * continue token, single GETs for node detail, version detection, retries and a concurrency limit.
 * Every method takes the query's AbortSignal and/or deadline.
 */
export class ArgoClient {
  private readonly http: ArgoHttp;
  private readonly versions: ServerVersionKeeper;

  constructor(private readonly options: ArgoClientOptions) {
    this.http = new ArgoHttp({
      ...options,
      authorization: authorizationValue(options.token),
      secrets: secretsOf(options),
    });
    this.versions = new ServerVersionKeeper((call) => this.version(call), {
      maxAgeMs: options.versionMaxAgeMs,
      now: options.now,
      logger: options.logger,
    });
  }

  /** The server version learnt so far (from /api/v1/version or a response header). */
  get serverVersion(): string | undefined {
    return this.versions.known;
  }

  /** A version just read from this server by other means (the health check of Save & test): trusted afresh. */
  noteVersion(version: string): void {
    this.versions.note(version);
  }

  /** Requests in flight and waiting, for diagnostics. */
  get load(): { inFlight: number; queued: number } {
    return { inFlight: this.http.limiter.inFlight, queued: this.http.limiter.queued };
  }

  /** GET /api/v1/version; the version is remembered for feature decisions. */
  async version(call: CallOptions = {}): Promise<ArgoVersionInfo> {
    const body = await this.get<ArgoVersionInfo>(
      'api/v1/version',
      undefined,
      { verb: 'get', resource: 'version' },
      call
    );
    if (!body || typeof body.version !== 'string') {
      throw new ArgoRequestError(
        `${this.http.errors.url}/api/v1/version did not answer like an Argo Server (no version field); check the URL`,
        'wrongUrl',
        200
      );
    }
    this.noteVersion(body.version);
    return body;
  }

  /** What the server supports, by its version: read on first use and again when old (ServerVersionKeeper). */
  async features(call: CallOptions = {}): Promise<ServerFeatures> {
    return serverFeatures(await this.versions.current(call));
  }

  /** Pages of the live list (from v3.5 it includes archived runs as slim rows). */
  listWorkflowPages(
    query: WorkflowListQuery = {},
    call: CallOptions = {},
    mapItems?: (items: Workflow[]) => Promise<Workflow[]>
  ): ListPages<Workflow> {
    return new ListPages(
      async () => {
        const features = await this.features(call);
        const pageSize = this.pageSizeFor(query);
        const namespace = query.namespace ?? '';
        const live: ListSource<Workflow> = {
          tokens: features.offsetTokens ? 'offset' : 'opaque',
          pageSize,
          startToken: query.continue,
          label: `workflows from the Argo Server ${this.versions.known}`,
          // Servers with Argo's field selectors filter by start time themselves; for older ones the client does.
          keep: features.argoFieldSelectors ? undefined : startedBetween(query),
          fetch: (token, signal) =>
            this.getList<Workflow>(
              `api/v1/workflows/${enc(namespace)}`,
              liveListParams(query, features, pageSize, token),
              { verb: 'list', resource: 'workflows', namespace },
              withSignal(call, signal)
            ),
        };
        const archive =
          query.includeArchive && !features.listMergesArchive ? [this.archiveSource(query, features, call)] : [];
        return [live, ...archive];
      },
      { maxPages: this.options.maxPages, maxItems: query.maxItems, mapItems }
    );
  }

  /** The whole live list in memory (bounded lists only; prefer listWorkflowPages). */
  listWorkflows(query: WorkflowListQuery = {}, call: CallOptions = {}): Promise<ListResult<Workflow>> {
    return collectPages(this.listWorkflowPages(query, call));
  }

  /** Pages of the live list with node detail: GETs (within the concurrency limit) where items lack nodes. */
  listWorkflowPagesWithNodes(
    query: WorkflowListQuery = {},
    call: CallOptions = {},
    detail: NodeDetailOptions = {}
  ): ListPages<Workflow> {
    return this.listWorkflowPages({ ...query, projection: query.projection ?? 'nodes' }, call, (items) =>
      this.withNodeDetail(items, call, detail)
    );
  }

  /** Pages of /api/v1/archived-workflows (slim rows, newest first). */
  listArchivedWorkflowPages(query: WorkflowListQuery = {}, call: CallOptions = {}): ListPages<Workflow> {
    return new ListPages(async () => [this.archiveSource(query, await this.features(call), call)], {
      maxPages: this.options.maxPages,
      maxItems: query.maxItems,
    });
  }

  /** The whole archive list in memory. */
  listArchivedWorkflows(query: WorkflowListQuery = {}, call: CallOptions = {}): Promise<ListResult<Workflow>> {
    return collectPages(this.listArchivedWorkflowPages(query, call));
  }

  /** GET one live workflow (from v3.5 the server falls back to the archive). */
  async getWorkflow(
    namespace: string,
    name: string,
    call: CallOptions = {},
    options: { fields?: string; uid?: string } = {}
  ): Promise<Workflow> {
    const params = new URLSearchParams();
    if (options.fields) {
      params.set('fields', options.fields);
    }
    if (options.uid && (await this.features(call)).getByUid) {
      params.set('uid', options.uid);
    }
    return this.get<Workflow>(
      `api/v1/workflows/${enc(namespace)}/${enc(name)}`,
      params,
      { verb: 'get', resource: 'workflows', namespace, name },
      call
    );
  }

  /** GET one archived workflow by uid (full object, nodes included). */
  getArchivedWorkflow(uid: string, call: CallOptions = {}): Promise<Workflow> {
    return this.get<Workflow>(
      `api/v1/archived-workflows/${enc(uid)}`,
      undefined,
      { verb: 'get', resource: 'workflows', archived: true, name: uid },
      call
    );
  }

  /**
   * The workflow with its nodes: the item itself when it has them, else a GET (archive rows by uid).
   * A workflow deleted since it was listed comes back as listed (nodeSource 'absent'), not as an error.
   */
  async workflowWithNodes(item: Workflow, call: CallOptions = {}, detail: NodeDetailOptions = {}): Promise<Workflow> {
    if (!needsNodeFetch(item, detail.fetchCompressed)) {
      return item;
    }
    const { namespace = '', name = '', uid } = item.metadata;
    if (uid && isArchiveRow(item)) {
      return this.getArchivedWorkflow(uid, call);
    }
    try {
      return await this.getWorkflow(namespace, name, call, { fields: NODE_DETAIL_GET_FIELDS, uid });
    } catch (error) {
      // Gone from the cluster meanwhile, or a v3.4 server without the archive fallback.
      if (!(error instanceof ArgoRequestError && error.kind === 'notFound')) {
        throw error;
      }
      if (!uid) {
        return item;
      }
      return this.getArchivedWorkflow(uid, call).catch((archiveError: unknown) => {
        if (archiveError instanceof ArgoRequestError && archiveError.kind === 'notFound') {
          return item;
        }
        throw archiveError;
      });
    }
  }

  /** Node detail for a page of items; GETs run in parallel within the client's concurrency limit. */
  withNodeDetail(items: Workflow[], call: CallOptions = {}, detail: NodeDetailOptions = {}): Promise<Workflow[]> {
    return Promise.all(items.map((item) => this.workflowWithNodes(item, call, detail)));
  }

  /** Pages of /api/v1/cron-workflows/{namespace} (a Kubernetes list: opaque tokens). */
  listCronWorkflowPages(query: CronWorkflowListQuery = {}, call: CallOptions = {}): ListPages<CronWorkflow> {
    const namespace = query.namespace ?? '';
    const pageSize = query.pageSize ?? this.options.pageSize ?? 500;
    return new ListPages<CronWorkflow>(
      [
        {
          tokens: 'opaque',
          pageSize,
          startToken: query.continue,
          label: 'cron workflows',
          fetch: (token, signal) =>
            this.getList<CronWorkflow>(
              `api/v1/cron-workflows/${enc(namespace)}`,
              cronListParams(query, pageSize, token),
              { verb: 'list', resource: 'cronworkflows', namespace },
              withSignal(call, signal)
            ),
        },
      ],
      { maxPages: this.options.maxPages, maxItems: query.maxItems }
    );
  }

  /** All cron workflows in memory. */
  listCronWorkflows(query: CronWorkflowListQuery = {}, call: CallOptions = {}): Promise<ListResult<CronWorkflow>> {
    return collectPages(this.listCronWorkflowPages(query, call));
  }

  /** GET one cron workflow. */
  getCronWorkflow(namespace: string, name: string, call: CallOptions = {}): Promise<CronWorkflow> {
    return this.get<CronWorkflow>(
      `api/v1/cron-workflows/${enc(namespace)}/${enc(name)}`,
      undefined,
      { verb: 'get', resource: 'cronworkflows', namespace, name },
      call
    );
  }

  /** Closes idle connections. */
  close(): void {
    this.http.close();
  }

  private pageSizeFor(query: WorkflowListQuery): number {
    return (
      query.pageSize ??
      (query.projection === 'nodes' ? (this.options.nodePageSize ?? 50) : (this.options.pageSize ?? 500))
    );
  }

  private archiveSource(query: WorkflowListQuery, features: ServerFeatures, call: CallOptions): ListSource<Workflow> {
    const pageSize = this.pageSizeFor({ ...query, projection: 'summary' });
    const namespace = query.namespace ?? '';
    return {
      tokens: 'offset',
      pageSize,
      startToken: query.includeArchive ? undefined : query.continue,
      label: `archived workflows from the Argo Server ${this.versions.known}`,
      fetch: (token, signal) =>
        this.getList<Workflow>(
          'api/v1/archived-workflows',
          archiveListParams(query, features, pageSize, token),
          { verb: 'list', resource: 'workflows', archived: true, namespace },
          withSignal(call, signal)
        ),
    };
  }

  private async get<T>(
    path: string,
    params: URLSearchParams | undefined,
    subject: RequestSubject,
    call: CallOptions
  ): Promise<T> {
    const { body, headers } = await this.http.getJson<T>(path, params, subject, call);
    // v3.6+ name their version in every answer: an upgrade is seen at the next request.
    const header = headers['grpc-metadata-argo-version'];
    if (typeof header === 'string' && header) {
      this.noteVersion(header);
    }
    return body;
  }

  private async getList<T>(
    path: string,
    params: URLSearchParams,
    subject: RequestSubject,
    call: CallOptions
  ): Promise<ObjectList<T>> {
    const body = await this.get<ObjectList<T>>(path, params, subject, call);
    if (
      !body ||
      typeof body !== 'object' ||
      Array.isArray(body) ||
      !(body.items === undefined || body.items === null || Array.isArray(body.items))
    ) {
      throw new ArgoRequestError(
        `${this.http.errors.url}/${path} answered JSON that is not a list of ${subject.resource}; check the URL`,
        'wrongUrl',
        200
      );
    }
    return body;
  }
}

/** The call's options with the list's own signal too (it cancels a page asked for ahead of the reader). */
function withSignal(call: CallOptions, signal: AbortSignal | undefined): CallOptions {
  if (!signal) {
    return call;
  }
  return { ...call, signal: call.signal ? AbortSignal.any([call.signal, signal]) : signal };
}

/** A client-side start-time filter for servers that cannot filter the live list themselves. */
function startedBetween(query: WorkflowListQuery): ((item: Workflow) => boolean) | undefined {
  if (!query.startedAfter && !query.startedBefore) {
    return undefined;
  }
  const after = query.startedAfter ? Date.parse(rfc3339(query.startedAfter)) : -Infinity;
  const before = query.startedBefore ? Date.parse(rfc3339(query.startedBefore)) : Infinity;
  return (item) => {
    const started = item.status?.startedAt ? Date.parse(item.status.startedAt) : NaN;
    return started >= after && started <= before;
  };
}
