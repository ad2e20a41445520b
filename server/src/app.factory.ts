import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pinoHttp from 'pino-http';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { RealtimeIoAdapter } from './realtime/realtime-io.adapter';
import type { AppConfig } from './config/config.schema';
import { createLogger, PinoNestLogger } from './common/logger';
import { securityHeadersMiddleware } from './common/security-headers';
import { validationPipe } from './common/validation';

export interface CreatedApp {
  app: NestExpressApplication;
  logger: Logger;
}

/** Builds the whole application (API, docs and built client) for main.ts and for the tests. */
export async function createApp(config: AppConfig, options: { logger?: Logger } = {}): Promise<CreatedApp> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    logger: new PinoNestLogger(logger),
    bodyParser: true,
  });
  app.useWebSocketAdapter(new RealtimeIoAdapter(app, { url: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX }));
  if (config.TRUST_PROXY) app.set('trust proxy', true);
  app.disable('x-powered-by');
  app.use(securityHeadersMiddleware);
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/api/health' } }));
  app.use(cookieParser());
  app.setGlobalPrefix('api');
  app.useGlobalPipes(validationPipe);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('JIT Workspace API')
      .setDescription('Every route is scoped to a JIT and decided by the access module. Mutating requests send the XSRF-TOKEN cookie back in X-XSRF-TOKEN.')
      .setVersion('0.1.0')
      .addCookieAuth('jit_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json' });

  serveClient(app, config);
  return { app, logger };
}

/** Only the client's files are compressed: API answers include evidence bytes served by range, whose lengths must stay exact. */
const compressClientOnly = compression({
  filter: (request: Request, response: Response) => !request.path.startsWith('/api') && !request.path.startsWith('/socket.io') && compression.filter(request, response),
});

/**
 * The built client at /, with every non-API path falling back to index.html for the client's router.
 * The build names its scripts and styles by their content (`/assets/index-<hash>.js`), so a browser
 * may keep them for a year; index.html is asked for again each time, so a new release is seen at once.
 */
function serveClient(app: NestExpressApplication, config: AppConfig): void {
  const dir = resolve(config.CLIENT_DIST_DIR ?? join(__dirname, '../../client/dist'));
  if (!existsSync(join(dir, 'index.html'))) return;
  app.use(compressClientOnly);
  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (response: Response, path: string) => {
      response.setHeader('Cache-Control', path.startsWith(join(dir, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/api')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(join(dir, 'index.html'));
  });
}
