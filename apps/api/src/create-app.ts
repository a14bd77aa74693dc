import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { AppConfig, assertStorableText, correlationIdOf, createValidationPipe, jsonNestingExceeds, localeOf, MAX_JSON_DEPTH, validateEnvironment, ValidationFailedError } from '@app/core';
import { AppModule } from './app.module';
import { setupOpenApi } from './openapi';
import { servePortal } from './portal';
import { I18nService, phrase } from '@app/i18n';

/**
 * Every request gets an id of our own (a UUID), so log lines and audit rows of two callers never share
 * one; a caller's x-request-id is kept apart as the correlation id. pino-http logs it as req.id.
 */
function requestId(raw: IncomingMessage): string {
  const id = randomUUID();
  (raw as IncomingMessage & { id?: string }).id = id;
  return id;
}

/**
 * The Content Security Policy: everything from the service's own origin, including the portal's
 * service worker, its manifest and its API calls; images also as data: URLs.
 */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  upgradeInsecureRequests: null, // the service may run on plain http behind a proxy or locally
};

/** Builds the HTTP app exactly as it runs in production; tests use the same function. */
export async function createApp(options: { withWorker?: boolean } = {}): Promise<NestFastifyApplication> {
  const config = new AppConfig(validateEnvironment(process.env));
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    genReqId: requestId,
    requestIdHeader: false,
    // A path Fastify cannot decode (`/api/requests/%E0%A4%A`) is refused before any route runs;
    // answer it in the same error shape as everything else.
    frameworkErrors: (_error: Error, request: FastifyRequest, reply: FastifyReply) => {
      void reply.status(400).send({ statusCode: 400, error: 'bad_url', message: app.get(I18nService).t(localeOf(request), 'errors.bad_url') });
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({ withWorker: options.withWorker ?? config.worker.inProcess }),
    adapter,
    { bufferLogs: true, bodyParser: false }, // JSON parsing is set up below
  );
  app.useLogger(app.get(Logger));
  await app.register(helmet, { contentSecurityPolicy: { directives: { ...CSP, scriptSrc: ["'self'", "'unsafe-inline'"] } } }); // Swagger UI bootstraps inline
  const fastify = app.getHttpAdapter().getInstance();
  // The portal's pages need no inline script: theirs is the stricter policy.
  if (!(await servePortal(fastify, config.http.portalDir, { contentSecurityPolicy: { directives: CSP } }))) {
    app.get(Logger).warn(`No portal in ${config.http.portalDir} (no index.html): serving the API only. Build the portal (Vite) into it, or set PORTAL_DIR`, 'Portal');
  }
  // Action routes (accept, confirm, …) need no body; clients that always send a JSON content type
  // with an empty body get `{}` instead of a 400. Anything else goes to Fastify's own safe parser,
  // after a cheap depth check, and its strings must be storable text.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (text === '') return done(null, {});
    if (jsonNestingExceeds(text)) return done(new ValidationFailedError(phrase('validation.tooDeep', { max: MAX_JSON_DEPTH })), undefined);
    void parseJson(request, text, (error, value) => {
      if (error) return done(error, undefined);
      try {
        assertStorableText(value, 'body');
      } catch (refusal) {
        return done(refusal as Error, undefined);
      }
      done(null, value);
    });
  });
  fastify.addHook('preValidation', async (request) => {
    assertStorableText(request.query, 'query');
    assertStorableText(request.params, 'path');
  });
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    const correlationId = correlationIdOf(request);
    if (correlationId) void reply.header('x-correlation-id', correlationId);
    // Answers may hold health data: no browser, proxy or shared cache may keep them.
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
  });
  app.setGlobalPrefix('api', { exclude: ['health', 'ready'] });
  app.useGlobalPipes(createValidationPipe());
  setupOpenApi(app);
  return app;
}
