import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/config.schema';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const { app, logger } = await createApp(config);
  app.enableShutdownHooks();
  await app.listen(config.PORT, config.HOST);
  logger.info({ port: config.PORT, database: config.DATABASE_URL ? 'mysql' : 'sqlite' }, `JIT Workspace listening on http://localhost:${config.PORT}`);
}

void main();
