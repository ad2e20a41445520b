/** Unit specs live beside the code; integration specs in test/ run against a real database. */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
};
const moduleNameMapper = { '^@jit/shared$': '<rootDir>/../shared/src/index.ts' };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { displayName: 'unit', testEnvironment: 'node', rootDir: __dirname, roots: ['<rootDir>/src'], testMatch: ['**/*.spec.ts'], transform, moduleNameMapper },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.int-spec.ts'],
      transform,
      moduleNameMapper,
    },
  ],
  // A root option: Jest ignores it inside a project.
  testTimeout: 60000,
};
