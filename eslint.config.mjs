import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';

export default defineConfig([
  {
    ignores: [
      '**/logs',
      '**/*.log',
      '**/npm-debug.log*',
      '**/yarn-debug.log*',
      '**/yarn-error.log*',
      '**/.pnpm-debug.log*',
      '**/node_modules/',
      '.yarn/cache',
      '.yarn/unplugged',
      '.yarn/build-state.yml',
      '.yarn/install-state.gz',
      '**/.pnp.*',
      '**/pids',
      '**/*.pid',
      '**/*.seed',
      '**/*.pid.lock',
      '**/lib-cov',
      '**/coverage',
      '**/dist/',
      '**/artifacts/',
      '**/work/',
      '**/ci/',
      'test-results/',
      'playwright-report/',
      'blob-report/',
      'playwright/.cache/',
      'playwright/.auth/',
      '**/.idea',
      '**/.eslintcache',
      // build outputs and downloads of the backend and the host check
      'build/',
      '.cache/',
      'hosttest/bin/',
    ],
  },
  ...baseConfig,
  {
    // The frontend reports through Grafana's UI; the backend logs through its hclog logger on stderr.
    files: ['src/**/*.{ts,tsx}', 'backend/**/*.ts'],
    rules: {
      'no-console': 'error',
      // `typeof import('x')` stays allowed: the backend types modules it loads lazily that way.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    // The executable's entry point redirects console output to stderr before anything else runs.
    files: ['backend/main.ts'],
    rules: { 'no-console': 'off' },
  },
]);
