// The browser tests (`*.browser.ts`): Node drives Debian's Chromium through playwright-core; the page
// under test is bundled by the test itself. Run by scripts/test.sh as a stage of its own.
const path = require('path');

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  displayName: 'browser',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.browser.ts'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  // starting Chromium and bundling the page take seconds on a loaded machine
  testTimeout: 120000,
};
