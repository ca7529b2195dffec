// Unit tests live beside the code in backend/src (and admin/src); end-to-end tests go through HTTP in tests/e2e.
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;
const transform = { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] };
// The admin's sources are TSX with React's automatic runtime (as vite builds them); the one
// ESM-only dependency of react-admin (react-hotkeys-hook) is compiled to CommonJS alongside.
const adminTransform = {
  '^.+\\.(tsx?|js)$': [
    '@swc/jest',
    {
      swcrc: false,
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
      },
      module: { type: 'commonjs' },
    },
  ],
};

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/backend/src', '<rootDir>/seeds'],
      testMatch: ['**/*.spec.ts'],
      transform,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/tests/e2e'],
      testMatch: ['**/*.e2e-spec.ts'],
      transform,
    },
    {
      displayName: 'admin',
      testEnvironment: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/admin/src'],
      testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
      transform: adminTransform,
      transformIgnorePatterns: ['/node_modules/(?!react-hotkeys-hook/)'],
    },
  ],
};
