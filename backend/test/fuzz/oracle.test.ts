import { knownDefectOf, signatureOf } from './knownDefects';
import { SECRETS, URL_PASSWORD } from './knownSecrets';
import {
  checkDataResponse,
  checkHugeSettings,
  checkLogLine,
  checkRefIds,
  checkResourceAnswer,
  MAX_MESSAGE_CHARS,
} from './oracle';
import { applyMutations, hugeKnownFields } from './queryMutations';
import { HUGE_LIST, HUGE_NAME } from './oddValues';

/** The oracle itself: it must flag each kind of answer the review found, and pass good answers. */
const healthy = { healthyUpstreams: true, hugeAtKnownField: [] };
const rules = (violations: Array<{ rule: string }>) => violations.map((v) => v.rule).sort();
const json = (body: unknown) => Buffer.from(JSON.stringify(body));

describe('fuzz oracle', () => {
  it('passes a field-naming 400 and a downstream 502 from a failing upstream', () => {
    expect(
      checkDataResponse({ error: 'limit: must be at most 500', status: 400, errorSource: 'plugin' }, healthy, 'A')
    ).toEqual([]);
    expect(
      checkDataResponse(
        { error: 'filters.adhoc[0].value: is not a valid regular expression', status: 400, errorSource: 'plugin' },
        healthy,
        'A'
      )
    ).toEqual([]);
    expect(
      checkDataResponse(
        { error: 'connection refused', status: 502, errorSource: 'downstream' },
        { ...healthy, healthyUpstreams: false },
        'A'
      )
    ).toEqual([]);
  });

  it('flags 500s, 5xx from working upstreams, 4xx that name no field, and echoed huge values', () => {
    expect(
      rules(
        checkDataResponse({ error: 'internal error: URI malformed', status: 500, errorSource: 'plugin' }, healthy, 'A')
      )
    ).toEqual(['5xx-plugin']);
    expect(
      rules(checkDataResponse({ error: 'Elasticsearch failed', status: 503, errorSource: 'downstream' }, healthy, 'A'))
    ).toEqual(['5xx-healthy-upstream']);
    expect(
      rules(
        checkDataResponse(
          {
            error: 'Elasticsearch answered status 400: failed to create query: [regexp]',
            status: 400,
            errorSource: 'downstream',
          },
          healthy,
          'A'
        )
      )
    ).toEqual(['4xx-no-field']);
    expect(
      rules(
        checkDataResponse(
          { error: `metric: ${'m'.repeat(MAX_MESSAGE_CHARS)} is not valid`, status: 400, errorSource: 'plugin' },
          healthy,
          'A'
        )
      )
    ).toEqual(['message-too-long']);
    expect(
      rules(checkDataResponse({ frames: [], status: 200 }, { ...healthy, hugeAtKnownField: ['metric'] }, 'A'))
    ).toEqual(['huge-input-accepted']);
  });

  it('finds secrets raw, in Basic headers and in URLs, in answers and log lines', () => {
    const basic = Buffer.from(`elastic:${SECRETS.elasticsearchPassword}`).toString('base64');
    expect(
      rules(
        checkDataResponse(
          { error: `status 401: authorization: Basic ${basic}`, status: 401, errorSource: 'downstream' },
          healthy,
          'A'
        )
      )
    ).toEqual(['secret-leak']);
    const leak = checkResourceAnswer(
      [{ code: 502, headers: {}, body: json({ error: `could not reach http://u:${URL_PASSWORD}@host` }) }],
      { healthyUpstreams: false }
    );
    expect(knownDefectOf(leak[0])?.id).toBe('url-password');
    const log = JSON.stringify({
      '@level': 'error',
      '@message': 'uncaught exception',
      '@timestamp': 'now',
      error: `token ${SECRETS.argoToken}`,
    });
    expect(rules(checkLogLine(log))).toEqual(['log-uncaught-error', 'secret-leak']);
    expect(rules(checkLogLine('TypeError: at node:internal'))).toEqual(['log-not-hclog']);
  });

  it('wants every refId answered exactly once, __proto__ and the empty one included', () => {
    expect(checkRefIds(['A', '__proto__', ''], ['A', ''])).toEqual([
      { rule: 'refid-unanswered', detail: '"__proto__"', refId: '__proto__' },
    ]);
    expect(rules(checkRefIds([''], ['A']))).toEqual(['refid-not-asked', 'refid-unanswered']);
    expect(checkRefIds(['A', 'A'], ['A'])).toEqual([]);
  });

  it('knows a huge value placed in a field of the valid query, but not in an unknown one', () => {
    const base = { queryType: 'metrics', metric: 'images_processed', filters: { namespaces: ['ml'] } };
    expect(applyMutations(base, [{ op: 'set', at: 1, value: HUGE_NAME }]).hugeAtKnownField).toEqual(['metric']);
    expect(applyMutations(base, [{ op: 'set', at: 3, value: HUGE_LIST }]).hugeAtKnownField).toEqual([
      'filters.namespaces',
    ]);
    expect(applyMutations(base, [{ op: 'extra', at: 0, name: 'unknown', value: HUGE_NAME }]).hugeAtKnownField).toEqual(
      []
    );
  });

  it('wants settings with a huge field refused by every answer', () => {
    expect(checkHugeSettings(['elasticsearch.index'], [{ status: 400, refId: 'A' }])).toEqual([]);
    expect(
      rules(
        checkHugeSettings(
          ['elasticsearch.index'],
          [
            { status: 502, refId: 'A' },
            { status: 200, refId: 'B' },
          ]
        )
      )
    ).toEqual(['huge-setting-accepted', 'huge-setting-accepted']);
    expect(checkHugeSettings(undefined, [{ status: 502 }])).toEqual([]);
  });

  it('groups findings by what failed, not by the values involved', () => {
    const a = signatureOf('QueryData', {
      rule: '4xx-no-field',
      detail: '400: Elasticsearch answered status 400: failed to parse [12ms] (at "x")',
    });
    const b = signatureOf('QueryData', {
      rule: '4xx-no-field',
      detail: '400: Elasticsearch answered status 400: failed to parse [99ms] (at "y")',
    });
    expect(a).toBe(b);
    expect(signatureOf('QueryData', { rule: 'refid-unanswered', detail: '"__proto__"' })).not.toBe(
      signatureOf('QueryData', { rule: 'refid-unanswered', detail: '""' })
    );
  });
});

describe('huge values at fields of another query type', () => {
  it('are not counted as known once a mutation changed the queryType (the model ignores unknown keys)', () => {
    const base = { queryType: 'resources', groupBy: ['cron'] };
    expect(hugeKnownFields(base, { queryType: 'live', groupBy: ['cron', HUGE_LIST] })).toEqual([]);
    expect(hugeKnownFields(base, { queryType: 'resources', groupBy: ['cron', HUGE_LIST] })).toEqual(['groupBy']);
  });
});
