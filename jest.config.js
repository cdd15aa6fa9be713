/** Tests are transformed by SWC (fast, no type-check); `npm run typecheck` checks types. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
    // The digest chart's renderers (Vega, Vega-Lite and their d3 parts) and the message formatter
    // (intl-messageformat, @formatjs) ship only as ES modules: SWC turns them into CommonJS for
    // Jest, as Node itself imports them in the app.
    '^.+\\.m?js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(intl-messageformat|@formatjs|vega|vega-[a-z-]+|d3-[a-z-]+|delaunator|internmap|robust-predicates|json-stringify-pretty-compact)/)',
  ],
  // vega-canvas's Node build looks for node-canvas with a top-level await, which CommonJS cannot
  // hold; its browser build finds no canvas either, which is what the app gets (SVG, no canvas).
  moduleNameMapper: { '^vega-canvas$': '<rootDir>/node_modules/vega-canvas/build/vega-canvas.browser.js' },
  testTimeout: 30000,
  // The slowest files start first (durations measured on each database), so a run does not end
  // with one worker idle while the other finishes a long file.
  testSequencer: '<rootDir>/test/support/sequencer.cjs',
  // Each test file starts its own app, database and fake Slack; two workers fit a 2-core machine.
  maxWorkers: 2,
  // An embedded PostgreSQL (PGlite, WebAssembly) per test app is not all handed back to the
  // system when it closes, and Jest's memory check only sees the JS heap: so each test file gets
  // a fresh worker (0 = always), and a worker's memory is that of one file, not of all it ran.
  workerIdleMemoryLimit: 0,
};
