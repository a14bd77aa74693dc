import fc from 'fast-check';
import { Role } from '@app/identity';
import { MatchStartedHandler, RequestReceivedHandler } from '@app/feedback';
import { VigilEscalateHandler } from '@app/matches';
import { VigilWaveHandler } from '@app/matching';
import { listRouteRules, RouteRule } from '../../apps/api/src/route-access';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Malformed input on every write route of the OpenAPI document: at least 200 bodies each, made by
 * fast-check from the route's own schema (one defect per body), and malformed paths. No answer may
 * be a 5xx, every one must be a 4xx, and a 4xx changes nothing in the database (the audit trail
 * excepted: refusals are recorded there on purpose).
 */
const RUNS_PER_ROUTE = 200;
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);

type Schema = Record<string, any>;
type Path = (string | number)[];
interface Slot {
  path: Path;
  schema: Schema;
  required: boolean;
}

describe('Fuzzing every write route', () => {
  let t: TestApp;
  let doc: Schema;
  let tokens: Record<string, string>;
  let ids: Record<string, string>;
  let routes: RouteRule[];

  const resolve = (schema: Schema): Schema => {
    if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop()]);
    if (schema.allOf) return schema.allOf.reduce((all: Schema, part: Schema) => ({ ...all, ...resolve(part), ...(part.$ref ? {} : part) }), {});
    return schema;
  };

  /** A plausible value for a schema: its example, or one built from its type. */
  const sample = (raw: Schema, depth = 0): unknown => {
    const schema = resolve(raw);
    if (schema.example !== undefined) return schema.example;
    if (schema.enum) return schema.enum[0];
    switch (schema.type) {
      case 'object': {
        const body: Record<string, unknown> = {};
        const required = new Set<string>(schema.required ?? []);
        for (const [name, property] of Object.entries<Schema>(schema.properties ?? {})) {
          if (required.has(name) || (depth < 3 && resolve(property).example !== undefined)) body[name] = sample(property, depth + 1);
        }
        return body;
      }
      case 'array':
        return schema.items ? [sample(schema.items, depth + 1)] : [];
      case 'integer':
      case 'number':
        return schema.minimum ?? 1;
      case 'boolean':
        return false;
      default:
        if (schema.format === 'date-time') return '2027-03-01T10:00:00+01:00';
        if (schema.format === 'uuid') return ids.request;
        return schema.properties ? sample({ ...schema, type: 'object' }, depth) : 'tekst';
    }
  };

  /** Every place in a body where a value goes, with its schema. */
  const slots = (raw: Schema, value: unknown, path: Path = []): Slot[] => {
    const schema = resolve(raw);
    if (Array.isArray(value) && schema.items) return value.flatMap((item, i) => slots(schema.items, item, [...path, i]));
    if (value === null || typeof value !== 'object' || !schema.properties) return [];
    const required = new Set<string>(schema.required ?? []);
    return Object.entries(value as Record<string, unknown>).flatMap(([name, item]) => {
      const property = schema.properties[name];
      if (!property) return [];
      return [{ path: [...path, name], schema: resolve(property), required: required.has(name) }, ...slots(property, item, [...path, name])];
    });
  };

  const withValue = (body: unknown, path: Path, value: unknown, remove = false): unknown => {
    const copy = structuredClone(body) as Record<string | number, unknown>;
    let at = copy;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    const last = path[path.length - 1];
    if (remove) delete at[last];
    else at[last] = value;
    return copy;
  };

  /** Values that the slot's schema cannot take. */
  const wrongValues = (slot: Slot): unknown[] => {
    const s = slot.schema;
    const values: unknown[] = [];
    if (!s.nullable) values.push(null);
    if (s.enum) values.push('not_one_of_them', 42);
    switch (s.type ?? (s.properties ? 'object' : undefined)) {
      case 'object':
        values.push([], [{}], 'text', 7, true);
        break;
      case 'array':
        values.push({}, 'text', 7, [null], [[[]]]);
        break;
      case 'integer':
      case 'number':
        values.push('12', true, [], {});
        if (s.type === 'integer') values.push(1.5);
        break;
      case 'boolean':
        values.push('true', 1, [], {});
        break;
      case 'string':
        values.push(7, true, [], {}, 'a\u0000b', '\ud800', 'bell\u0007');
        if (s.format === 'date-time') values.push(1767225600000, '2026-12-05T22:00:00', '5 december 2026 22:00', '12/05/2026 10:00 PM', '+275760-09-13T00:00:00Z', '2026-02-30T10:00:00Z');
        if (s.format === 'uuid') values.push('not-a-uuid', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff');
        if (/^\d{4}-\d{2}-\d{2}$/.test(String(s.example ?? ''))) values.push('2026-02-30', '0001-01-01', '9999-12-31', '2026-13-01');
        break;
      default:
        values.push('a\u0000b');
    }
    return values;
  };

  /** Whole bodies that no route takes. */
  const WHOLE: string[] = ['[]', '"text"', '7', 'true', '{"a":' .repeat(3000) + '1' + '}'.repeat(3000), '['.repeat(3000) + ']'.repeat(3000), '{"__proto__":{"x":1}}', '{"a":1,'];

  /** A malformed body: the route's sample with one defect, or garbage. Encoded as text. */
  const malformed = (bodySchema: Schema | undefined): fc.Arbitrary<string> => {
    const base = bodySchema ? sample(bodySchema) : {};
    const places = bodySchema ? slots(bodySchema, base) : [];
    const defects: fc.Arbitrary<unknown>[] = [
      fc.constantFrom(...WHOLE).map((text) => ({ raw: text })),
      fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in (base as object))).map((key) => ({ ...(base as object), [key]: 'unexpected' })),
    ];
    if (places.length > 0) {
      defects.push(
        fc.constantFrom(...places).chain((slot) => fc.constantFrom(...wrongValues(slot)).map((value) => withValue(base, slot.path, value))),
        fc.constantFrom(...places).chain((slot) =>
          resolve(slot.schema).properties ? fc.constant(withValue(base, [...slot.path, 'unexpectedField'], 1)) : fc.constant(withValue(base, [...slot.path], { nested: 'x' })),
        ),
      );
      const required = places.filter((slot) => slot.required);
      if (required.length > 0) defects.push(fc.constantFrom(...required).map((slot) => withValue(base, slot.path, undefined, true)));
    } else {
      defects.push(fc.record({ anything: fc.jsonValue() }).map((body) => body));
    }
    return fc.oneof(...defects).map((body) => (body !== null && typeof body === 'object' && 'raw' in body ? String((body as { raw: string }).raw) : JSON.stringify(body)));
  };

  /** A digest of every table but the audit trail, to see that a refusal changed nothing. */
  const fingerprint = async (): Promise<string> => {
    const tables: { name: string }[] = await t.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('audit_event', 'migrations') ORDER BY 1`,
    );
    const parts = await Promise.all(
      tables.map(async ({ name }) => (await t.dataSource.query(`SELECT '${name}:' || count(*) || ':' || coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '') AS d FROM "${name}" x`))[0].d),
    );
    return parts.join('|');
  };

  const idFor = (path: string, name: string): string => {
    if (name === 'credentialId') return ids.credential;
    const resource = path.split('/')[2];
    const action = path.split('/').pop() as string;
    if (resource === 'requests') return action === 'matches' ? ids.triagedRequest : ids.request;
    if (resource === 'matches') return ['end', 'visits'].includes(action) ? ids.activeMatch : ids.proposedMatch;
    return ids[resource] ?? '00000000-0000-4000-8000-000000000000';
  };

  const tokenFor = (route: RouteRule): string | undefined => {
    if (route.isPublic) return undefined;
    const role = [Role.Coordinator, Role.Volunteer, Role.Referrer, Role.Admin].find((r) => route.roles.includes(r));
    return tokens[role as string];
  };

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.request('GET', '/api/docs-json')).body;
    routes = listRouteRules(t.app);
    const { organisation, admin } = await t.given.organisation({ isHost: true });
    const org = organisation.id;
    const programme = (await t.given.programme(org, 'buddy')).id;
    const vigilProgramme = (await t.given.programme(org, 'vigil')).id;
    const source = (await t.given.referralSource(org)).id;
    const coordinator = await t.given.user(org, Role.Coordinator);
    const referrer = await t.given.user(org, Role.Referrer, { referralSourceId: source });
    const volunteer = await t.given.volunteerWithLogin(org, { kinds: ['buddy', 'vigil'] }, ['vog', 'basic_training', 'vigil_training']);
    tokens = {
      [Role.Admin]: await t.login(admin.email),
      [Role.Coordinator]: await t.login(coordinator.email),
      [Role.Referrer]: await t.login(referrer.email),
      [Role.Volunteer]: await t.login(volunteer.email),
    };
    const asCoordinator = { token: tokens[Role.Coordinator] };
    const request = await t.given.request(org, { programmeId: programme, referralSourceId: source });
    await t.app.get(RequestReceivedHandler).handle({ organisationId: org, requestId: request.id, outboxId: 'unused' });
    const triaged = await t.given.triagedRequest(org, { programmeId: programme, referralSourceId: source });
    const proposed = await t.given.proposal(org, (await t.given.triagedRequest(org, { programmeId: programme, referralSourceId: source })).id, volunteer.volunteerId);
    const active = await t.given.proposal(org, (await t.given.triagedRequest(org, { programmeId: programme, referralSourceId: source })).id, volunteer.volunteerId);
    expect((await t.request('POST', `/api/matches/${active.id}/accept`, { token: tokens[Role.Volunteer] })).status).toBe(200);
    await t.app.get(MatchStartedHandler).handle({ organisationId: org, matchId: active.id, outboxId: 'unused' });
    const visit = await t.request('POST', `/api/matches/${active.id}/visits`, { ...asCoordinator, body: { startsAt: '2027-01-05T14:00:00+01:00', endsAt: '2027-01-05T16:00:00+01:00' } });
    expect(visit.status).toBe(201);
    const everySlot = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].flatMap((day) => ['morning', 'afternoon', 'evening', 'night'].map((part) => ({ day, part })));
    await t.given.volunteerWithLogin(org, { kinds: ['vigil'], availability: everySlot as never, lat: 52.1, lon: 5.1177 }, ['vog', 'vigil_training']);
    const night = new Date(Date.now() + 2 * 24 * 3600_000);
    const vigil = await t.given.triagedRequest(org, {
      programmeId: vigilProgramme,
      referralSourceId: source,
      desiredSlots: [],
      startDate: null,
      vigilWindow: { start: night, end: new Date(night.getTime() + 8 * 3600_000) },
    });
    await t.app.get(VigilWaveHandler).handle({ organisationId: org, requestId: vigil.id, wave: 1, outboxId: 'unused' });
    await t.app.get(VigilEscalateHandler).handle({ organisationId: org, requestId: vigil.id, outboxId: 'unused' });
    const [row] = await t.dataSource.query(
      `SELECT (SELECT id FROM vigil_offer LIMIT 1) AS offer, (SELECT id FROM vigil_alert LIMIT 1) AS alert,
              (SELECT id FROM follow_up LIMIT 1) AS follow_up, (SELECT id FROM feedback_message LIMIT 1) AS feedback,
              (SELECT id FROM credential WHERE volunteer_id = $1 LIMIT 1) AS credential`,
      [volunteer.volunteerId],
    );
    ids = {
      request: request.id,
      triagedRequest: triaged.id,
      proposedMatch: proposed.id,
      activeMatch: active.id,
      visits: visit.body.id,
      offers: row.offer,
      'vigil-alerts': row.alert,
      'follow-ups': row.follow_up,
      feedback: row.feedback,
      credential: row.credential,
      users: coordinator.id,
      programmes: programme,
      'referral-sources': source,
      volunteers: volunteer.volunteerId,
    };
    for (const [name, id] of Object.entries(ids)) expect([name, id]).toEqual([name, expect.stringMatching(/^[0-9a-f-]{36}$/)]);
  });
  afterAll(() => t.close());

  const writeOperations = () =>
    Object.entries<Schema>(doc.paths).flatMap(([path, item]) =>
      Object.entries<Schema>(item)
        .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => ({
          path,
          method: method.toUpperCase(),
          operationId: operation.operationId as string,
          body: operation.requestBody?.content?.['application/json']?.schema as Schema | undefined,
        })),
    );

  it('answers 200 malformed bodies on each write route with a 4xx and changes nothing', async () => {
    const operations = writeOperations();
    expect(operations.length).toBeGreaterThanOrEqual(39);
    const answers: Record<string, number> = {};
    for (const operation of operations) {
      const route = routes.find((r) => r.operationId === operation.operationId) as RouteRule;
      expect([operation.method, operation.path, route !== undefined]).toEqual([operation.method, operation.path, true]);
      const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => idFor(operation.path, name));
      const before = await fingerprint();
      let sent = 0;
      await fc.assert(
        fc.asyncProperty(malformed(operation.body), async (rawBody) => {
          sent++;
          const response = await t.request(operation.method as 'POST', url, { token: tokenFor(route), rawBody, headers: { 'content-type': 'application/json' } });
          answers[response.status] = (answers[response.status] ?? 0) + 1;
          if (response.status < 400 || response.status >= 500) {
            throw new Error(`${operation.method} ${url} answered ${response.status} ${JSON.stringify(response.body).slice(0, 300)} to ${rawBody.slice(0, 300)}`);
          }
          expect(response.body).toMatchObject({ statusCode: response.status, error: expect.stringMatching(/^[a-z_]+$/), message: expect.any(String) });
        }),
        { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true },
      );
      expect(sent).toBeGreaterThanOrEqual(RUNS_PER_ROUTE);
      expect([operation.method, operation.path, await fingerprint()]).toEqual([operation.method, operation.path, before]);
    }
    // The refusals came from validation, not only from the role or throttle checks.
    expect(answers[400]).toBeGreaterThan(operations.length * RUNS_PER_ROUTE * 0.5);
  }, 600_000);

  it('answers malformed paths and queries with a 4xx', async () => {
    const token = tokens[Role.Coordinator];
    const paths = [
      '/api/requests/%E0%A4%A',
      '/api/requests/%',
      '/api/requests/%%',
      '/api/requests/%00',
      '/api/requests/%uD800',
      '/api/requests/%ED%A0%80',
      `/api/requests/${ids.request}%00`,
      `/api/requests/${ids.request}/triage%E0%A4%A`,
      '/api/requests/..%2f..%2fetc%2fpasswd',
      '/api/requests/' + 'a'.repeat(5000),
      '/api/requests/00000000-0000-0000-0000-000000000000',
      '/api/requests/ffffffff-ffff-ffff-ffff-ffffffffffff',
      '/api/requests?status=%00',
      '/api/requests?status=%E0%A4%A',
      '/api/requests?page=-1',
      '/api/requests?pageSize=1e309',
      '/api/requests?page[a]=1',
      '/api/requests?status[]=x&status[]=y',
      '/api/follow-ups?dueBefore=275760-09-13',
      '/api/follow-ups?dueBefore=2026-12-05T22:00:00',
      '/api/me/visits?from=%ud800',
      '/api/volunteers?credentialExpiringBefore=2026-02-30',
      '/api/volunteers?lat=NaN&lon=5&km=1',
      '/api/calendar/%E0%A4%A.ics',
      '/api/calendar/%00.ics',
      `/api/matches/${ids.activeMatch}/visits?x=%`,
    ];
    for (const path of paths) {
      for (const method of ['GET', 'POST'] as const) {
        const response = await t.request(method, path, { token });
        expect([method, path, response.status >= 400 && response.status < 500]).toEqual([method, path, true]);
        expect(response.body).toMatchObject({ statusCode: response.status, error: expect.stringMatching(/^[a-z_]+$/), message: expect.any(String) });
      }
    }
    expect(paths.length).toBeGreaterThanOrEqual(20);
  });
});
