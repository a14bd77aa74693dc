import { ALL_ROLES, Role } from '@app/identity';
import { FeedbackService, MatchStartedHandler } from '@app/feedback';
import { VigilEscalateHandler } from '@app/matches';
import { VigilWaveHandler } from '@app/matching';
import { listRouteRules, RouteRule } from '../../apps/api/src/route-access';
import { HttpResult, startTestApp, TestApp } from '../support/test-app';
import { HOUR, EVERY_SLOT } from '../support/vigil-times';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Response properties that carry client data or point at a client's request. */
const CLIENT_PROPERTIES = ['client', 'clientId', 'clientIds', 'requestId'];
/** Public routes that serve client data and write their audit row themselves (no principal: the organisation comes from the object). */
const SELF_AUDITED = ['GET /api/calendar/{file}'];

interface AuditRow {
  id: string;
  organisation_id: string | null;
  actor_role: string | null;
  action: string;
  resource_type: string;
  client_id: string | null;
  request_id: string | null;
  correlation_id: string | null;
  outcome: string;
  details: { clientIds?: string[] } | null;
}

interface Prepared {
  token: string;
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** The client the row must name, when the route's object belongs to one. */
  clientId?: string;
}

interface Recipe {
  /** Makes the data the call needs (fresh for writes) and says who calls. */
  prepare: () => Promise<Prepared>;
  /** Searches and creations: the client(s) the row must name, read from the response (a list for a search). */
  clientsOf?: (body: any) => string | string[];
}

describe('Audit of every route that touches client data', () => {
  let t: TestApp;
  let org: string;
  let otherOrgCoordinator: string;
  const tokens = {} as Record<Role, string>;
  let referrerB: string;
  let otherVolunteer: string;
  let sourceA: string;
  let buddyProgramme: string;
  let vigilProgramme: string;
  let volunteer: { volunteerId: string; token: string };
  let vigilVolunteer: { volunteerId: string; token: string };
  let slot = 0;
  let callNumber = 0;

  const post = (url: string, token: string, body: unknown = {}) => t.request('POST', url, { token, body });
  const newRows = (afterId: string): Promise<AuditRow[]> =>
    t.dataSource.query(
      `SELECT id, organisation_id, actor_role, action, resource_type, client_id::text, request_id, correlation_id, outcome, details FROM audit_event WHERE id > $1 ORDER BY id`,
      [afterId],
    );
  const lastId = async (): Promise<string> => (await t.dataSource.query(`SELECT coalesce(max(id), 0)::text AS id FROM audit_event`))[0].id;

  /** Calls and returns the response with the audit rows the call wrote. */
  async function audited(method: string, url: string, token: string, options: { body?: unknown; callerId?: string } = {}) {
    const before = await lastId();
    const headers = options.callerId ? { 'x-request-id': options.callerId } : undefined;
    const response: HttpResult = await t.request(method as 'GET', url, { token, body: options.body, headers });
    return { response, rows: await newRows(before) };
  }

  // ── Data, made through the services and the API ──────────────────────────────────────────────
  const submitted = () => t.given.request(org, { programmeId: buddyProgramme, referralSourceId: sourceA });
  const triaged = () => t.given.triagedRequest(org, { programmeId: buddyProgramme, referralSourceId: sourceA });
  const needingInfo = () => t.given.requestNeedingInfo(org, { programmeId: buddyProgramme, referralSourceId: sourceA });
  const proposal = async () => t.given.proposal(org, (await triaged()).id, volunteer.volunteerId);
  async function activeMatch() {
    const match = await proposal();
    expect((await post(`/api/matches/${match.id}/accept`, volunteer.token)).status).toBe(200);
    return match;
  }
  /** A visit a coordinator planned (so: planned) on its own day in the future. */
  async function plannedVisit(matchId: string): Promise<{ id: string; clientId: string }> {
    const start = new Date(Date.now() + (10 + ++slot) * 24 * HOUR);
    const response = await post(`/api/matches/${matchId}/visits`, tokens.coordinator, { startsAt: start, endsAt: new Date(start.getTime() + HOUR) });
    expect(response.status).toBe(201);
    return response.body;
  }
  async function vigilRequest() {
    const start = new Date();
    start.setUTCHours(22, 0, 0, 0);
    start.setTime(start.getTime() + (2 + ++slot) * 24 * HOUR);
    return t.given.triagedRequest(org, {
      programmeId: vigilProgramme,
      referralSourceId: sourceA,
      vigilWindow: { start, end: new Date(start.getTime() + 8 * HOUR) },
      desiredSlots: [],
      startDate: null,
    });
  }
  async function vigilOffer(): Promise<{ id: string; clientId: string }> {
    const request = await vigilRequest();
    await t.app.get(VigilWaveHandler).handle({ organisationId: org, requestId: request.id, wave: 1, outboxId: 'unused' } as never);
    const [offer] = await t.dataSource.query(`SELECT id FROM vigil_offer WHERE request_id = $1 AND volunteer_id = $2`, [request.id, vigilVolunteer.volunteerId]);
    return { id: offer.id, clientId: request.clientId };
  }
  async function vigilAlert(): Promise<{ id: string; clientId: string }> {
    const request = await vigilRequest();
    await t.app.get(VigilEscalateHandler).handle({ organisationId: org, requestId: request.id, outboxId: 'unused' } as never);
    const [alert] = await t.dataSource.query(`SELECT id FROM vigil_alert WHERE request_id = $1`, [request.id]);
    return { id: alert.id, clientId: request.clientId };
  }
  async function followUp(): Promise<{ id: string; clientId: string }> {
    const match = await activeMatch();
    await t.app.get(MatchStartedHandler).handle({ organisationId: org, matchId: match.id, outboxId: 'unused' } as never);
    const [row] = await t.dataSource.query(`SELECT id FROM follow_up WHERE match_id = $1 ORDER BY due_at LIMIT 1`, [match.id]);
    return { id: row.id, clientId: match.clientId };
  }
  async function feedbackMessage(failed: boolean): Promise<{ id: string; requestId: string; clientId: string }> {
    const request = await submitted();
    const id = (await t.dataSource.transaction((manager) => t.app.get(FeedbackService).record(manager, org, request.id, 'received'))) as string;
    // The state delivery reaches after its last attempt; set directly so no mail server is needed.
    if (failed) await t.dataSource.query(`UPDATE feedback_message SET status = 'failed' WHERE id = $1`, [id]);
    return { id, requestId: request.id, clientId: request.clientId };
  }

  const newRequestBody = () => ({
    programmeId: buddyProgramme,
    referralSourceId: sourceA,
    desiredSlots: [{ day: 'tue', part: 'afternoon' }],
    startDate: '2027-01-04',
    referrerContact: { name: 'Sanne Visser', email: 's.visser@example.org' },
    client: { firstName: 'Johanna', lastName: 'Bos', birthDate: '1940-02-02', diagnosisGroup: 'heart_failure', consentGivenBy: 'client', lat: 52.09, lon: 5.12, city: 'Utrecht' },
  });
  const items = (key: 'clientId' | 'client') => (body: { items: Array<Record<string, any>> }) => body.items.map((i) => (key === 'client' ? i.client.id : i.clientId));

  /** One call per route that touches client data: an allowed role, real data. */
  const recipes: Record<string, Recipe> = {
    'GET /api/requests': { prepare: async () => ({ token: tokens.coordinator, clientId: (await submitted()).clientId }), clientsOf: items('client') },
    'POST /api/requests': { prepare: async () => ({ token: tokens.coordinator, body: newRequestBody() }), clientsOf: (body) => body.client.id },
    'GET /api/requests/{id}': { prepare: async () => ({ token: tokens.coordinator, ...(await asObject(submitted())) }) },
    'PATCH /api/requests/{id}': { prepare: async () => ({ token: tokens.coordinator, ...(await asObject(submitted())), body: { coordinatorNotes: 'Bellen na 10 uur' } }) },
    'POST /api/requests/{id}/triage': { prepare: async () => ({ token: tokens.coordinator, ...(await asObject(submitted())), body: { decision: 'accept' } }) },
    'POST /api/requests/{id}/info': { prepare: async () => ({ token: tokens.referrer, ...(await asObject(needingInfo())), body: { answer: 'Dinsdag- en donderdagmiddag' } }) },
    'GET /api/requests/{id}/info': { prepare: async () => ({ token: tokens.coordinator, ...(await asObject(needingInfo())) }) },
    'POST /api/requests/{id}/cancel': { prepare: async () => ({ token: tokens.coordinator, ...(await asObject(submitted())), body: { reason: 'Opgenomen in hospice' } }) },
    'POST /api/requests/{id}/close': {
      prepare: async () => {
        const match = await activeMatch();
        return { token: tokens.coordinator, params: { id: match.requestId }, clientId: match.clientId, body: { reason: 'Afgerond' } };
      },
    },
    'GET /api/requests/{id}/candidates': { prepare: async () => ({ token: tokens.coordinator, ...(await asObject(triaged())) }) },
    'GET /api/requests/{id}/candidates/{volunteerId}': {
      prepare: async () => {
        const request = await triaged();
        return { token: tokens.coordinator, params: { id: request.id, volunteerId: volunteer.volunteerId }, clientId: request.clientId };
      },
    },
    'POST /api/requests/{id}/matches': { prepare: async () => ({ token: tokens.coordinator, ...(await asObject(triaged())), body: { volunteerId: volunteer.volunteerId } }) },
    'GET /api/requests/{id}/feedback': {
      prepare: async () => {
        const message = await feedbackMessage(false);
        return { token: tokens.coordinator, params: { id: message.requestId }, clientId: message.clientId };
      },
    },
    'POST /api/feedback/{id}/retry': { prepare: async () => ({ token: tokens.coordinator, ...(await asObject(feedbackMessage(true))) }) },
    'POST /api/matching/assign': {
      prepare: async () => {
        const request = await triaged();
        return { token: tokens.coordinator, body: { requestIds: [request.id], dryRun: true }, clientId: request.clientId };
      },
      clientsOf: (body) => body.proposals.map((p: { clientId: string }) => p.clientId),
    },
    'GET /api/matches': { prepare: async () => ({ token: tokens.coordinator, clientId: (await proposal()).clientId }), clientsOf: items('clientId') },
    'GET /api/matches/{id}': { prepare: async () => ({ token: tokens.coordinator, ...(await asObject(proposal())) }) },
    'POST /api/matches/{id}/accept': { prepare: async () => ({ token: volunteer.token, ...(await asObject(proposal())) }) },
    'POST /api/matches/{id}/decline': { prepare: async () => ({ token: volunteer.token, ...(await asObject(proposal())), body: { reason: 'too_far' } }) },
    'POST /api/matches/{id}/withdraw': { prepare: async () => ({ token: tokens.coordinator, ...(await asObject(proposal())) }) },
    'POST /api/matches/{id}/end': { prepare: async () => ({ token: tokens.coordinator, ...(await asObject(activeMatch())), body: { reason: 'goal_reached' } }) },
    'GET /api/matches/{id}/visits': {
      prepare: async () => {
        const match = await activeMatch();
        await plannedVisit(match.id);
        return { token: tokens.coordinator, params: { id: match.id }, clientId: match.clientId };
      },
    },
    'POST /api/matches/{id}/visits': {
      prepare: async () => {
        const start = new Date(Date.now() + (10 + ++slot) * 24 * HOUR);
        return { token: tokens.coordinator, ...(await asObject(activeMatch())), body: { startsAt: start, endsAt: new Date(start.getTime() + HOUR) } };
      },
    },
    'POST /api/matches/{id}/visits/record': {
      prepare: async () => {
        const match = await activeMatch();
        // A visit that took place last week, in a match that started before it.
        await t.dataSource.query(`UPDATE match SET started_at = now() - interval '30 days' WHERE id = $1`, [match.id]);
        const start = new Date(Date.now() - (7 + ++slot) * 24 * HOUR);
        return { token: tokens.coordinator, ...(await asObject(Promise.resolve(match))), body: { startsAt: start, endsAt: new Date(start.getTime() + HOUR) } };
      },
    },
    'GET /api/me/visits': {
      prepare: async () => ({ token: volunteer.token, clientId: (await plannedVisit((await activeMatch()).id)).clientId }),
      clientsOf: items('clientId'),
    },
    'POST /api/visits/{id}/confirm': { prepare: async () => ({ token: volunteer.token, ...(await asObject(plannedVisit((await activeMatch()).id))) }) },
    'POST /api/visits/{id}/decline': { prepare: async () => ({ token: volunteer.token, ...(await asObject(plannedVisit((await activeMatch()).id))), body: { reason: 'Ziek' } }) },
    'POST /api/visits/{id}/cancel': { prepare: async () => ({ token: tokens.coordinator, ...(await asObject(plannedVisit((await activeMatch()).id))), body: { reason: 'Ziek' } }) },
    'POST /api/visits/{id}/complete': {
      prepare: async () => {
        const visit = await plannedVisit((await activeMatch()).id);
        // A visit that took place: its time moved into the past (planning may refuse the past).
        await t.dataSource.query(`UPDATE visit SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, [visit.id]);
        return { token: tokens.coordinator, params: { id: visit.id }, clientId: visit.clientId, body: { note: 'Samen gewandeld' } };
      },
    },
    'GET /api/offers': { prepare: async () => ({ token: tokens.coordinator, clientId: (await vigilOffer()).clientId }), clientsOf: items('clientId') },
    'GET /api/offers/{id}': { prepare: async () => ({ token: vigilVolunteer.token, ...(await asObject(vigilOffer())) }) },
    'POST /api/offers/{id}/accept': { prepare: async () => ({ token: vigilVolunteer.token, ...(await asObject(vigilOffer())) }) },
    'POST /api/offers/{id}/decline': { prepare: async () => ({ token: vigilVolunteer.token, ...(await asObject(vigilOffer())) }) },
    'GET /api/vigil-alerts': { prepare: async () => ({ token: tokens.coordinator, clientId: (await vigilAlert()).clientId }), clientsOf: items('clientId') },
    'POST /api/vigil-alerts/{id}/resolve': { prepare: async () => ({ token: tokens.coordinator, ...(await asObject(vigilAlert())) }) },
    'GET /api/follow-ups': { prepare: async () => ({ token: tokens.coordinator, clientId: (await followUp()).clientId }), clientsOf: items('clientId') },
    'POST /api/follow-ups/{id}/complete': { prepare: async () => ({ token: tokens.coordinator, ...(await asObject(followUp())), body: { outcome: 'going_well' } }) },
    'POST /api/follow-ups/{id}/snooze': {
      prepare: async () => ({ token: tokens.coordinator, ...(await asObject(followUp())), body: { until: new Date(Date.now() + 400 * 24 * HOUR) } }),
    },
  };

  /** The object's id as the `:id` parameter and its client. */
  async function asObject(made: Promise<{ id: string; clientId: string }>): Promise<Pick<Prepared, 'params' | 'clientId'>> {
    const object = await made;
    return { params: { id: object.id }, clientId: object.clientId };
  }

  let doc: { paths: Record<string, Record<string, { operationId: string; responses: Record<string, any> }>>; components: { schemas: Record<string, any> } };
  let rules: Map<string, RouteRule>;
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, op, rule: rules.get(op.operationId) })),
    );
  const operation = (key: string) => {
    const found = operations().find((o) => o.key === key);
    if (!found?.rule) throw new Error(`${key} is not a route of the OpenAPI document`);
    return { ...found, rule: found.rule };
  };
  const urlOf = (path: string, params: Record<string, string> = {}, query = '') =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (!params[name]) throw new Error(`no value for {${name}} in ${path}`);
      return params[name];
    }) + query;

  /** Whether a schema (following $ref, items, allOf/oneOf/anyOf) has a property that holds client data. */
  function holdsClientData(schema: any, seen = new Set<string>()): boolean {
    if (!schema || typeof schema !== 'object') return false;
    if (schema.$ref) {
      const name = String(schema.$ref).split('/').pop() as string;
      if (seen.has(name)) return false;
      seen.add(name);
      return holdsClientData(doc.components.schemas[name], seen);
    }
    const properties = Object.entries(schema.properties ?? {});
    if (properties.some(([name]) => CLIENT_PROPERTIES.includes(name))) return true;
    const nested = [...properties.map(([, p]) => p), schema.items, ...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
    return nested.some((s) => holdsClientData(s, seen));
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10000' } });
    const created = await t.given.organisation();
    org = created.organisation.id;
    tokens.admin = await t.login(created.admin.email);
    tokens.coordinator = await t.login((await t.given.user(org, Role.Coordinator)).email);
    sourceA = (await t.given.referralSource(org)).id;
    const sourceB = (await t.given.referralSource(org)).id;
    tokens.referrer = await t.login((await t.given.user(org, Role.Referrer, { referralSourceId: sourceA })).email);
    referrerB = await t.login((await t.given.user(org, Role.Referrer, { referralSourceId: sourceB })).email);
    buddyProgramme = (await t.given.programme(org, 'buddy')).id;
    vigilProgramme = (await t.given.programme(org, 'vigil', { vigilWaveSize: 5 })).id;
    const buddy = await t.given.volunteerWithLogin(org, { maxConcurrentClients: 50, availability: EVERY_SLOT as never });
    volunteer = { volunteerId: buddy.volunteerId, token: await t.login(buddy.email) };
    tokens.volunteer = volunteer.token;
    otherVolunteer = await t.login((await t.given.volunteerWithLogin(org)).email);
    const vigil = await t.given.volunteerWithLogin(org, { kinds: ['vigil'], availability: EVERY_SLOT as never, maxConcurrentClients: 50 }, ['vog', 'vigil_training']);
    vigilVolunteer = { volunteerId: vigil.volunteerId, token: await t.login(vigil.email) };
    const other = await t.given.organisation();
    otherOrgCoordinator = await t.login((await t.given.user(other.organisation.id, Role.Coordinator)).email);
    doc = (await t.request('GET', '/api/docs-json')).body;
    rules = new Map(listRouteRules(t.app).map((rule) => [rule.operationId, rule]));
  });
  afterAll(() => t.close());

  describe('declarations', () => {
    it('finds the handler of every operation of the OpenAPI document', () => {
      expect(operations().filter((o) => !o.rule).map((o) => o.key)).toEqual([]);
    });

    it('declares every route whose response holds client data as audited with its client(s)', () => {
      const forgotten = operations()
        .filter((o) => !SELF_AUDITED.includes(o.key))
        .filter((o) => Object.entries(o.op.responses).some(([code, r]) => code.startsWith('2') && Object.values(r.content ?? {}).some((c: any) => holdsClientData(c.schema))))
        .filter((o) => !o.rule?.audited?.clients)
        .map((o) => o.key);
      expect(forgotten).toEqual([]);
    });

    it('has a call below for every route that declares client data (a new route needs one)', () => {
      const declared = operations().filter((o) => o.rule?.audited?.clients).map((o) => o.key);
      expect(declared.filter((key) => !recipes[key])).toEqual([]);
      expect(Object.keys(recipes).filter((key) => !declared.includes(key))).toEqual([]);
    });
  });

  describe.each(Object.keys(recipes))('%s', (key) => {
    it('writes one success row with the client(s), a request id of its own and the caller’s id as correlation; one denied row naming the client for a role not allowed', async () => {
      const { method, path, rule } = operation(key);
      const recipe = recipes[key];
      const prepared = await recipe.prepare();
      const url = urlOf(path, prepared.params, prepared.query);

      const deniedRole = ALL_ROLES.find((role) => !rule.roles.includes(role)) as Role;
      const denied = await audited(method, url, tokens[deniedRole], { body: prepared.body });
      expect(denied.response.status).toBe(403);
      expect(denied.rows).toHaveLength(1);
      expect(denied.rows[0]).toMatchObject({ outcome: 'denied', action: rule.audited?.action, resource_type: rule.audited?.resourceType, organisation_id: org, actor_role: deniedRole });
      expect(denied.rows[0].client_id).toBe(prepared.params?.id ? prepared.clientId : null);

      const callerId = `walk-${++callNumber}`;
      const { response, rows } = await audited(method, url, prepared.token, { body: prepared.body, callerId });
      expect([key, response.status]).toEqual([key, expect.any(Number)]);
      expect(response.status).toBeGreaterThanOrEqual(200);
      expect(response.status).toBeLessThan(300);
      expect(rows).toHaveLength(1);
      const [row] = rows;
      expect(row).toMatchObject({ outcome: 'success', action: rule.audited?.action, resource_type: rule.audited?.resourceType, organisation_id: org, correlation_id: callerId });
      expect(row.request_id).toMatch(UUID);
      expect(row.request_id).toBe(response.headers['x-request-id']);

      const expected = recipe.clientsOf ? recipe.clientsOf(response.body) : prepared.clientId;
      if (Array.isArray(expected)) {
        expect(expected).toContain(prepared.clientId);
        expect([...(row.details?.clientIds ?? [])].sort()).toEqual([...new Set(expected)].sort());
      } else {
        expect(expected).toMatch(UUID);
        expect(row.client_id).toBe(expected);
      }
    });
  });

  describe('denials inside the organisation name the client; outside it nothing is revealed', () => {
    it('a referrer of another referral source', async () => {
      const message = await feedbackMessage(false);
      for (const url of [`/api/requests/${message.requestId}`, `/api/requests/${message.requestId}/feedback`]) {
        const { response, rows } = await audited('GET', url, referrerB);
        expect(response.status).toBe(404);
        expect(rows).toEqual([expect.objectContaining({ outcome: 'denied', actor_role: 'referrer', organisation_id: org, client_id: message.clientId })]);
      }
    });

    it("a volunteer on another volunteer's match and visit", async () => {
      const match = await activeMatch();
      const visit = await plannedVisit(match.id);
      for (const [method, url] of [
        ['GET', `/api/matches/${match.id}`],
        ['GET', `/api/matches/${match.id}/visits`],
        ['POST', `/api/visits/${visit.id}/confirm`],
      ]) {
        const { response, rows } = await audited(method, url, otherVolunteer);
        expect(response.status).toBe(404);
        expect(rows).toEqual([expect.objectContaining({ outcome: 'denied', actor_role: 'volunteer', client_id: match.clientId })]);
      }
    });

    it('another organisation: a denied row in the caller’s organisation without the client id', async () => {
      const request = await submitted();
      const { response, rows } = await audited('GET', `/api/requests/${request.id}`, otherOrgCoordinator);
      expect(response.status).toBe(404);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ outcome: 'denied', client_id: null });
      expect(rows[0].organisation_id).not.toBe(org);
      expect(JSON.stringify(rows[0])).not.toContain(request.clientId);
    });
  });

  describe('failed writes name the client', () => {
    it('a 409 illegal transition', async () => {
      const request = await submitted();
      const { response, rows } = await audited('POST', `/api/requests/${request.id}/close`, tokens.coordinator, { body: { reason: 'x' } });
      expect(response).toMatchObject({ status: 409, body: { error: 'illegal_transition' } });
      expect(rows).toEqual([expect.objectContaining({ outcome: 'failure', action: 'update', client_id: request.clientId, details: { status: 409 } })]);
    });

    it('a 409 on a retry of a message that did not fail, and a 422 on completing a visit that has not started', async () => {
      const message = await feedbackMessage(false);
      const retry = await audited('POST', `/api/feedback/${message.id}/retry`, tokens.coordinator);
      expect(retry.response.status).toBe(409);
      expect(retry.rows).toEqual([expect.objectContaining({ outcome: 'failure', client_id: message.clientId })]);

      const visit = await plannedVisit((await activeMatch()).id);
      const complete = await audited('POST', `/api/visits/${visit.id}/complete`, tokens.coordinator, { body: {} });
      expect(complete.response.status).toBe(422);
      expect(complete.rows).toEqual([expect.objectContaining({ outcome: 'failure', client_id: visit.clientId })]);
    });
  });

  describe('request ids', () => {
    it('are made by the service, one per request, even when two callers send the same x-request-id', async () => {
      const request = await submitted();
      const a = await audited('GET', `/api/requests/${request.id}`, tokens.coordinator, { callerId: 'same-id' });
      const b = await audited('GET', `/api/requests/${request.id}`, tokens.referrer, { callerId: 'same-id' });
      expect(a.rows[0].request_id).not.toBe(b.rows[0].request_id);
      expect([a.rows[0].correlation_id, b.rows[0].correlation_id]).toEqual(['same-id', 'same-id']);
      expect(a.response.headers['x-correlation-id']).toBe('same-id');
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM (SELECT request_id FROM audit_event WHERE request_id IS NOT NULL GROUP BY request_id HAVING count(*) > 1) shared`);
      expect(n).toBe(0);
    });

    it('keep no correlation id that fails the header check', async () => {
      const request = await submitted();
      const { rows } = await audited('GET', `/api/requests/${request.id}`, tokens.coordinator, { callerId: 'not a sane id; drop table' });
      expect(rows[0]).toMatchObject({ correlation_id: null, request_id: expect.stringMatching(UUID) });
    });
  });

  it('the calendar feed (public) writes one row with the clients of its visits', async () => {
    const match = await activeMatch();
    const visit = await plannedVisit(match.id);
    expect((await post(`/api/visits/${visit.id}/confirm`, volunteer.token)).status).toBe(200);
    const { url } = (await post('/api/me/calendar-feed', volunteer.token)).body;
    const before = await lastId();
    const response = await t.request('GET', new URL(url).pathname, { headers: { 'x-request-id': 'calendar-app' } });
    expect(response.status).toBe(200);
    const rows = await newRows(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'success', organisation_id: org, correlation_id: 'calendar-app', request_id: response.headers['x-request-id'] });
    expect(rows[0].details?.clientIds).toContain(match.clientId);
  });
});
