// Browser tests of the admin panel: playwright-core drives Debian's chromium against the real API
// (built admin, demo data, SQLite). Run after `npm run build`: `npm run test:browser`.
const fs = require('node:fs');
const root = `${__dirname}/../..`;
const swc = JSON.parse(fs.readFileSync(`${root}/.swcrc`, 'utf8'));
delete swc.$schema;

module.exports = {
  displayName: 'browser',
  rootDir: root,
  roots: ['<rootDir>/tests/browser'],
  testMatch: ['**/*.browser-spec.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  globalSetup: '<rootDir>/tests/browser/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/browser/support/global-teardown.ts',
  // One browser and one server on a 2-core machine: specs run one after another.
  maxWorkers: 1,
  testTimeout: 90000,
};
