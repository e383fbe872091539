import { createPrivateKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs';

import { selfSignedCertificate } from './tlsServer';

describe('selfSignedCertificate', () => {
  const made: string[] = [];
  afterEach(() => {
    jest.restoreAllMocks();
    made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
  });

  it('removes the temporary folder it wrote the key and certificate to', () => {
    // record the folders it makes (the real ones, in the real temp folder)
    const mkdtemp = fs.mkdtempSync;
    jest.spyOn(fs, 'mkdtempSync').mockImplementation((prefix, options) => {
      const dir = mkdtemp(prefix, options) as string;
      made.push(dir);
      return dir;
    });
    const { key, cert } = selfSignedCertificate();
    expect(made).toHaveLength(1);
    expect(fs.existsSync(made[0])).toBe(false);
    // and what it returns is a usable pair for 127.0.0.1
    const certificate = new X509Certificate(cert);
    expect(certificate.checkPrivateKey(createPrivateKey(key))).toBe(true);
    expect(certificate.checkIP('127.0.0.1')).toBe('127.0.0.1');
  });
});
