import { describeError } from './describeError';

const ctx = { service: 'Elasticsearch', url: 'http://es:9200', timeoutSeconds: 30 };

describe('describeError', () => {
  it('says that an answer was cut short when the server closes the connection mid-answer', () => {
    // undici (the Elasticsearch client's transport) says "other side closed".
    for (const error of [
      Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
      Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }),
    ]) {
      const text = describeError(error, ctx);
      expect(text).toMatch(/^Elasticsearch at http:\/\/es:9200 closed the connection before its answer was complete/);
      expect(text).not.toContain(error.message);
    }
  });

  it('keeps the https hint for a connection reset before any answer (plain http to a TLS port)', () => {
    const text = describeError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), ctx);
    expect(text).toContain('closed the connection unexpectedly; if it serves https, use an https:// URL');
  });
});
