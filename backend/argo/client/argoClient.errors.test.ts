import type { ServerResponse } from 'node:http';

import { closedPort } from '../../test/pluginContext';
import { startArgoServer, type ArgoServerHandle } from '../../test/argoServer/startArgoServer';
import { startServer, type TestServer } from '../../test/tlsServer';
import { ArgoClient } from './argoClient';
import { ArgoRequestError } from './argoErrors';
import type { ArgoClientOptions } from './clientOptions';

const TOKEN = 'sa-token-ErrorPath-7c1e9b55a0';
const WRONG = 'wrong-token-5d4c3b2a1f0e';
let argo: ArgoServerHandle;
let ingress: ArgoServerHandle;
let odd: TestServer;
let oddBody = '';
beforeAll(async () => {
  const auth = { mode: 'client' as const, tokens: { [TOKEN]: { name: 'reader', namespaces: ['ml'] } } };
  argo = await startArgoServer({ history: { workflows: 30 }, auth });
  ingress = await startArgoServer({ history: { workflows: 30 }, auth, basePath: '/argo' });
  odd = await startServer((_req, res: ServerResponse) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(oddBody);
  });
});
afterAll(async () => {
  await argo.close();
  await ingress.close();
  await odd.close();
});
beforeEach(() => {
  argo.setFaults();
});

async function failure(
  options: Partial<ArgoClientOptions> & { url?: string },
  run: (client: ArgoClient) => Promise<unknown>
): Promise<ArgoRequestError> {
  const client = new ArgoClient({ url: argo.url, token: TOKEN, retry: { baseDelayMs: 5, maxDelayMs: 10 }, ...options });
  try {
    await run(client);
  } catch (error) {
    expect(error).toBeInstanceOf(ArgoRequestError);
    return error as ArgoRequestError;
  } finally {
    client.close();
  }
  throw new Error('expected a failure');
}

/** Every failing path, with the sentence it must produce; each runs with a token that must never show. */
const cases: Array<{
  name: string;
  message: string | RegExp;
  kind: string;
  options?: () => Partial<ArgoClientOptions>;
  setup?: () => void;
  run: (c: ArgoClient) => Promise<unknown>;
}> = [
  {
    name: '401 for a token Kubernetes does not know',
    options: () => ({ token: `Bearer ${WRONG}` }),
    run: (c) => c.listWorkflows({ namespace: 'ml' }),
    kind: 'unauthorized',
    message:
      'the Argo Server rejected the credentials (401 Unauthorized) when asked to list workflows in namespace "ml"; check the token in the datasource settings (a Kubernetes ServiceAccount token, with or without "Bearer "); it may have expired or been revoked; the server said: Unauthorized',
  },
  {
    name: '401 without a token in client auth mode',
    options: () => ({ token: undefined }),
    run: (c) => c.version(),
    kind: 'unauthorized',
    message:
      'the Argo Server rejected the credentials (401 Unauthorized) when asked to read the server version; no token is set, and the server does not run with --auth-mode=server; enter a ServiceAccount token in the datasource settings; the server said: token not valid. see https://argo-workflows.readthedocs.io/en/latest/faq/',
  },
  {
    name: '403 in a namespace',
    run: (c) => c.listWorkflows({ namespace: 'data' }),
    kind: 'forbidden',
    message:
      'the Argo Server denied access (403 Forbidden) to list workflows in namespace "data"; the token\'s ServiceAccount needs the verbs get and list on workflows.argoproj.io in namespace "data" (a Role and RoleBinding there); the server said: Permission denied, you are not allowed to list workflows in namespace "data". Maybe you want to specify a namespace with query parameter `.namespace=data`?',
  },
  {
    name: '403 across all namespaces',
    run: (c) => c.listWorkflows(),
    kind: 'forbidden',
    message:
      /^the Argo Server denied access \(403 Forbidden\) to list workflows in all namespaces; the token's ServiceAccount needs the verb list on workflows\.argoproj\.io cluster-wide \(a ClusterRole and ClusterRoleBinding\), or pick namespaces in the query; /,
  },
  {
    name: '403 on cron workflows',
    run: (c) => c.getCronWorkflow('argo', 'hourly-sync'),
    kind: 'forbidden',
    message:
      'the Argo Server denied access (403 Forbidden) to get cron workflow "argo/hourly-sync"; the token\'s ServiceAccount needs the verbs get on cronworkflows.argoproj.io in namespace "argo" (a Role and RoleBinding there); the server said: cronworkflows.argoproj.io "hourly-sync" is forbidden: User "system:serviceaccount:argo:reader" cannot get resource "cronworkflows" in API group "argoproj.io" in the namespace "argo"',
  },
  {
    name: '404 for a workflow that does not exist',
    run: (c) => c.getWorkflow('ml', 'no-such-run'),
    kind: 'notFound',
    message: 'the Argo Server has no workflow "ml/no-such-run" (404 Not Found)',
  },
  {
    name: '404 from an ingress when the sub-path is missing',
    options: () => ({ url: ingress.url.replace(/\/argo$/, '') }),
    run: (c) => c.version(),
    kind: 'wrongUrl',
    message:
      /^the Argo Server URL answered 404 Not Found for http:\/\/127\.0\.0\.1:\d+\/api\/v1\/version; check the URL and its sub-path \(for example https:\/\/host\/argo\/ when Argo runs behind an ingress with --base-href\)$/,
  },
  {
    name: 'the Argo UI (HTML) instead of the API',
    options: () => ({ url: `${ingress.url}/workflows/` }),
    run: (c) => c.version(),
    kind: 'html',
    message:
      /^the Argo Server URL answered with an HTML page instead of JSON \(status 200\) for http:\/\/127\.0\.0\.1:\d+\/argo\/workflows\/api\/v1\/version; the URL probably points at the Argo UI, a login page or another service: check the URL and its sub-path$/,
  },
  {
    name: 'a login page (HTML) from a proxy',
    setup: () => argo.setFaults({ kind: 'html' }),
    run: (c) => c.version(),
    kind: 'html',
    message:
      /^the Argo Server URL answered with an HTML page instead of JSON \(status 200\) for http:\/\/127\.0\.0\.1:\d+\/api\/v1\/version;/,
  },
  {
    name: 'truncated JSON',
    setup: () => argo.setFaults({ kind: 'truncatedJson' }),
    run: (c) => c.getWorkflow('ml', argo.store.live.find((w) => w.metadata.namespace === 'ml')?.metadata.name ?? 'x'),
    kind: 'invalidJson',
    message:
      /^the Argo Server answered with invalid JSON at byte (\d+) of \1 \(it ends early: the answer was cut off\) for http:\/\/127\.0\.0\.1:\d+\/api\/v1\/workflows\/ml\/.+; a proxy between Grafana and Argo may have cut or changed the answer$/,
  },
  {
    name: 'malformed JSON',
    setup: () => (oddBody = '{"version": "v3.7.1",, "x": 1}'),
    options: () => ({ url: odd.url }),
    run: (c) => c.version(),
    kind: 'invalidJson',
    message:
      /^the Argo Server answered with invalid JSON at byte 21 of 30 for http:\/\/127\.0\.0\.1:\d+\/api\/v1\/version;/,
  },
  {
    name: 'JSON that is not an Argo answer',
    setup: () => (oddBody = '{"status": "ok"}'),
    options: () => ({ url: odd.url }),
    run: (c) => c.version(),
    kind: 'wrongUrl',
    message:
      /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/version did not answer like an Argo Server \(no version field\); check the URL$/,
  },
  {
    name: '400 for a malformed label selector',
    run: (c) => c.listWorkflows({ namespace: 'ml', labelSelector: 'team in (a' }),
    kind: 'badRequest',
    message:
      /^the Argo Server refused the request to list workflows in namespace "ml" \(400 Bad Request\); the server said: unable to parse requirement/,
  },
  {
    name: '500 whose message echoes the token',
    setup: () =>
      argo.setFaults({ kind: 'status', status: 500, message: `invalid header "Authorization: Bearer ${TOKEN}"` }),
    run: (c) => c.version(),
    kind: 'serverError',
    message:
      'the Argo Server failed with status 500 when asked to read the server version; the server said: invalid header "Authorization: ***"',
  },
  {
    name: '503 every time',
    setup: () => argo.setFaults({ kind: 'status', status: 503, message: `no backend for ${TOKEN}` }),
    run: (c) => c.version(),
    kind: 'serverError',
    message:
      'the Argo Server failed with status 503 when asked to read the server version; the server said: no backend for *** (after 5 attempts)',
  },
  {
    name: 'connection reset every time',
    setup: () => argo.setFaults({ kind: 'reset' }),
    run: (c) => c.version(),
    kind: 'network',
    message:
      /^the Argo Server at http:\/\/127\.0\.0\.1:\d+ closed the connection unexpectedly; if it serves https, use an https:\/\/ URL \(after 5 attempts\)$/,
  },
  {
    name: 'no answer within the timeout',
    setup: () => argo.setFaults({ kind: 'delay', ms: 1500 }),
    options: () => ({ timeoutSeconds: 1 }),
    run: (c) => c.version(),
    kind: 'timeout',
    message:
      /^the Argo Server at http:\/\/127\.0\.0\.1:\d+ did not answer within 1 s \(timeout\); raise the timeout in the datasource settings or check the server's load$/,
  },
  {
    name: 'the query deadline',
    setup: () => argo.setFaults({ kind: 'delay', ms: 1500 }),
    run: (c) => c.version({ deadline: Date.now() + 300 }),
    kind: 'timeout',
    message: /^the Argo Server did not read the server version before the query's deadline \(0\.\d s, timeout\)$/,
  },
];

describe('error sentences', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    c.setup?.();
    const error = await failure(c.options?.() ?? {}, c.run);
    if (typeof c.message === 'string') {
      expect(error.message).toBe(c.message);
    } else {
      expect(error.message).toMatch(c.message);
    }
    expect(error.kind).toBe(c.kind);
    // The token, in any form, never appears.
    for (const secret of [TOKEN, WRONG, `Bearer ${TOKEN}`]) {
      expect(error.message).not.toContain(secret);
      expect(String(error.stack)).not.toContain(secret);
    }
  });

  it('says when nothing listens at the URL', async () => {
    const error = await failure({ url: `http://127.0.0.1:${await closedPort()}/` }, (c) => c.version());
    expect(error.message).toMatch(
      /^connection refused by http:\/\/127\.0\.0\.1:\d+: the Argo Server is not listening there; check that it runs and that the URL and port are right$/
    );
    expect(error.kind).toBe('network');
  });

  it('never puts URL credentials in messages', async () => {
    const url = argo.url.replace('http://', `http://user:${TOKEN}@`);
    argo.setFaults({ kind: 'status', status: 404 });
    const error = await failure({ url }, (c) => c.version());
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).toMatch(/for http:\/\/127\.0\.0\.1:\d+\/api\/v1\/version/);
  });
});
