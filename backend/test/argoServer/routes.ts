import { ApiError, GRPC } from './apiErrors';
import { getArchivedWorkflow, listArchivedWorkflows } from './archiveRoutes';
import { getCronWorkflow, listCronWorkflows } from './cronRoutes';
import type { RouteAnswer, RouteContext } from './routeContext';
import { getWorkflow, listWorkflows } from './workflowRoutes';

/** The endpoints the test server answers, matched on the path below /api/v1/. */
const ROUTES: Array<[RegExp, (ctx: RouteContext, ...segments: string[]) => RouteAnswer]> = [
  [/^version$/, versionAnswer],
  [/^workflows\/([^/]*)$/, listWorkflows],
  [/^workflows\/([^/]+)\/([^/]+)$/, getWorkflow],
  [/^archived-workflows\/?$/, listArchivedWorkflows],
  [/^archived-workflows\/([^/]+)$/, getArchivedWorkflow],
  [/^cron-workflows\/([^/]*)$/, listCronWorkflows],
  [/^cron-workflows\/([^/]+)\/([^/]+)$/, getCronWorkflow],
];

function versionAnswer(ctx: RouteContext): RouteAnswer {
  const version = ctx.quirks.version;
  return {
    status: 200,
    body: {
      version,
      buildDate: '2026-01-06T10:00:00Z',
      gitCommit: 'f016ad89eb269d282aec06dc491c29f396a38df4',
      gitTag: version,
      gitTreeState: 'clean',
      goVersion: 'go1.24.4',
      compiler: 'gc',
      platform: 'linux/amd64',
    },
  };
}

/** Answers an /api/v1/ request, or returns undefined when no route matches (grpc-gateway's plain 404). */
export function answerApi(ctx: RouteContext): RouteAnswer | undefined {
  const rest = ctx.path.replace(/^\/api\/v1\//, '');
  for (const [pattern, handler] of ROUTES) {
    const match = pattern.exec(rest);
    if (match) {
      return handler(ctx, ...match.slice(1).map((s) => decodeURIComponent(s ?? '')));
    }
  }
  return undefined;
}

/** An error answer in grpc-gateway's shape. */
export function errorAnswer(error: unknown): RouteAnswer {
  const apiError =
    error instanceof ApiError ? error : new ApiError(GRPC.internal, String((error as Error)?.message ?? error));
  return { status: apiError.status, body: apiError.body() };
}
