/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  // Type-checked, so the spec files' @ts-expect-error lines are proofs about the contract, not comments.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', strict: true, esModuleInterop: true, types: ['jest'] }, diagnostics: true }] },
};
