import * as http from 'node:http';

import { listenOnLoopback, selfSignedCertificate } from '../tlsServer';
import { ApiError, grpcCodeFor } from './apiErrors';
import { ArgoStore } from './argoStore';
import { authenticate, type ArgoAuth, type Identity } from './auth';
import { FaultList, type ActiveFault, type FaultRule } from './faults';
import { identityName, redactedHeaders, type RecordedRequest } from './recordedRequests';
import { answerApi, errorAnswer } from './routes';
import { writtenFor } from './cronWorkflows';
import { quirksFor, type ArgoQuirks } from './versionQuirks';
import { generateArgoHistory, type ArgoHistory, type HistoryOptions } from './workflowHistory';

/**
 * An Argo Server test double over node:http(s): the endpoints a reading client uses, shaped per
 * swagger.json and per version quirk, with injectable faults and a record of every request.
 */
export interface ArgoServerOptions {
  /** Server version; its quirks are the defaults (default v4.1.2). */
  version?: string;
  quirks?: Partial<ArgoQuirks>;
  /** A generated history, or options to generate one. */
  history?: ArgoHistory | HistoryOptions;
  /** Serve the real objects from backend/test/fixtures/argo/ too. */
  corpus?: boolean;
  auth?: ArgoAuth;
  /** Serve https with a fresh self-signed certificate for 127.0.0.1, or with the given one. */
  tls?: boolean | { key: string; cert: string };
  /** A path prefix, as behind an ingress (e.g. /argo); requests outside it get the ingress's 404 page. */
  basePath?: string;
  faults?: FaultRule[];
  /**
   * Turn every archived row into JSON text at start, as Argo's archive database holds it, so that
   * serving rows costs the double little CPU while a benchmark measures a client on the same cores.
   */
  prepareArchiveJson?: boolean;
}

/** A running test double. */
export interface ArgoServerHandle {
  /** Base URL, base path included, without a trailing slash. */
  url: string;
  /** The certificate (PEM) when serving https; a client trusts it as its CA. */
  ca?: string;
  store: ArgoStore;
  quirks: ArgoQuirks;
  /** Every request received, in arrival order. */
  requests: RecordedRequest[];
  /** Most requests handled at the same time so far. */
  readonly maxInFlight: number;
  /** Replaces the fault rules. */
  setFaults(...rules: FaultRule[]): void;
  /**
   * Upgrades (or downgrades) the server in place: from now on it answers as `version` does (the quirks
   * given at start still override). Stored objects stay as they are, as etcd keeps them across an upgrade.
   */
  setVersion(version: string): void;
  /** Clears the request record and the in-flight peak. */
  resetRequests(): void;
  close(): Promise<void>;
}

const UI_PAGE =
  '<!doctype html><html lang="en"><head><title>Argo</title><base href="/"></head><body><div id="app"></div><script src="main.js"></script></body></html>';
const INGRESS_404 =
  '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const LOGIN_PAGE =
  '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form method="post" action="/oauth2/start"><button>Sign in with SSO</button></form></body></html>';

function historyOf(option: ArgoServerOptions['history']): ArgoHistory | undefined {
  if (!option) {
    return undefined;
  }
  return 'cronWorkflows' in option ? option : generateArgoHistory(option);
}

/** Starts the double on 127.0.0.1 (a free port). */
export async function startArgoServer(options: ArgoServerOptions = {}): Promise<ArgoServerHandle> {
  const quirks: ArgoQuirks = { ...quirksFor(options.version ?? 'v4.1.2'), ...options.quirks };
  const store = new ArgoStore();
  const history = historyOf(options.history);
  if (history) {
    store.addHistory({ ...history, cronWorkflows: history.cronWorkflows.map((c) => writtenFor(c, quirks.cronFields)) });
  }
  if (options.corpus) {
    store.addCorpus();
  }
  if (options.prepareArchiveJson) {
    store.archive.forEach((row) => store.archivedJson(row));
  }
  const auth: ArgoAuth = options.auth ?? { mode: 'server' };
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const faults = new FaultList();
  faults.set(options.faults ?? []);
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://double');
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      apiPath: url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) || '/' : url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: redactedHeaders(req.headers),
      startedMs: Date.now(),
    };
    requests.push(record);
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    let counted = true;
    const done = () => {
      if (counted) {
        counted = false;
        inFlight--;
        record.endedMs = Date.now();
      }
    };
    res.on('finish', done);
    res.on('close', done);
    const { delayMs, fault } = faults.pick(url.pathname);
    const respond = () => {
      if (res.destroyed || req.socket.destroyed) {
        return;
      }
      if (fault && fault.kind !== 'truncatedJson' && fault.kind !== 'resetMidBody') {
        return answerFault(req, res, record, fault);
      }
      const answer = answer200(url, req, record);
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      record.status = answer.status;
      res.writeHead(answer.status, answer.headers);
      if (fault) {
        res.write(text.slice(0, Math.floor(text.length / 2)));
        return fault.kind === 'truncatedJson' ? res.end() : res.destroy();
      }
      res.end(text);
    };
    if (delayMs > 0) {
      setTimeout(respond, delayMs);
    } else {
      respond();
    }
  };

  function answer200(
    url: URL,
    req: http.IncomingMessage,
    record: RecordedRequest
  ): { status: number; body: unknown; headers: http.OutgoingHttpHeaders } {
    const html = { 'Content-Type': 'text/html; charset=utf-8' };
    if (basePath && !(url.pathname === basePath || url.pathname.startsWith(`${basePath}/`))) {
      return { status: 404, body: INGRESS_404, headers: html };
    }
    if (!record.apiPath.startsWith('/api/')) {
      return { status: 200, body: UI_PAGE, headers: html };
    }
    const json = { 'Content-Type': 'application/json' };
    let identity: Identity;
    try {
      identity = authenticate(req.headers, auth);
    } catch (error) {
      return { ...errorAnswer(error), headers: json };
    }
    record.identity = identityName(identity);
    const headers: http.OutgoingHttpHeaders = {
      ...json,
      ...(quirks.versionHeader ? { 'Grpc-Metadata-Argo-Version': quirks.version } : {}),
    };
    try {
      const answer = answerApi({ path: record.apiPath, query: url.searchParams, identity, quirks, store });
      return answer
        ? { ...answer, headers }
        : { status: 404, body: 'Not Found\n', headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
    } catch (error) {
      const answer = errorAnswer(error);
      // Kubernetes' own 401 happens before a handler answers: no version header then.
      return { ...answer, headers: answer.status === 401 ? json : headers };
    }
  }

  function answerFault(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    record: RecordedRequest,
    fault: ActiveFault
  ): void {
    if (fault.kind === 'reset') {
      record.status = 0;
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'html') {
      record.status = fault.status ?? 200;
      res.writeHead(record.status, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(LOGIN_PAGE);
      return;
    }
    if (fault.kind === 'status') {
      record.status = fault.status;
      const error = new ApiError(
        grpcCodeFor(fault.status),
        fault.message ?? http.STATUS_CODES[fault.status] ?? 'error'
      );
      res.writeHead(fault.status, {
        'Content-Type': 'application/json',
        ...(fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {}),
      });
      res.end(JSON.stringify(error.body()));
    }
  }

  const tls = options.tls === true ? selfSignedCertificate() : options.tls || undefined;
  const { server, url } = await listenOnLoopback(listener, tls);
  return {
    url: `${url}${basePath}`,
    ca: tls?.cert,
    store,
    quirks,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    setFaults: (...rules) => faults.set(rules),
    setVersion: (version) => Object.assign(quirks, quirksFor(version), options.quirks),
    resetRequests: () => {
      requests.length = 0;
      maxInFlight = inFlight;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
