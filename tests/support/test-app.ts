import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CredentialType, Principal, ProgrammeKind, REDIS_CLIENT } from '@app/core';
import { MatchingService, ShownProposedMatch } from '@app/matching';
import { Organisation, OrganisationsService, Role, User, UsersService } from '@app/identity';
import { Programme, ProgrammeInput, ProgrammesService } from '@app/programmes';
import { ReferralSourceInput, ReferralSourcesService, ReferralSourceView, Request, RequestsService, SubmitRequestInput } from '@app/referrals';
import { VolunteerInput, VolunteerRecord, VolunteersService } from '@app/volunteers';
import { createApp } from '../../apps/api/src/create-app';
import { createTestDatabase, TestDatabase } from './test-database';

export const PASSWORD = 'correct-horse-battery-1';

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  rawBody?: string;
  /** The caller's address as the server sees it (Fastify inject's socket address). */
  remoteAddress?: string;
}

/** Test-data helpers that go through the same services the API uses. */
export class Given {
  private counter = 0;

  constructor(private readonly app: NestFastifyApplication) {}

  email(prefix = 'user'): string {
    return `${prefix}.${++this.counter}.${randomBytes(3).toString('hex')}@example.org`;
  }

  /** An organisation with its first admin. */
  async organisation(options: { name?: string; isHost?: boolean } = {}): Promise<{ organisation: Organisation; admin: User }> {
    return this.app.get(OrganisationsService).createWithAdmin(
      { name: options.name ?? `Organisation ${++this.counter}`, admin: { email: this.email('admin'), name: 'Admin', password: PASSWORD } },
      options.isHost ?? false,
    );
  }

  /** An admin of the organisation, as services see a caller. */
  actor(organisationId: string, role: Role = Role.Admin): Principal {
    return { userId: '00000000-0000-0000-0000-000000000000', organisationId, role, referralSourceId: null, volunteerId: null };
  }

  /** A user; referrers get a referral source and volunteers a volunteer profile unless given. */
  async user(
    organisationId: string,
    role: Role,
    options: { email?: string; name?: string; referralSourceId?: string; volunteerId?: string } = {},
  ): Promise<User> {
    const referralSourceId = role === Role.Referrer ? (options.referralSourceId ?? (await this.referralSource(organisationId)).id) : undefined;
    const volunteerId = role === Role.Volunteer ? (options.volunteerId ?? (await this.volunteer(organisationId)).volunteer.id) : undefined;
    return this.app.get(UsersService).create(this.actor(organisationId), {
      email: options.email ?? this.email(role),
      name: options.name ?? `Test ${role}`,
      role,
      password: PASSWORD,
      referralSourceId,
      volunteerId,
    });
  }

  async referralSource(organisationId: string, input: Partial<ReferralSourceInput> = {}): Promise<ReferralSourceView> {
    return this.app.get(ReferralSourcesService).create(this.actor(organisationId), {
      name: `Buurtzorg team ${++this.counter}`,
      type: 'home_care',
      feedbackChannel: 'email',
      feedbackEmail: this.email('team'),
      ...input,
    });
  }

  async programme(organisationId: string, kind: ProgrammeKind = 'buddy', input: Partial<ProgrammeInput> = {}): Promise<Programme> {
    return this.app.get(ProgrammesService).create(this.actor(organisationId), { name: `${kind} programme ${++this.counter}`, kind, ...input });
  }

  /** An active volunteer in Utrecht, free on Tuesday and Thursday afternoons. */
  async volunteer(organisationId: string, input: Partial<VolunteerInput> = {}): Promise<VolunteerRecord> {
    return this.app.get(VolunteersService).create(this.actor(organisationId), {
      firstName: 'Marieke',
      lastName: `de Vries ${++this.counter}`,
      birthDate: '1958-04-12',
      gender: 'female',
      lat: 52.0907,
      lon: 5.1214,
      city: 'Utrecht',
      kinds: ['buddy'],
      availability: [
        { day: 'tue', part: 'afternoon' },
        { day: 'thu', part: 'afternoon' },
      ],
      status: 'active',
      ...input,
    });
  }

  /**
   * An active volunteer with a login and valid credentials (VOG and basic training unless given),
   * in Utrecht and free on Tuesday and Thursday afternoons unless `input` says otherwise.
   */
  async volunteerWithLogin(
    organisationId: string,
    input: Partial<VolunteerInput> = {},
    credentials: CredentialType[] = ['vog', 'basic_training'],
  ): Promise<{ volunteerId: string; userId: string; email: string }> {
    const { volunteer } = await this.volunteer(organisationId, input);
    for (const type of credentials) {
      await this.app.get(VolunteersService).addCredential(this.actor(organisationId, Role.Coordinator), volunteer.id, { type, issuedOn: '2024-01-01', expiresOn: type === 'vog' ? '2030-01-01' : null });
    }
    const user = await this.user(organisationId, Role.Volunteer, { volunteerId: volunteer.id });
    return { volunteerId: volunteer.id, userId: user.id, email: user.email };
  }

  /** A request triaged by a coordinator (which also schedules a vigil's offer waves). */
  async triagedRequest(organisationId: string, input: Partial<SubmitRequestInput> & { programmeId: string; referralSourceId: string }): Promise<Request> {
    const request = await this.request(organisationId, input);
    return this.app.get(RequestsService).triage(this.actor(organisationId, Role.Coordinator), request.id, 'accept');
  }

  /** A request a coordinator sent back at triage with a question for the referrer. */
  async requestNeedingInfo(organisationId: string, input: Partial<SubmitRequestInput> & { programmeId: string; referralSourceId: string }, question = 'Graag de gewenste dagdelen aanvullen'): Promise<Request> {
    const request = await this.request(organisationId, input);
    // Asked by a real user of the organisation (the question records who asked it).
    return this.app.get(RequestsService).triage(await this.realActor(organisationId), request.id, 'needs_info', question);
  }

  /** A coordinator's principal carrying the id of the organisation's first user, for rows that record who acted. */
  private async realActor(organisationId: string): Promise<Principal> {
    const [user] = await this.app.get(getDataSourceToken()).query(`SELECT id FROM app_user WHERE organisation_id = $1 ORDER BY created_at LIMIT 1`, [organisationId]);
    return { ...this.actor(organisationId, Role.Coordinator), userId: user.id };
  }

  /** A proposal of the volunteer for the request, as a coordinator makes it. */
  async proposal(organisationId: string, requestId: string, volunteerId: string): Promise<ShownProposedMatch> {
    return this.app.get(MatchingService).propose(this.actor(organisationId, Role.Coordinator), requestId, volunteerId);
  }

  /** A submitted buddy request for a new client in Utrecht. */
  async request(organisationId: string, input: Partial<SubmitRequestInput> & { programmeId: string; referralSourceId: string }): Promise<Request> {
    // Submitted by a real user of the organisation (the request records who submitted it).
    return this.app.get(RequestsService).submit(await this.realActor(organisationId), {
      desiredSlots: [{ day: 'tue', part: 'afternoon' }],
      startDate: '2027-01-04',
      referrerContact: { name: 'Sanne Visser', email: 's.visser@example.org', role: 'wijkverpleegkundige' },
      client: {
        firstName: 'Wilhelmina',
        lastName: 'Jansen',
        birthDate: '1941-09-30',
        diagnosisGroup: 'cancer_lung',
        consentGivenBy: 'client',
        lat: 52.0937,
        lon: 5.1177,
        city: 'Utrecht',
      },
      ...input,
    });
  }
}

export class TestApp {
  readonly given: Given;

  constructor(
    readonly app: NestFastifyApplication,
    readonly db: TestDatabase,
  ) {
    this.given = new Given(app);
  }

  get dataSource(): DataSource {
    return this.app.get(getDataSourceToken());
  }

  get redis(): Redis {
    return this.app.get(REDIS_CLIENT);
  }

  async request<T = any>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await this.app.inject({ method, url, headers, payload, remoteAddress: options.remoteAddress });
    const type = String(response.headers['content-type'] ?? '');
    const body = type.includes('json') && response.body ? JSON.parse(response.body) : response.body;
    return { status: response.statusCode, body, headers: response.headers as HttpResult['headers'] };
  }

  async login(email: string, password = PASSWORD): Promise<string> {
    const response = await this.request('POST', '/api/auth/login', { body: { email, password } });
    if (response.status !== 200) throw new Error(`login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.accessToken;
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.db.drop();
  }
}

/** Deletes every key of this test worker (its REDIS_PREFIX): as if Redis had been flushed for it. */
export async function clearRedis(redis: Redis): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${process.env.REDIS_PREFIX}:*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/**
 * The real app (Fastify, guards, filters, pipes) on a fresh database of its own and a flushed Redis
 * key prefix of this Jest worker. `withWorker` also runs the outbox relay and job processors.
 */
export async function startTestApp(options: { withWorker?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const redis = new Redis(process.env.REDIS_URL as string);
  await clearRedis(redis);
  await redis.quit();
  process.env.DATABASE_URL = db.url;
  process.env.DATABASE_OWNER_URL = db.ownerUrl;
  Object.assign(process.env, options.env ?? {});
  const app = await createApp({ withWorker: options.withWorker ?? false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return new TestApp(app, db);
}
