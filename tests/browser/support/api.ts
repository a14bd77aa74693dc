import createClient, { Client } from 'openapi-fetch';
import { randomBytes } from 'node:crypto';
import type { components, paths } from '../../../apps/portal/src/shared/api/schema';
import { Mailbox, requiredEnv } from './mailbox';

/**
 * Test data through the public API only (what the portal itself uses), typed by the portal's generated
 * client, so a test can never set up a state the API would refuse.
 */
export type Schemas = components['schemas'];
export type Api = Client<paths>;
export type Kind = Schemas['CreateProgrammeDto']['kind'];
export type Slot = Schemas['SlotDto'];

/** A password the policy accepts; every user the helpers make has it unless told otherwise. */
export const PASSWORD = 'een lange wandeling langs de Vecht';

/** Every part of every day: a volunteer who can sit with someone at any hour (vigils). */
export const EVERY_SLOT: Slot[] = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).flatMap((day) =>
  (['morning', 'afternoon', 'evening', 'night'] as const).map((part) => ({ day, part })),
);

/** A client of the API, as `token`'s user when given. Talks to 127.0.0.1 directly (the browser uses localhost). */
export function api(token?: string): Api {
  return createClient<paths>({ baseUrl: requiredEnv('BROWSER_API_URL'), headers: token ? { authorization: `Bearer ${token}` } : {} });
}

/** The data of a successful answer; otherwise an error naming the call, status and error code. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>, what: string): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new Error(`${what}: ${response.status} ${JSON.stringify(error)}`);
  return data as T;
}

export async function login(email: string, password = PASSWORD): Promise<string> {
  const tokens = await ok(api().POST('/api/auth/login', { body: { email, password } }), `login of ${email}`);
  if (!('accessToken' in tokens)) throw new Error(`login of ${email} asks for a second factor`);
  return tokens.accessToken;
}

export interface Person {
  id: string;
  email: string;
  password: string;
  /** An access token (15 minutes: enough for a test's setup). */
  token: string;
}

export interface Organisation {
  id: string;
  name: string;
  admin: Person;
}

export interface Volunteer {
  id: string;
  email: string;
  /** Set when the volunteer has a login with `PASSWORD` (`login: true`). */
  user?: Person;
}

/** Test data of one test file: its own organisation (made on first use), so files never collide. */
export class Given {
  private org?: Promise<Organisation>;
  private coordinatorOf?: Promise<Person>;
  private readonly programmes = new Map<Kind, Promise<Schemas['ProgrammeDto']>>();
  private source?: Promise<Schemas['ReferralSourceDto']>;
  private counter = 0;

  constructor(readonly mailbox = new Mailbox()) {}

  /** A new address nobody has (example.org never receives mail; ours goes to the mailbox). */
  email(prefix = 'persoon'): string {
    return `${prefix}.${++this.counter}.${randomBytes(3).toString('hex')}@example.org`;
  }

  /** This file's organisation, created by the hosting organisation's (bootstrap) admin, with its first admin. */
  organisation(): Promise<Organisation> {
    this.org ??= (async () => {
      const host = await login(requiredEnv('BROWSER_ADMIN_EMAIL'), requiredEnv('BROWSER_ADMIN_PASSWORD'));
      const admin = { email: this.email('beheerder'), name: 'Beheerder Test', password: PASSWORD };
      const name = `Hospice ${randomBytes(3).toString('hex')}`;
      const created = await ok(api(host).POST('/api/organisations', { body: { name, admin } }), 'organisation');
      return { id: created.organisation.id, name, admin: { id: created.admin.id, email: admin.email, password: PASSWORD, token: await login(admin.email) } };
    })();
    return this.org;
  }

  /** A new user of the organisation with a password (admins make them). */
  async user(role: Schemas['CreateUserDto']['role'], options: { name?: string; volunteerId?: string; referralSourceId?: string } = {}): Promise<Person> {
    const { admin } = await this.organisation();
    const email = this.email(role);
    const body = { email, name: options.name ?? `Test ${role}`, role, password: PASSWORD, volunteerId: options.volunteerId, referralSourceId: options.referralSourceId };
    const user = await ok(api(admin.token).POST('/api/users', { body }), `user ${role}`);
    return { id: user.id, email, password: PASSWORD, token: await login(email) };
  }

  /** The file's coordinator (one; `user('coordinator')` for more). */
  coordinator(): Promise<Person> {
    this.coordinatorOf ??= this.user('coordinator', { name: 'Carla Coördinator' });
    return this.coordinatorOf;
  }

  /** The file's programme of this kind, with the kind's defaults (vigils: waves of 3, every 30 minutes). */
  programme(kind: Kind = 'buddy', input: Partial<Schemas['CreateProgrammeDto']> = {}): Promise<Schemas['ProgrammeDto']> {
    let programme = this.programmes.get(kind);
    if (!programme) {
      programme = this.organisation().then(async ({ admin }) => {
        const vigil = kind === 'vigil' ? { vigilWaveSize: 3, vigilWaveIntervalMinutes: 30, vigilEscalationMinutes: 60 } : {};
        const body = { name: `${kind} ${++this.counter}`, kind, active: true, ...vigil, ...input };
        return ok(api(admin.token).POST('/api/programmes', { body }), `programme ${kind}`);
      });
      this.programmes.set(kind, programme);
    }
    return programme;
  }

  /** The file's referral source (feedback off: it would only add mail). */
  referralSource(): Promise<Schemas['ReferralSourceDto']> {
    this.source ??= this.coordinator().then((c) =>
      ok(api(c.token).POST('/api/referral-sources', { body: { name: 'Buurtzorg Utrecht-Oost', type: 'home_care', feedbackChannel: 'none', active: true, locale: 'nl' } }), 'referral source'),
    );
    return this.source;
  }

  /**
   * An active volunteer in Utrecht (a coordinator adds them) who can be matched in the programme of
   * `kind`: its kind, the credentials it requires, free when its requests are (buddy: Tuesday and Thursday
   * afternoons; vigil: always). `invite` mails an invitation (read it with `invitationLink`);
   * `login` gives them a login with `PASSWORD` at once.
   */
  async volunteer(options: { kind?: Kind; invite?: boolean; login?: boolean; firstName?: string; locale?: 'nl' | 'en'; km?: number } = {}): Promise<Volunteer> {
    const kind = options.kind ?? 'buddy';
    const [coordinator, programme] = await Promise.all([this.coordinator(), this.programme(kind)]);
    const email = this.email('vrijwilliger');
    const availability: Slot[] = kind === 'vigil' ? EVERY_SLOT : [{ day: 'tue', part: 'afternoon' }, { day: 'thu', part: 'afternoon' }];
    const body: Schemas['CreateVolunteerDto'] = {
      firstName: options.firstName ?? 'Marieke',
      lastName: `de Vries ${++this.counter}`,
      birthDate: '1958-04-12',
      gender: 'female',
      email,
      city: 'Utrecht',
      lat: 52.0907 + (options.km ?? 0) / 111.195,
      lon: 5.1214,
      kinds: [kind],
      programmeIds: [programme.id],
      availability,
      maxTravelKm: 10,
      maxConcurrentClients: 5,
      status: 'active',
      invite: options.invite ? { locale: options.locale ?? 'nl' } : undefined,
    };
    const volunteer = await ok(api(coordinator.token).POST('/api/volunteers', { body }), 'volunteer');
    for (const type of programme.requiredCredentials) {
      const credential = { type, issuedOn: '2024-01-01', expiresOn: type === 'vog' ? '2030-01-01' : null };
      await ok(api(coordinator.token).POST('/api/volunteers/{id}/credentials', { params: { path: { id: volunteer.id } }, body: credential }), `credential ${type}`);
    }
    const user = options.login ? await this.user('volunteer', { name: `${body.firstName} ${body.lastName}`, volunteerId: volunteer.id }) : undefined;
    return { id: volunteer.id, email: user?.email ?? email, user };
  }

  /** The path (with `#token=…`) of the newest invitation mailed to `email`, to open against baseURL. */
  invitationLink(email: string): Promise<string> {
    return this.mailbox.link(email, '/invitation');
  }

  /** Accepts the newest invitation to `email` through the API (not the screen) and logs in. */
  async acceptInvitation(email: string, password = PASSWORD): Promise<Omit<Person, 'id'>> {
    const token = new URLSearchParams((await this.invitationLink(email)).split('#')[1]).get('token') ?? '';
    await ok(api().POST('/api/invitations/accept', { body: { token, password } }), 'accepting the invitation');
    return { email, password, token: await login(email, password) };
  }

  /** A submitted vigil request for tonight (in 3 hours, for 8), by the coordinator for the file's source. */
  async vigilRequest(input: Partial<Schemas['SubmitRequestDto']> = {}): Promise<Schemas['RequestDto']> {
    const start = new Date(Date.now() + 3 * 3_600_000);
    const vigilWindow = { start: start.toISOString(), end: new Date(start.getTime() + 8 * 3_600_000).toISOString() };
    return this.request({ programmeId: (await this.programme('vigil')).id, vigilWindow, desiredSlots: [], startDate: null, urgency: 'urgent', ...input });
  }

  /** A submitted buddy request for Wilhelmina Jansen in Utrecht, Tuesday afternoons (any programme with `programmeId`). */
  async request(input: Partial<Schemas['SubmitRequestDto']> = {}): Promise<Schemas['RequestDto']> {
    const [coordinator, source] = await Promise.all([this.coordinator(), this.referralSource()]);
    const body: Schemas['SubmitRequestDto'] = {
      programmeId: input.programmeId ?? (await this.programme('buddy')).id,
      referralSourceId: source.id,
      desiredSlots: [{ day: 'tue', part: 'afternoon' }],
      startDate: '2027-01-04',
      referrerContact: { name: 'Sanne Visser', email: 's.visser@example.org', role: 'wijkverpleegkundige' },
      client: { firstName: 'Wilhelmina', lastName: 'Jansen', birthDate: '1941-09-30', diagnosisGroup: 'cancer_lung', consentGivenBy: 'client', lat: 52.0937, lon: 5.1177, city: 'Utrecht' },
      ...input,
    };
    return ok(api(coordinator.token).POST('/api/requests', { body }), 'request');
  }

  /** The coordinator accepts the request at triage (a vigil's offer waves start). */
  async triage(requestId: string): Promise<Schemas['RequestDto']> {
    const coordinator = await this.coordinator();
    return ok(api(coordinator.token).POST('/api/requests/{id}/triage', { params: { path: { id: requestId } }, body: { decision: 'accept' } }), 'triage');
  }

  /** The coordinator proposes the volunteer for a triaged request: a proposed match the volunteer answers. */
  async propose(requestId: string, volunteerId: string): Promise<Schemas['MatchDto']> {
    const coordinator = await this.coordinator();
    return ok(api(coordinator.token).POST('/api/requests/{id}/matches', { params: { path: { id: requestId } }, body: { volunteerId } }), 'proposal');
  }
}
