import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';

import { LABELS, type CronWorkflow, type Workflow } from '../argo/client/argoTypes';
import { isLive, type DemoHistory } from './demoHistory';
import { BadRequest, listRequest } from './listSelectors';

/** The Argo Server version the demo answers as (offset paging, the archive merged into the live list). */
export const DEMO_ARGO_VERSION = 'v3.7.12';

type Answer = { status: number; body: unknown };

const notFound = (what: string): Answer => ({ status: 404, body: { code: 5, message: `${what} not found` } });

/** An archived run as the archive's lists give it: no nodes, the Persisted label (the client GETs it by uid). */
function archiveRow(workflow: Workflow): Workflow {
  const { nodes: _nodes, ...status } = workflow.status ?? {};
  return {
    metadata: { ...workflow.metadata, labels: { ...workflow.metadata.labels, [LABELS.archivingStatus]: 'Persisted' } },
    spec: { arguments: workflow.spec?.arguments ?? {} },
    status,
  };
}

/** The history as the Argo Server holds it at its end: live objects (running, recently finished) and the archive. */
class DemoStore {
  readonly live: Workflow[];
  readonly archived: Workflow[];
  /** The live list of v3.5.7+: live objects, then archived rows. */
  readonly merged: Workflow[];
  private readonly byUid = new Map<string, Workflow>();

  constructor(readonly history: DemoHistory) {
    const newestFirst = [...history.workflows].reverse();
    this.live = newestFirst.filter((w) => isLive(w, history.endMs));
    this.archived = newestFirst.filter((w) => !isLive(w, history.endMs));
    this.merged = [...this.live, ...this.archived.map(archiveRow)];
    for (const workflow of history.workflows) {
      this.byUid.set(workflow.metadata.uid!, workflow);
    }
  }

  archivedByUid(uid: string): Workflow | undefined {
    const workflow = this.byUid.get(uid);
    return workflow && !isLive(workflow, this.history.endMs) ? workflow : undefined;
  }

  find(namespace: string, name: string, uid: string | null): Workflow | undefined {
    const live = this.live.find((w) => w.metadata.namespace === namespace && w.metadata.name === name);
    if (live && (!uid || live.metadata.uid === uid)) {
      return live;
    }
    return this.archived.find((w) => w.metadata.namespace === namespace && w.metadata.name === name && (!uid || w.metadata.uid === uid));
  }
}

/** Lists with offset tokens, newest first; `fields` without status.nodes leaves the nodes out. */
function page(items: Workflow[], query: URLSearchParams, namespace: string, shape: (w: Workflow) => Workflow): Answer {
  const request = listRequest(query, namespace);
  const matching = items.filter(request.matches);
  const slice = request.limit ? matching.slice(request.offset, request.offset + request.limit) : matching.slice(request.offset);
  const next = request.offset + slice.length;
  const metadata: Record<string, unknown> = { resourceVersion: '1000001' };
  if (request.limit && next < matching.length) {
    metadata.continue = String(next);
  }
  if (request.remainingCount) {
    metadata.remainingItemCount = matching.length - next;
  }
  const fields = query.get('fields');
  const withNodes = !fields || fields.includes('items.status.nodes');
  const served = slice.map((w) => {
    const item = shape(w);
    if (withNodes || !item.status?.nodes) {
      return item;
    }
    const { nodes: _nodes, ...status } = item.status;
    return { ...item, status };
  });
  return { status: 200, body: { metadata, items: served.length ? served : null } };
}

function cronList(crons: CronWorkflow[], namespace: string): Answer {
  const items = crons.filter((c) => !namespace || c.metadata.namespace === namespace);
  return { status: 200, body: { metadata: { resourceVersion: '1000001' }, items: items.length ? items : null } };
}

function route(store: DemoStore, path: string, query: URLSearchParams): Answer {
  const parts = path.replace(/^\/api\/v1\//, '').split('/').map(decodeURIComponent);
  const [resource, a, b] = parts;
  const { history } = store;
  if (path === '/api/v1/version') {
    return { status: 200, body: { version: DEMO_ARGO_VERSION, gitTag: DEMO_ARGO_VERSION, gitTreeState: 'clean', platform: 'linux/amd64' } };
  }
  if (resource === 'workflows' && parts.length === 2) {
    // v3.5.7+: the live list pages through the archive too (archived runs as rows without nodes).
    return page(store.merged, query, a, (w) => w);
  }
  if (resource === 'workflows' && parts.length === 3) {
    const workflow = store.find(a, b, query.get('uid'));
    return workflow ? { status: 200, body: workflow } : notFound(`workflows.argoproj.io "${b}"`);
  }
  if (resource === 'archived-workflows' && (parts.length === 1 || (parts.length === 2 && a === ''))) {
    return page(store.archived, query, query.get('namespace') ?? '', archiveRow);
  }
  if (resource === 'archived-workflows' && parts.length === 2) {
    const workflow = store.archivedByUid(a);
    return workflow ? { status: 200, body: workflow } : notFound('archived workflow');
  }
  if (resource === 'cron-workflows' && parts.length === 2) {
    return cronList(history.cronWorkflows, a);
  }
  if (resource === 'cron-workflows' && parts.length === 3) {
    const cron = history.cronWorkflows.find((c) => c.metadata.namespace === a && c.metadata.name === b);
    return cron ? { status: 200, body: cron } : notFound(`cronworkflows.argoproj.io "${b}"`);
  }
  return { status: 404, body: { code: 5, message: 'Not Found' } };
}

function authorized(request: IncomingMessage, token: string | undefined): boolean {
  if (!token) {
    return true;
  }
  const given = Buffer.from(String(request.headers.authorization ?? '').replace(/^Bearer\s+/i, ''));
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

function answer(store: DemoStore, token: string | undefined, request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://demo');
  let result: Answer;
  if (request.method !== 'GET') {
    result = { status: 405, body: { code: 12, message: 'the demo Argo Server is read-only' } };
  } else if (!authorized(request, token)) {
    result = { status: 401, body: { code: 16, message: 'token not valid' } };
  } else {
    try {
      result = route(store, url.pathname, url.searchParams);
    } catch (error) {
      result = { status: error instanceof BadRequest ? 400 : 500, body: { code: error instanceof BadRequest ? 3 : 13, message: (error as Error).message } };
    }
  }
  response.writeHead(result.status, { 'content-type': 'application/json', 'grpc-metadata-argo-version': DEMO_ARGO_VERSION });
  response.end(JSON.stringify(result.body));
}

export interface DemoServer {
  url: string;
  server: Server;
  /** Serves this history from the next request on (a live demo that advanced). */
  update(history: DemoHistory): void;
  close(): Promise<void>;
}

/** Serves the history as a read-only Argo Server (the endpoints the plugin's Argo client uses). */
export async function serveDemo(history: DemoHistory, listen: { host: string; port: number }, token?: string): Promise<DemoServer> {
  let store = new DemoStore(history);
  const server = createServer((request, response) => answer(store, token, request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  return {
    url: `http://${host}:${port}`,
    server,
    update: (next) => {
      store = new DemoStore(next);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
