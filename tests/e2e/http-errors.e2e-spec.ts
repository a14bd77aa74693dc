import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { Public, Role, Roles } from '@app/identity';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { findRoutesWithoutAccessRule } from '../../apps/api/src/route-access';
import { I18nService } from '@app/i18n';
import { PASSWORD, startTestApp, TestApp } from '../support/test-app';

describe('Input validation and the error shape', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { BODY_LIMIT_BYTES: '4096' } });
    const { admin: a } = await t.given.organisation();
    admin = await t.login(a.email);
  });
  afterAll(() => t.close());

  const errorShape = (status: number) => ({ statusCode: status, error: expect.stringMatching(/^[a-z_]+$/), message: expect.any(String) });

  it('refuses an unknown body field with 400 and names it', async () => {
    const response = await t.request('POST', '/api/users', {
      token: admin,
      body: { email: t.given.email(), name: 'A', role: 'volunteer', password: PASSWORD, isSuperUser: true },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ ...errorShape(400), error: 'validation_failed' });
    expect(response.body.details).toContainEqual({ field: 'isSuperUser', errors: ['isSuperUser is geen bekend veld'], constraints: ['whitelistValidation'] });
  });

  it('refuses a malformed email with 400, on login too', async () => {
    const create = await t.request('POST', '/api/users', { token: admin, body: { email: 'not-an-email', name: 'A', role: 'volunteer', password: PASSWORD } });
    expect(create.status).toBe(400);
    expect(create.body.details).toContainEqual({ field: 'email', errors: ['email moet een e-mailadres zijn'], constraints: ['isEmail'] });
    const login = await t.request('POST', '/api/auth/login', { body: { email: 'nope', password: 'x' } });
    expect(login).toMatchObject({ status: 400, body: errorShape(400) });
  });

  it('refuses an unknown role, a short password and a bad page size with 400', async () => {
    const response = await t.request('POST', '/api/users', { token: admin, body: { email: t.given.email(), name: 'A', role: 'root', password: 'short' } });
    expect(response.status).toBe(400);
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['password', 'role']);
    expect((await t.request('GET', '/api/users?pageSize=1000', { token: admin })).status).toBe(400);
    expect((await t.request('GET', '/api/users?page=zero', { token: admin })).status).toBe(400);
  });

  it('answers broken JSON, a non-uuid id and an oversized body with 4xx in the same shape', async () => {
    const broken = await t.request('POST', '/api/users', { token: admin, rawBody: '{"email": ', headers: { 'content-type': 'application/json' } });
    expect(broken).toMatchObject({ status: 400, body: errorShape(400) });

    const badId = await t.request('GET', '/api/users/123', { token: admin });
    expect(badId).toMatchObject({ status: 400, body: errorShape(400) });

    const huge = await t.request('POST', '/api/users', { token: admin, body: { email: t.given.email(), name: 'x'.repeat(10_000), role: 'volunteer', password: PASSWORD } });
    expect(huge).toMatchObject({ status: 413, body: { ...errorShape(413), error: 'payload_too_large' } });
  });

  it('takes an empty JSON body as {} on routes without a body, and still refuses prototype pollution', async () => {
    const org = (await t.given.organisation()).organisation.id;
    const volunteer = await t.login((await t.given.volunteerWithLogin(org)).email);
    const empty = await t.request('POST', '/api/matches/00000000-0000-4000-8000-000000000000/accept', { token: volunteer, rawBody: '', headers: { 'content-type': 'application/json' } });
    expect(empty).toMatchObject({ status: 404, body: { error: 'not_found' } });
    const poisoned = await t.request('POST', '/api/users', { token: admin, rawBody: '{"__proto__": {"role": "admin"}}', headers: { 'content-type': 'application/json' } });
    expect(poisoned).toMatchObject({ status: 400, body: errorShape(400) });
  });

  it('answers an unknown route with 404 in the same shape', async () => {
    expect(await t.request('GET', '/api/does-not-exist', { token: admin })).toMatchObject({ status: 404, body: errorShape(404) });
  });

  it('makes its own request id for every request and echoes a sane x-request-id as the correlation id', async () => {
    const given = await t.request('GET', '/health', { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(given.headers['x-correlation-id']).toBe('abc-123');
    const again = await t.request('GET', '/health', { headers: { 'x-request-id': 'abc-123' } });
    expect(again.headers['x-request-id']).not.toBe(given.headers['x-request-id']);
    const made = await t.request('GET', '/health', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.headers['x-correlation-id']).toBeUndefined();
  });

  it('sends security headers (helmet)', async () => {
    const response = await t.request('GET', '/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers /health and /ready without a token', async () => {
    expect(await t.request('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    const ready = await t.request('GET', '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('documents every route in OpenAPI with its error responses', async () => {
    const doc = (await t.request('GET', '/api/docs-json')).body;
    const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item as object).map(([method, op]) => ({ path, method, op })));
    expect(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`)).toEqual(
      expect.arrayContaining(['POST /api/auth/login', 'POST /api/auth/refresh', 'POST /api/auth/logout', 'GET /api/me', 'POST /api/organisations', 'GET /api/users', 'POST /api/users', 'PATCH /api/users/{id}', 'GET /health', 'GET /ready']),
    );
    for (const { op } of operations) expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['400', '500']));
    // Every success response and every request body has a schema; every body's schema has examples.
    for (const { path, method, op } of operations) {
      const success = Object.entries(op.responses).find(([code]) => code.startsWith('2')) as [string, any];
      expect([path, method, success?.[0]]).toEqual([path, method, expect.any(String)]);
      if (success[0] !== '204') expect([path, method, (Object.values(success[1].content ?? {})[0] as { schema?: unknown } | undefined)?.schema]).toEqual([path, method, expect.any(Object)]);
      const body = op.requestBody?.content?.['application/json']?.schema;
      if (body?.$ref) {
        const schema = doc.components.schemas[body.$ref.split('/').pop()];
        const examples = Object.values(schema.properties ?? {}).filter((p: any) => p.example !== undefined || p.$ref || p.allOf);
        expect([path, method, examples.length > 0]).toEqual([path, method, true]);
      }
    }
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/programmes', '/api/referral-sources/{id}', '/api/volunteers/{id}/availability', '/api/volunteers/{id}/credentials/{credentialId}', '/api/requests/{id}/triage', '/api/requests/{id}/cancel', '/api/requests/{id}/close']),
    );
    expect(doc.paths['/api/users'].post.responses['401'].content['application/json'].schema.$ref).toBe('#/components/schemas/ErrorResponseDto');
    expect(doc.components.schemas.CreateUserDto.required).toEqual(expect.arrayContaining(['email', 'name', 'role', 'password']));
  });

  it('types every scalar and every id parameter in OpenAPI, so a generated client is exact', async () => {
    const doc = (await t.request('GET', '/api/docs-json')).body;
    // A number or string declared without its type shows up as `object` without properties.
    const untyped = Object.entries(doc.components.schemas).flatMap(([name, schema]: [string, any]) =>
      Object.entries(schema.properties ?? {})
        .filter(([, p]: [string, any]) => p.type === 'object' && !p.properties && !p.additionalProperties && !p.allOf && !p.$ref)
        .map(([property]) => `${name}.${property}`),
    );
    expect(untyped).toEqual(['ErrorResponseDto.details']); // free-form on purpose
    const ids = Object.values(doc.paths).flatMap((item: any) =>
      Object.values(item).flatMap((op: any) => (op.parameters ?? []).filter((p: any) => p.in === 'path' && /^(id|\w+Id)$/.test(p.name))),
    );
    expect(ids.length).toBeGreaterThan(40);
    expect(ids.filter((p: any) => p.schema?.format !== 'uuid' || !p.description)).toEqual([]);
  });
});

describe('Deny by default', () => {
  it('finds no route of the API without @Roles or @Public', async () => {
    const t = await startTestApp();
    try {
      expect(findRoutesWithoutAccessRule(t.app)).toEqual([]);
    } finally {
      await t.close();
    }
  });

  describe('a controller that forgets its access rule', () => {
    @Controller('forgotten')
    class ForgetfulController {
      @Get() open() { return { secret: true }; }
      @Public() @Get('public') fine() { return {}; }
      @Roles(Role.Admin) @Get('admin') alsoFine() { return {}; }
    }
    @Module({ controllers: [ForgetfulController] })
    class ForgetfulModule {}

    let app: INestApplication;
    beforeAll(async () => {
      app = (await Test.createTestingModule({ imports: [ForgetfulModule] }).compile()).createNestApplication(new FastifyAdapter());
      await app.init();
    });
    afterAll(() => app.close());

    it('is reported by the check, so the test above fails for it', () => {
      expect(findRoutesWithoutAccessRule(app)).toEqual(['ForgetfulController.open']);
    });
  });
});

describe('Unexpected errors', () => {
  @Controller('boom')
  class BoomController {
    @Public() @Get() explode(): never {
      throw new Error('database password is hunter2 at /srv/secret.ts:12');
    }
  }
  @Module({ controllers: [BoomController] })
  class BoomModule {}

  it('answers a 500 with an error id and no stack or internal message', async () => {
    const { AllExceptionsFilter } = await import('@app/core');
    const app = (await Test.createTestingModule({ imports: [BoomModule] }).compile()).createNestApplication<import('@nestjs/platform-fastify').NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    app.useGlobalFilters(new AllExceptionsFilter(new I18nService()));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      const response = await app.inject({ method: 'GET', url: '/boom' });
      expect(response.statusCode).toBe(500);
      const body = JSON.parse(response.body);
      expect(body).toEqual({ statusCode: 500, error: 'internal_error', message: expect.any(String), errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(response.body).not.toContain('hunter2');
      expect(response.body).not.toContain('.ts');
    } finally {
      await app.close();
    }
  });
});

describe('Readiness', () => {
  it('answers /ready with 503 when Redis does not answer', async () => {
    const t = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:6390/0' } });
    try {
      const response = await t.request('GET', '/ready');
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ statusCode: 503, error: 'not_ready' });
      expect(response.body.details.redis.status).toBe('down');
      expect(response.body.details.database.status).toBe('up');
    } finally {
      await t.close();
      process.env.REDIS_URL = `redis://127.0.0.1:6379/${Number(process.env.JEST_WORKER_ID ?? '1') % 16}`;
    }
  });
});

describe('A database pool with no free connection', () => {
  let t: TestApp;

  beforeAll(async () => (t = await startTestApp({ env: { DATABASE_POOL_SIZE: '1', DATABASE_POOL_TIMEOUT_MS: '300' } })));
  afterAll(() => t.close());

  it('answers 503 service_busy with Retry-After, not a 500, and serves again once a connection is free', async () => {
    const { admin } = await t.given.organisation();
    const token = await t.login(admin.email);
    const holder = t.dataSource.createQueryRunner();
    await holder.connect(); // takes the only connection
    try {
      const busy = await t.request('GET', '/api/users', { token });
      expect(busy).toMatchObject({ status: 503, body: { statusCode: 503, error: 'service_busy' }, headers: { 'retry-after': '2' } });
    } finally {
      await holder.release();
    }
    expect((await t.request('GET', '/api/users', { token })).status).toBe(200);
  });
});
