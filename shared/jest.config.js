/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', strict: true, esModuleInterop: true, isolatedModules: true } }] },
};
