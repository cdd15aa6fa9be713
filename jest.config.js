/** Tests are transformed by SWC (fast, no type-check); `npm run typecheck` checks types. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  testTimeout: 30000,
  // Each test file starts its own app, database and fake Slack; two workers fit a 2-core machine.
  maxWorkers: 2,
  // An embedded PostgreSQL (PGlite, WebAssembly) per test app is not all handed back to the
  // system when it closes, and Jest's memory check only sees the JS heap: so each test file gets
  // a fresh worker (0 = always), and a worker's memory is that of one file, not of all it ran.
  workerIdleMemoryLimit: 0,
};
