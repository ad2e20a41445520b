import { existsSync } from 'node:fs';
import { readState, stopServer } from './server-process';

export default async function globalTeardown(): Promise<void> {
  const file = process.env.E2E_STATE_FILE;
  if (!file || !existsSync(file)) return;
  await stopServer(readState(file));
}
