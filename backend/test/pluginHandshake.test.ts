import { spawn } from 'node:child_process';

import { handshakeTarget } from './pluginHandshake';

const node = (script: string) => spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });

describe('handshakeTarget', () => {
  it('reads a handshake line that arrives in pieces', async () => {
    const child = node(`
      process.stdout.write('1|2|unix|/tmp/some');
      setTimeout(() => process.stdout.write('-socket|grpc\\nlater output\\n'), 100);
      setTimeout(() => {}, 300);`);
    await expect(handshakeTarget(child, 'the test plugin')).resolves.toBe('unix:/tmp/some-socket');
  });

  it('gives the TCP form as host:port', async () => {
    const child = node(`console.log('1|2|tcp|127.0.0.1:40123|grpc')`);
    await expect(handshakeTarget(child, 'the test plugin')).resolves.toBe('127.0.0.1:40123');
  });

  it('rejects, naming the process and how it ended, when it exits first', async () => {
    const child = node(`process.stdout.write('no line'); process.exit(3)`);
    await expect(handshakeTarget(child, 'the test plugin (run npm run build first)')).rejects.toThrow(
      'the test plugin (run npm run build first) exited (3) before its handshake; it printed: no line'
    );
  });
});
