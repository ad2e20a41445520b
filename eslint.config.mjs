// The lint of the whole repository (ESLint 9 flat config: jsx-a11y does not accept ESLint 10 yet).
// Type-aware rules run through each workspace's own tsconfig; formatting is Prettier's, not ESLint's.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Server folders: another folder is reached through its index.ts (module, services, helpers) or,
 * for the tables it owns, its entities.ts, which loads no module (so a query may name another
 * folder's table without an import cycle). Root files (app.module, main) wire the folders together.
 */
const boundary = (group, message) => ({ group, message });
const NOT_THE_CLIENT = boundary(['**/client/**', '@jit/client'], 'The server never imports the client.');
const serverBoundaries = [
  {
    files: ['server/src/*/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            boundary(['../*/*', '!../*/entities'], "Import another server folder through its index.ts ('../record') or its entities.ts ('../record/entities')."),
            NOT_THE_CLIENT,
          ],
        },
      ],
    },
  },
  {
    // A sub-folder (evidence/uploads …) reaches its siblings directly and other folders as above.
    files: ['server/src/*/*/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [boundary(['../../*/*', '!../../*/entities'], "Import another server folder through its index.ts ('../../record') or its entities.ts."), NOT_THE_CLIENT] },
      ],
    },
  },
];

/**
 * Client: a feature exposes its public pieces through index.ts and its screens through routes.tsx,
 * which only app/router.tsx loads, lazily (a static import would pull the screens into the first
 * script). lib/ and components/ hold no feature logic, so they import no feature at all.
 */
const NOT_THE_SERVER = boundary(['**/server/**', '@jit/server'], 'The client never imports the server; the contract is @jit/shared.');
const FEATURE_INTERNALS = "Another feature is reached through its index.ts (e.g. '../../notes'); its screens through its routes.tsx, loaded by app/router.tsx.";
const clientBoundaries = [
  {
    files: ['client/src/app/**/*.{ts,tsx}', 'client/src/main.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NOT_THE_SERVER, { regex: '/features/[^/]+/', message: FEATURE_INTERNALS }] }] },
  },
  {
    files: ['client/src/lib/**/*.{ts,tsx}', 'client/src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NOT_THE_SERVER, boundary(['**/features/**'], 'lib/ and components/ hold no feature logic: they import no feature.')] }],
    },
  },
  {
    // index.ts and routes.tsx of a feature: ../other is another feature's barrel, ../other/x its inside.
    files: ['client/src/features/*/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NOT_THE_SERVER, { regex: '^\\.\\./[^./][^/]*/', message: FEATURE_INTERNALS }] }] },
  },
  {
    files: ['client/src/features/*/*/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NOT_THE_SERVER, { regex: '^\\.\\./\\.\\./[^./][^/]*/', message: FEATURE_INTERNALS }] }] },
  },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', '**/coverage/**', 'e2e/test-results/**', 'e2e/playwright-report/**', 'server/src/database/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused parameters named `_…` are part of a signature (a listener, a Nest hook).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Plain scripts (bench, build and demo helpers, configs) are not in any tsconfig.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    extends: [jsxA11y.flatConfigs.recommended],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  ...clientBoundaries,
  ...serverBoundaries,
  {
    files: ['**/*.spec.ts', '**/*.test.ts', '**/*.test.tsx', 'server/test/**/*.ts', 'e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      // Jest's and Vitest's asymmetric matchers (expect.any, expect.arrayContaining …) are typed `any`
      // by their libraries; placing one in an expected object is what they are for.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  prettier,
);
