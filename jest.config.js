// force timezone to UTC to allow tests to work regardless of local timezone
// generally used by snapshots, but can affect specific tests
process.env.TZ = 'UTC';

const scaffold = require('./.config/jest.config');

const swcTransform = scaffold.transform['^.+\\.(t|j)sx?$'];

/** The plugin frontend (src/): the scaffold's settings, plus d3-color's .mjs files, which it does not transform. */
const frontend = {
  ...scaffold,
  displayName: 'frontend',
  rootDir: __dirname,
  setupFilesAfterEnv: [...scaffold.setupFilesAfterEnv, '<rootDir>/src/testing/jsdomLayout.ts'],
  moduleFileExtensions: ['js', 'mjs', 'cjs', 'jsx', 'ts', 'tsx', 'json', 'node'],
  transform: {
    ...scaffold.transform,
    '^.+\\.mjs$': swcTransform,
  },
};

module.exports = {
  // Editor tests render several Grafana comboboxes and pick the query type from one; on a loaded
  // 2-core machine with more workers than cores a test has taken more than 20 s.
  testTimeout: 60000,
  projects: [
    frontend,
    // The backend (Node): its integration tests need ES_URL, which `npm test` provides.
    require('./backend/jest.config.js'),
  ],
};
