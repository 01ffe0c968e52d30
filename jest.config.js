/** @type {import('jest').Config} */
module.exports = {
  // jest's node environment with one memory PGlite per worker, shared by its test files: each
  // app a test builds gets a schema of its own in it (test/support/sharedPglite.ts).
  testEnvironment: '<rootDir>/test/support/environment.ts',
  // Transpiles into dist/ what tests start as processes of their own, when it has changed.
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // tsconfig sets isolatedModules, so ts-jest transpiles file by file; `npm test` type-checks first.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 60000,
  // Child-process and database tests share two cores; keep the load predictable.
  maxWorkers: 2,
};
