import type { FullConfig } from '@playwright/test';
import { startServer, writeState } from './server-process';

/**
 * Starts the real server once for the whole run and publishes its address and setup token through
 * environment variables, which the workers (started afterwards) inherit.
 */
export default async function globalSetup(_config: FullConfig): Promise<void> {
  const state = await startServer();
  const stateFile = writeState(state);
  process.env.E2E_STATE_FILE = stateFile;
  process.env.E2E_BASE_URL = state.baseURL;
  process.env.E2E_SETUP_TOKEN = state.setupToken;
  // Should the runner die before its teardown, do not leave the server behind.
  process.once('exit', () => {
    try {
      process.kill(state.pid, 'SIGKILL');
    } catch {
      // already stopped by global-teardown
    }
  });
  console.log(`[e2e] server pid ${state.pid} at ${state.baseURL}, DATA_DIR ${state.dataDir}`);
}
