import { defineConfig } from '@playwright/test';

/**
 * The journeys run against the real server (server/dist/main.js) serving the built client, started by
 * global-setup.ts on a free port with a fresh DATA_DIR. global-setup publishes the address in
 * E2E_BASE_URL: the workers are started after it and inherit the variable, so this file, which the
 * workers load again, picks it up.
 *
 * The foundation journey begins with the first-run setup of the fresh server, so it runs first (its
 * own project); every other journey depends on it and makes the administrator exist if it runs alone
 * (`npx playwright test --no-deps tests/evidence.spec.ts`).
 */
export default defineConfig({
  testDir: 'tests',
  globalSetup: './global-setup.ts',
  globalTeardown: './global-teardown.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  projects: [
    { name: 'foundation', testMatch: 'foundation.spec.ts' },
    { name: 'journeys', testIgnore: 'foundation.spec.ts', dependencies: ['foundation'] },
  ],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    locale: 'en-GB',
    timezoneId: 'Europe/Amsterdam',
    screenshot: 'only-on-failure',
    trace: 'off',
    actionTimeout: 15_000,
    navigationTimeout: 20_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
