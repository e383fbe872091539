import type { ErrorSetting } from './argoErrors';
import { bodyError, invalidJsonByte } from './bodyErrors';
import { serverMessage, statusError } from './statusErrors';

const setting: ErrorSetting = {
  url: 'https://argo.example/argo',
  timeoutSeconds: 30,
  secrets: ['tok-123456'],
  hasToken: true,
};

describe('error details', () => {
  it('finds the byte where JSON breaks, counting UTF-8 bytes', () => {
    expect(invalidJsonByte('{"a":1,,}')).toBe(7);
    expect(invalidJsonByte('{"name":"é",,}')).toBe(13);
    expect(invalidJsonByte('{"items":[{"a"')).toBe(14);
    expect(invalidJsonByte('{}')).toBe(-1);
  });

  it("reads the server's message, else its error field", () => {
    expect(serverMessage({ code: 5, message: 'not found', error: 'x' })).toBe('not found');
    expect(serverMessage({ error: 'only error' })).toBe('only error');
    expect(serverMessage('text')).toBeUndefined();
    expect(serverMessage({ message: 'x'.repeat(400) })).toHaveLength(301);
  });

  it('words redirects, empty bodies and odd statuses', () => {
    expect(
      statusError(302, undefined, 'api/v1/version', { verb: 'get', resource: 'version' }, setting, 1).message
    ).toBe(
      'the Argo Server URL answered with a redirect (status 302) for https://argo.example/argo/api/v1/version; it probably points at a login proxy, or http:// where https:// is needed: check the URL'
    );
    expect(bodyError('', 'application/json', 200, 'api/v1/version', setting, 1).message).toBe(
      'the Argo Server answered status 200 with an empty body for https://argo.example/argo/api/v1/version; expected JSON'
    );
    expect(
      statusError(
        409,
        { message: 'conflict for tok-123456' },
        'api/v1/workflows/ml',
        { verb: 'list', resource: 'workflows', namespace: 'ml' },
        setting,
        2
      ).message
    ).toBe(
      'the Argo Server answered status 409 when asked to list workflows in namespace "ml"; the server said: conflict for *** (after 2 attempts)'
    );
  });

  it('names archived workflows by uid and server-mode RBAC by its own account', () => {
    const serverMode = { ...setting, hasToken: false };
    expect(
      statusError(
        403,
        undefined,
        'p',
        { verb: 'get', resource: 'workflows', archived: true, name: 'abc-uid' },
        serverMode,
        1
      ).message
    ).toBe(
      `the Argo Server denied access (403 Forbidden) to get archived workflow abc-uid; the Argo Server's own ServiceAccount (no token is set, so the server's auth mode decides) needs the verbs get on workflows.argoproj.io in the workflow's namespace (a Role and RoleBinding there)`
    );
  });
});
