// Backend tests: Node environment, TypeScript through swc, .proto files as text (like the bundle).
const path = require('path');

module.exports = {
  rootDir: path.resolve(__dirname, '..'),
  displayName: 'backend',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/backend/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
    '^.+\\.proto$': '<rootDir>/backend/test/textTransform.cjs',
  },
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json', 'proto'],
  testTimeout: 30000,
  setupFiles: ['<rootDir>/backend/test/setup.cjs'],
};
