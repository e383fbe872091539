import { WITHHELD, createLogger, hclogTimestamp } from './logger';

// The format go-plugin's hclog reader accepts: '2006-01-02T15:04:05.000000Z07:00'.
const HCLOG_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

describe('hclog JSON logger', () => {
  it('writes one JSON object per line with string @level, @message and a six-digit @timestamp', () => {
    const lines: string[] = [];
    const log = createLogger((line) => lines.push(line), 'trace');
    log.warn('index missing', { index: 'argo-*', count: 3 });
    expect(lines).toHaveLength(1);
    expect(lines[0].endsWith('\n')).toBe(true);
    const entry = JSON.parse(lines[0]);
    expect(entry['@level']).toBe('warn');
    expect(entry['@message']).toBe('index missing');
    expect(entry['@timestamp']).toMatch(HCLOG_TIME);
    expect(entry.index).toBe('argo-*');
    expect(entry.count).toBe(3);
  });

  it('keeps fields from overwriting the reserved @ keys', () => {
    const lines: string[] = [];
    createLogger((line) => lines.push(line)).info('real message', { '@level': 'bogus', '@message': 'spoofed' });
    const entry = JSON.parse(lines[0]);
    expect(entry['@level']).toBe('info');
    expect(entry['@message']).toBe('real message');
  });

  it('drops levels below the minimum and keeps lines far below go-plugin’s 64 KiB buffer', () => {
    const lines: string[] = [];
    const log = createLogger((line) => lines.push(line), 'info');
    log.debug('hidden');
    log.error('x'.repeat(200_000));
    expect(lines).toHaveLength(1);
    expect(lines[0].length).toBeLessThan(64 * 1024);
  });

  it('formats timestamps with exactly six fractional digits', () => {
    expect(hclogTimestamp(new Date(Date.UTC(2026, 10, 23, 8, 5, 3, 7)))).toBe('2026-11-23T08:05:03.007000Z');
  });
});

describe('secrets in the log', () => {
  const PASSWORD = 'log-pa"ss\\wörd-9';
  const TOKEN = 'argo-log-token-0123456789';

  it('masks the message, every field name and every string field before cutting them', () => {
    const lines: string[] = [];
    const mask = (text: string) => text.split(PASSWORD).join('***');
    const log = createLogger((line) => lines.push(line), 'trace', mask);
    // The password straddles the 8 KiB cut: cut first, its first half would show.
    const before = `x${'y'.repeat(8 * 1024 - 6)}`;
    log.error(`${before}${PASSWORD}`, { [PASSWORD]: 1, detail: `said ${PASSWORD}`, count: 2 });
    const entry = JSON.parse(lines[0]);
    expect(lines[0]).not.toContain('log-pa');
    expect(entry['@message']).toBe(`${before}***`);
    expect(entry['***']).toBe(1);
    expect(entry.detail).toBe('said ***');
  });

  it('masks every form of the secrets of every live datasource instance in the plugin log', async () => {
    const { logger } = await import('./logger');
    const { leaseInstance } = await import('../settings/instances');
    const { pluginContext } = await import('../test/pluginContext');
    const lease = leaseInstance(
      pluginContext(
        { elasticsearch: { url: 'http://es:9200', auth: 'basic', username: 'reader' }, argo: { url: 'http://argo:2746' } },
        { elasticsearchPassword: PASSWORD, argoToken: TOKEN }
      )
    );
    expect('instance' in lease.lookup).toBe(true);
    const written: string[] = [];
    const level = process.env.ARGOPERF_LOG_LEVEL;
    process.env.ARGOPERF_LOG_LEVEL = 'trace';
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(Buffer.from(chunk).toString('utf8'));
      return true;
    });
    try {
      const basic = Buffer.from(`reader:${PASSWORD}`).toString('base64');
      logger.error(`upstream said Basic ${basic} and ${JSON.stringify({ password: PASSWORD })}`, {
        header: `Bearer ${TOKEN}`,
        echo: JSON.stringify(JSON.stringify({ token: TOKEN, password: PASSWORD })),
      });
    } finally {
      spy.mockRestore();
      process.env.ARGOPERF_LOG_LEVEL = level;
      lease.release();
    }
    const out = written.join('');
    expect(out).toContain('***');
    for (const piece of ['log-pa', 'wörd', 'w\\u00f6rd', TOKEN, Buffer.from(`reader:${PASSWORD}`).toString('base64')]) {
      expect(out).not.toContain(piece);
    }
  });

  it('never throws and never writes the unmasked text when masking fails', () => {
    const lines: string[] = [];
    const log = createLogger((line) => lines.push(line), 'trace', () => {
      throw new SyntaxError('Invalid regular expression: too large');
    });
    expect(() => log.error('secret-in-message', { detail: 'secret-in-field', count: 1 })).not.toThrow();
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('secret-in');
    expect(JSON.parse(lines[0])).toMatchObject({ '@level': 'error', '@message': WITHHELD });
  });
});
