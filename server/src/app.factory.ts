import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
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
import { validationPipe } from './common/validation';

export interface CreatedApp {
  app: NestExpressApplication;
  logger: Logger;
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine sets inline styles on components.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'same-origin');
  // Swagger UI runs its own inline initialisation; everything else gets the strict policy.
  if (!request.path.startsWith('/api/docs')) response.setHeader('Content-Security-Policy', CSP);
  next();
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
  app.use(securityHeaders);
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

/** The built client at /, with every non-API path falling back to index.html for the client's router. */
function serveClient(app: NestExpressApplication, config: AppConfig): void {
  const dir = resolve(config.CLIENT_DIST_DIR ?? join(__dirname, '../../client/dist'));
  if (!existsSync(join(dir, 'index.html'))) return;
  app.useStaticAssets(dir, { index: false });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/api')) return next();
    response.sendFile(join(dir, 'index.html'));
  });
}
