import { createLogger, hclogTimestamp } from './logger';

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
