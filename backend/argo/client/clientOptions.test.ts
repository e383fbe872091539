import { argoClientOptions, authorizationValue, secretsOf } from './clientOptions';

describe('client options', () => {
  it('sends the token with or without its "Bearer " prefix, and nothing without a token', () => {
    expect(authorizationValue('abc.def')).toBe('Bearer abc.def');
    expect(authorizationValue('  Bearer abc.def ')).toBe('Bearer abc.def');
    expect(authorizationValue('bearer abc.def')).toBe('Bearer abc.def');
    expect(authorizationValue('Bearer v2:sso-token')).toBe('Bearer v2:sso-token');
    expect(authorizationValue('Basic dXNlcjpwYXNz')).toBe('Basic dXNlcjpwYXNz');
    expect(authorizationValue('')).toBeUndefined();
    expect(authorizationValue(undefined)).toBeUndefined();
  });

  it('masks the token in every form it may appear, longest first', () => {
    expect(secretsOf({ url: 'x', token: 'Bearer abc.def' })).toEqual(['Bearer abc.def', 'abc.def']);
    expect(secretsOf({ url: 'x' })).toEqual([]);
  });

  it('takes the datasource settings and secrets', () => {
    const argo = { url: 'https://argo:2746', tlsSkipVerify: false, timeoutSeconds: 12, maxConcurrentRequests: 6 };
    expect(argoClientOptions(argo, { argoToken: 't', argoCaCert: 'pem' })).toEqual({
      url: 'https://argo:2746',
      token: 't',
      caCert: 'pem',
      tlsSkipVerify: false,
      timeoutSeconds: 12,
      concurrency: 6,
    });
    expect(argoClientOptions(argo, {}, { concurrency: 2 }).concurrency).toBe(2);
  });
});
