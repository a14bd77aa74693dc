import * as argon2 from 'argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  ConsentGiver,
  countSlots,
  CredentialType,
  DIAGNOSIS_GROUPS,
  DiagnosisGroup,
  FULL_WEEK_MASK,
  LivingSituation,
  maskOfInterval,
  ProgrammeKind,
  ReferralSourceType,
  VolunteerStatus,
} from '@app/core';
import { PROGRAMME_DEFAULTS } from '@app/programmes';
import { DUTCH_OLDER, DUTCH_SURNAMES, DUTCH_YOUNGER, INTERESTS, ORIGIN_WEIGHTS, OTHER_ORIGINS } from './names';
import { PLACES, STREETS } from './places';

export interface SeedOptions {
  databaseUrl: string;
  volunteers: number;
  requests: number;
  organisation: string;
  seed: number;
}

export interface SeedResult {
  organisationId: string;
  /** The one password of every user this run made. */
  password: string;
  /** One login of every role, for the summary. */
  logins: Array<{ role: string; email: string; name: string }>;
  counts: Record<string, number>;
  seconds: number;
}

// ---------------------------------------------------------------------------------------------
// Randomness: mulberry32, one stream per kind of data, so `--seed` reproduces the same people and
// the volunteers of a seed do not change when only the number of requests does.

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const chance = (p: number) => next() < p;
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1][0];
  };
  /** Up to n distinct draws from a weighted table. */
  const distinct = <T>(items: readonly (readonly [T, number])[], n: number): T[] => {
    const out = new Set<T>();
    for (let tries = 0; out.size < n && tries < n * 10; tries++) out.add(weighted(items));
    return [...out];
  };
  const normal = (mean: number, sd: number) => mean + sd * Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next());
  return { next, int, pick, chance, weighted, distinct, normal };
}
type Random = ReturnType<typeof prng>;
const stream = (seed: number, n: number) => prng(Math.imul(seed ^ 0x9e3779b9, 2654435761) + n * 0x85ebca6b);

// ---------------------------------------------------------------------------------------------
// Dates. "Today" is the date in Amsterdam; absences and vigil windows are Amsterdam wall-clock times (DST-aware).

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const AMSTERDAM = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });

/** The Amsterdam wall clock of an instant, encoded as if it were UTC (for date arithmetic). */
function amsterdamWall(ms: number): number {
  const parts = Object.fromEntries(AMSTERDAM.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), new Date(ms).getUTCMinutes());
}

/** The instant at which Amsterdam's clock shows `wall` (a UTC-encoded wall-clock time). */
function fromAmsterdamWall(wall: number): Date {
  let t = wall - HOUR_MS;
  for (let i = 0; i < 3; i++) t += wall - amsterdamWall(t);
  return new Date(t);
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// Tables of the domain.

const KIND_WEIGHTS: readonly (readonly [ProgrammeKind, number])[] = [
  ['buddy', 40],
  ['practical', 25],
  ['vigil', 18],
  ['peer', 10],
  ['navigator', 7],
];

/** Diagnoses of people in the last phase of life who get volunteer support. */
const DIAGNOSIS_WEIGHTS: readonly (readonly [DiagnosisGroup, number])[] = [
  ['cancer_lung', 11],
  ['cancer_colorectal', 7],
  ['cancer_breast', 6],
  ['cancer_prostate', 5],
  ['cancer_other', 11],
  ['heart_failure', 12],
  ['copd', 10],
  ['dementia', 12],
  ['frailty', 12],
  ['stroke', 5],
  ['kidney_failure', 3],
  ['parkinson', 3],
  ['als', 1],
  ['other', 2],
];
/** What peer buddies lived through: mostly cancer (Buddyhuis). */
const LIVED_WEIGHTS: readonly (readonly [DiagnosisGroup, number])[] = [
  ['cancer_breast', 25],
  ['cancer_colorectal', 12],
  ['cancer_lung', 8],
  ['cancer_prostate', 10],
  ['cancer_other', 20],
  ['heart_failure', 8],
  ['copd', 5],
  ['kidney_failure', 5],
  ['als', 2],
  ['parkinson', 5],
];
const CANCER = DIAGNOSIS_GROUPS.filter((g) => g.startsWith('cancer_'));

const DIAGNOSIS_DETAILS: Partial<Record<DiagnosisGroup, readonly string[]>> = {
  cancer_lung: ['Longkanker, uitgezaaid naar de botten', 'Niet-kleincellig longcarcinoom, palliatieve chemo gestopt'],
  cancer_colorectal: ['Darmkanker met levermetastasen', 'Rectumcarcinoom, stoma'],
  cancer_breast: ['Borstkanker, recidief', 'Gemetastaseerd mammacarcinoom'],
  cancer_prostate: ['Prostaatkanker, hormoontherapie werkt niet meer'],
  cancer_other: ['Alvleesklierkanker', 'Slokdarmkanker', 'Hersentumor (glioblastoom)', 'Eierstokkanker'],
  heart_failure: ['Hartfalen NYHA IV', 'Ernstig hartfalen, vaak benauwd'],
  copd: ['COPD GOLD 4, zuurstof thuis', 'Ernstig COPD, vaak opgenomen'],
  dementia: ['Ziekte van Alzheimer, gevorderd', 'Vasculaire dementie'],
  frailty: ['Kwetsbare ouderdom, meerdere valpartijen', 'Algehele achteruitgang'],
  stroke: ['Herseninfarct, halfzijdig verlamd'],
  kidney_failure: ['Gestopt met dialyse'],
  parkinson: ['Ziekte van Parkinson, gevorderd'],
  als: ['ALS, snel progressief'],
};

const NEEDS = {
  physical: ['Snel moe, loopt met rollator', 'Kan niet meer zelf boodschappen doen', 'Grotendeels bedlegerig', 'Benauwd bij inspanning', 'Pijn is onder controle, wel erg moe'],
  psychological: ['Angstig over wat komen gaat', 'Somber sinds de diagnose', 'Wil graag praten over de ziekte', 'Onrustig in de avond', 'Piekert veel over de kinderen'],
  social: ['Weinig bezoek sinds partner overleed', 'Familie woont ver weg', 'Mist contact met de buurt', 'Partner is overbelast en wil even rust', 'Wil graag nog eens naar buiten'],
  spiritual: ['Wil praten over het leven en wat het betekende', 'Zoekt rust en betekenis', 'Gelovig, wil graag samen bidden', 'Wil levensverhaal vastleggen voor kleinkinderen'],
} as const;

const REFERRER_NOTES = [
  'Dochter is mantelzorger en raakt overbelast.',
  'Cliënt is slechthorend, graag duidelijk praten.',
  'Er is een hond in huis.',
  'Cliënt wil liever een vrouwelijke vrijwilliger.',
  'Huisarts is op de hoogte van de aanmelding.',
  'Palliatieve sedatie is besproken.',
];

const ABSENCES: readonly (readonly [string, number])[] = [
  ['Vakantie', 70],
  ['Ziekenhuisopname', 8],
  ['Op familiebezoek', 12],
  ['Mantelzorg voor eigen ouder', 10],
];

interface SourceSpec {
  type: ReferralSourceType;
  name: string;
  /** How many requests come from it, relative to the others. */
  weight: number;
  /** The referrer's role, for the request's referrer contact. */
  role: string;
}
const SOURCES: readonly SourceSpec[] = [
  { type: 'hospital', name: 'UMC Utrecht – afdeling oncologie', weight: 12, role: 'verpleegkundig specialist' },
  { type: 'hospital', name: 'Erasmus MC – consultatieteam palliatieve zorg', weight: 10, role: 'verpleegkundige palliatieve zorg' },
  { type: 'gp', name: 'Huisartsenpraktijk De Linde', weight: 6, role: 'praktijkondersteuner' },
  { type: 'gp', name: 'Gezondheidscentrum De Hoven', weight: 5, role: 'huisarts' },
  { type: 'gp', name: 'Huisartsenpraktijk Het Kastanjeplein', weight: 4, role: 'praktijkondersteuner' },
  { type: 'home_care', name: 'Buurtzorg team Oost', weight: 12, role: 'wijkverpleegkundige' },
  { type: 'home_care', name: 'Buurtzorg team Centrum', weight: 10, role: 'wijkverpleegkundige' },
  { type: 'home_care', name: 'Zorggroep Noorderbreedte – wijkverpleging', weight: 8, role: 'wijkverpleegkundige' },
  { type: 'neighbourhood_team', name: 'Sociaal wijkteam Noord', weight: 6, role: 'wijkcoach' },
  { type: 'neighbourhood_team', name: 'Buurtteam Lombok', weight: 4, role: 'buurtteammedewerker' },
  { type: 'volunteer_org', name: 'Humanitas afdeling Midden', weight: 4, role: 'coördinator' },
  { type: 'caregiver_support', name: 'Steunpunt Mantelzorg', weight: 5, role: 'mantelzorgconsulent' },
  { type: 'other', name: 'Hospice De Vlinder', weight: 6, role: 'hospicecoördinator' },
];
const GP_PRACTICES = ['Huisartsenpraktijk De Linde', 'Gezondheidscentrum De Hoven', 'Huisartsenpraktijk Het Kastanjeplein', 'Huisartsen Oost', 'Huisartsenpraktijk Dorpsstraat', 'Medisch Centrum West'];

/** The trainings a volunteer of each kind holds besides the VOG: what the kind's programmes require. */
const TRAININGS = Object.fromEntries(
  (Object.keys(PROGRAMME_DEFAULTS) as ProgrammeKind[]).map((kind) => [kind, PROGRAMME_DEFAULTS[kind].requiredCredentials.filter((c) => c !== 'vog')]),
) as Record<ProgrammeKind, CredentialType[]>;

const PROGRAMME_NAMES: Record<ProgrammeKind, [string, string]> = {
  buddy: ['Buddyzorg', 'Wekelijks bezoek van een vaste buddy, thuis of mee naar het ziekenhuis, tot een jaar.'],
  navigator: ['Navigatoren', 'Een getrainde navigator wijst cliënt en naasten de weg naar zorg en ondersteuning in de buurt.'],
  peer: ["Ervaringsdeskundige buddy's", 'Een buddy die dezelfde ziekte heeft doorgemaakt.'],
  vigil: ['Waken', 'Vrijwilligers waken bij iemand in de laatste dagen of nachten, thuis, in het hospice of in het ziekenhuis.'],
  practical: ['Goede buren', 'Praktische hulp dichtbij: boodschappen, vervoer, meegaan naar een afspraak.'],
};

// ---------------------------------------------------------------------------------------------
// People, places, availability.

const ORIGINS = Object.entries(ORIGIN_WEIGHTS);
const INTEREST_TABLE = INTERESTS.map((t) => [t, 1] as const);

function person(random: Random, female: boolean, birthYear: number) {
  const origin = random.weighted(ORIGINS);
  const other = OTHER_ORIGINS.find((o) => o.origin === origin);
  if (other) return { firstName: random.pick(female ? other.female : other.male), lastName: random.pick(other.surnames), language: other.language };
  const names = birthYear < 1965 || (birthYear < 1975 && random.chance(0.3)) ? DUTCH_OLDER : DUTCH_YOUNGER;
  return { firstName: random.pick(female ? names.female : names.male), lastName: random.pick(DUTCH_SURNAMES), language: null };
}

function fullName(random: Random): string {
  const who = person(random, random.chance(0.7), 1975);
  return `${who.firstName} ${who.lastName}`;
}

const POSTCODE_LETTERS = [...'ABCDEGHJKLMNPRSTVWXZ']; // F, I, O, Q, U and Y are not used in Dutch postcodes

function placeSampler(random: Random) {
  const table = PLACES.map((p) => [p, p.weight] as const);
  return () => {
    const place = random.weighted(table);
    const distance = Math.sqrt(random.next()) * place.spreadKm;
    const bearing = random.next() * 2 * Math.PI;
    const lat = place.lat + (distance / 111.32) * Math.cos(bearing);
    const lon = place.lon + (distance / (111.32 * Math.cos((place.lat * Math.PI) / 180))) * Math.sin(bearing);
    let letters: string;
    do letters = random.pick(POSTCODE_LETTERS) + random.pick(POSTCODE_LETTERS);
    while (letters === 'SA' || letters === 'SD' || letters === 'SS');
    return {
      city: place.city,
      lat: Math.round(lat * 1e6) / 1e6,
      lon: Math.round(lon * 1e6) / 1e6,
      postcode: `${random.int(place.postcodes[0], place.postcodes[1])}${letters}`,
      houseNumber: random.chance(0.1) ? `${random.int(1, 120)}${random.pick(['a', 'b', '-1', '-2'])}` : String(random.int(1, 180)),
    };
  };
}

const bit = (day: number, part: number) => 1 << (day * 4 + part);

/** Weekly availability as people have it: retirees in the daytime, working people evenings and weekends, vigil volunteers some nights. */
function availability(random: Random, retired: boolean, vigil: boolean): number {
  let mask = 0;
  if (retired) {
    for (let n = random.int(3, 8); n > 0; n--) mask |= bit(random.chance(0.8) ? random.int(0, 4) : random.int(5, 6), random.weighted([[0, 5], [1, 4], [2, 1]] as const));
  } else {
    for (let n = random.int(1, 3); n > 0; n--) mask |= bit(random.int(0, 4), 2);
    for (let n = random.int(0, 3); n > 0; n--) mask |= bit(random.int(5, 6), random.int(0, 1));
    if (random.chance(0.25)) for (let n = random.int(1, 3); n > 0; n--) mask |= bit(random.int(0, 4), random.int(0, 1)); // part-time
  }
  if (vigil) for (let n = random.int(1, retired ? 4 : 2); n > 0; n--) mask |= bit(random.int(0, 6), 3);
  return mask & FULL_WEEK_MASK;
}

/** Slots a referrer asks for: mostly weekday daytime, some early evenings. */
function desiredSlots(random: Random): number {
  let mask = 0;
  const n = random.int(2, 6);
  while (countSlots(mask) < n) mask |= bit(random.chance(0.85) ? random.int(0, 4) : random.int(5, 6), random.weighted([[0, 5], [1, 5], [2, 2]] as const));
  return mask;
}

// ---------------------------------------------------------------------------------------------
// Writing: one `INSERT … SELECT … FROM unnest($1::text[], …)` per chunk, every column one array.

type Columns = Record<string, string>;
type Row = unknown[];

const pgArray = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
const asText = (v: unknown): string | null => (v == null ? null : typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v));

async function insert(db: Client, table: string, columns: Columns, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const params = names.map((_, c) => rows.map((row) => asText(row[c])));
  const select = names.map((name, c) => `c${c}::${columns[name]}`).join(', ');
  const arrays = names.map((_, c) => `$${c + 1}::text[]`).join(', ');
  const aliases = names.map((_, c) => `c${c}`).join(', ');
  await db.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT ${select} FROM unnest(${arrays}) AS t(${aliases})`, params);
}

const VOLUNTEER_COLUMNS: Columns = {
  id: 'uuid', organisation_id: 'uuid', first_name: 'text', last_name: 'text', email: 'text', phone: 'text', birth_date: 'date', gender: 'text',
  languages: 'text[]', postcode: 'text', house_number: 'text', city: 'text', lat: 'float8', lon: 'float8', max_travel_km: 'int', kinds: 'text[]',
  programme_ids: 'uuid[]', availability_mask: 'int', max_concurrent_clients: 'int', lived_experience_diagnoses: 'text[]', experience_diagnoses: 'text[]',
  preferred_client_age_min: 'int', preferred_client_age_max: 'int', interests: 'text[]', status: 'text', status_changed_at: 'timestamptz', created_at: 'timestamptz',
};
const CREDENTIAL_COLUMNS: Columns = { id: 'uuid', volunteer_id: 'uuid', type: 'text', issued_on: 'date', expires_on: 'date' };
const PERIOD_COLUMNS: Columns = { id: 'uuid', volunteer_id: 'uuid', starts_at: 'timestamptz', ends_at: 'timestamptz', reason: 'text' };
const CLIENT_COLUMNS: Columns = {
  id: 'uuid', organisation_id: 'uuid', referral_source_id: 'uuid', first_name: 'text', last_name: 'text', birth_date: 'date', gender: 'text', street: 'text',
  house_number: 'text', postcode: 'text', city: 'text', lat: 'float8', lon: 'float8', phone: 'text', languages: 'text[]', diagnosis_group: 'text',
  diagnosis_details: 'text', living_situation: 'text', relatives: 'jsonb', gp: 'jsonb', consent_given_at: 'timestamptz', consent_given_by: 'text', created_at: 'timestamptz',
};
const REQUEST_COLUMNS: Columns = {
  id: 'uuid', organisation_id: 'uuid', programme_id: 'uuid', client_id: 'uuid', referral_source_id: 'uuid', submitted_by_user_id: 'uuid', kind: 'text',
  status: 'text', urgency: 'text', needs: 'jsonb', desired_mask: 'int', frequency: 'text', start_date: 'date', vigil_window_start: 'timestamptz',
  vigil_window_end: 'timestamptz', postcode: 'text', house_number: 'text', city: 'text', lat: 'float8', lon: 'float8', preferences: 'jsonb',
  referrer_contact: 'jsonb', referrer_notes: 'text', submitted_at: 'timestamptz', triaged_at: 'timestamptz', created_at: 'timestamptz', updated_at: 'timestamptz',
};

/** Rows per INSERT; smaller for small runs, so progress is reported at least every 10 %. */
const CHUNK = 5000;
const chunkFor = (total: number) => Math.max(1, Math.min(CHUNK, Math.ceil(total / 10)));
const crossedTenth = (done: number, added: number, total: number) => Math.floor((done * 10) / total) > Math.floor(((done - added) * 10) / total);

const asciiName = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ı/g, 'i').replace(/ł/g, 'l').replace(/[^a-z]+/g, '');
const mobile = (random: Random) => `06-${random.int(10_000_000, 99_999_999)}`;
const landline = (random: Random) => `0${random.int(10, 79)}-${random.int(1_000_000, 9_999_999)}`;

/**
 * A whole demo organisation: programmes of every kind, referral sources of every type with a referrer
 * each, an admin and coordinators, `volunteers` volunteers with credentials and absences, and
 * `requests` open requests each with its own client. All in one transaction: a failed run leaves nothing.
 */
export async function seed(options: SeedOptions, log: (line: string) => void = () => undefined): Promise<SeedResult> {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const password = `demo-password-${options.seed}`;
  // Hashed once (the parameters of PasswordService) while the volunteers are written, and shared by every user.
  const passwordHash = argon2.hash(password, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  passwordHash.catch(() => undefined); // awaited below; an early failure must not count as unhandled

  const now = Date.now();
  const todayWall = amsterdamWall(now);
  const today = todayWall - (todayWall % DAY_MS); // today's date in Amsterdam, at 00:00 "UTC"
  const daysAgo = (days: number) => today - days * DAY_MS;

  const organisationId = randomUUID();
  const base = options.organisation
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30)
    .replace(/-+$/, '');
  const slug = `${base || 'demo'}-${organisationId.slice(0, 6)}`; // a second run gets other emails, so each printed login opens exactly one account
  const counts: Record<string, number> = {};

  const db = new Client({ connectionString: options.databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query(`INSERT INTO organisation (id, name, is_host, settings) VALUES ($1, $2, false, '{}')`, [organisationId, options.organisation]);

    // Programmes: one of every kind with the kind's defaults, and a navigator programme with EU-NAVIGATE's inclusion rule.
    const programmes = (Object.keys(PROGRAMME_DEFAULTS) as ProgrammeKind[]).map((kind) => ({
      id: randomUUID(),
      kind,
      name: PROGRAMME_NAMES[kind][0],
      description: PROGRAMME_NAMES[kind][1],
      minClientAge: null as number | null,
      diagnosisGroups: [] as DiagnosisGroup[],
    }));
    programmes.push({
      id: randomUUID(),
      kind: 'navigator',
      name: 'Navigatoren 70+ oncologie (EU-NAVIGATE)',
      description: 'Navigatoren voor mensen van 70 jaar en ouder met kanker, volgens de Nav-CARE-methode.',
      minClientAge: 70,
      diagnosisGroups: [...CANCER],
    });
    await insert(
      db,
      'programme',
      {
        id: 'uuid', organisation_id: 'uuid', name: 'text', kind: 'text', description: 'text', required_credentials: 'text[]', min_client_age: 'int', diagnosis_groups: 'text[]',
        max_match_months: 'int', max_distance_km: 'int', scoring_weights: 'jsonb', follow_up_schedule: 'jsonb', vigil_wave_size: 'int', vigil_wave_interval_minutes: 'int', vigil_escalation_minutes: 'int', max_vigil_hours: 'int',
      },
      programmes.map((p) => {
        const d = PROGRAMME_DEFAULTS[p.kind];
        return [
          p.id, organisationId, p.name, p.kind, p.description, pgArray(d.requiredCredentials), p.minClientAge, pgArray(p.diagnosisGroups), d.maxMatchMonths, d.maxDistanceKm,
          d.scoringWeights, d.followUpSchedule, d.vigilWaveSize, d.vigilWaveIntervalMinutes, d.vigilEscalationMinutes, d.maxVigilHours,
        ];
      }),
    );
    counts.programmes = programmes.length;
    const general = (kind: ProgrammeKind) => programmes.find((p) => p.kind === kind) as (typeof programmes)[number];
    const euNavigate = programmes[programmes.length - 1];

    // Referral sources of every type, feedback by email; the first hospital takes a webhook.
    const staff = stream(options.seed, 1);
    const sources = SOURCES.map((spec, i) => ({
      ...spec,
      id: randomUUID(),
      contact: fullName(staff),
      webhook: i === 0,
      userId: randomUUID(),
      userEmail: `referrer${i + 1}@${slug}.example`,
    }));
    await insert(
      db,
      'referral_source',
      { id: 'uuid', organisation_id: 'uuid', name: 'text', type: 'text', contact_name: 'text', contact_email: 'text', contact_phone: 'text', feedback_channel: 'text', feedback_email: 'text', webhook_url: 'text', webhook_secret: 'text' },
      sources.map((s, i) => [
        s.id, organisationId, s.name, s.type, s.contact, `contact${i + 1}@${slug}.example`, landline(staff),
        s.webhook ? 'webhook' : 'email', s.webhook ? null : `terugkoppeling${i + 1}@${slug}.example`,
        s.webhook ? `https://example.org/hooks/${slug}/${s.id.slice(0, 8)}` : null, s.webhook ? randomBytes(32).toString('base64url') : null,
      ]),
    );
    counts.referralSources = sources.length;

    // Volunteers, their credentials and absences, written chunk by chunk as they are made.
    const vr = stream(options.seed, 2);
    const place = placeSampler(vr);
    const volunteerLogins: Array<{ id: string; name: string; email: string }> = [];
    const chunk = chunkFor(options.volunteers);
    counts.volunteers = counts.credentials = counts.unavailablePeriods = 0;
    for (let start = 0; start < options.volunteers; start += chunk) {
      const volunteers: Row[] = [];
      const credentials: Row[] = [];
      const periods: Row[] = [];
      for (let i = start; i < Math.min(start + chunk, options.volunteers); i++) {
        const id = randomUUID();
        const female = vr.chance(0.76);
        const gender = vr.chance(0.01) ? vr.pick(['non_binary', 'unspecified']) : female ? 'female' : 'male';
        // Many retirees (55–75), and working people of every age.
        const age = Math.round(Math.min(88, Math.max(18, vr.chance(0.55) ? vr.normal(66, 6) : vr.normal(45, 11))));
        const birth = daysAgo(Math.floor((age + vr.next()) * 365.25));
        const who = person(vr, female, new Date(birth).getUTCFullYear());
        const retired = age >= 66 || (age >= 58 && vr.chance(0.5));
        const kinds = vr.distinct(KIND_WEIGHTS, vr.weighted([[1, 60], [2, 30], [3, 10]] as const));
        const status = vr.weighted([['active', 80], ['paused', 10], ['applicant', 7], ['inactive', 3]] as const) as VolunteerStatus;
        const joined = status === 'applicant' ? vr.int(0, 120) : Math.min(vr.int(60, 3650), (age - 18) * 365); // days ago
        const at = place();
        const languages = ['nl'];
        if (who.language && vr.chance(0.7)) languages.push(who.language);
        else if (vr.chance(0.12)) languages.push(vr.weighted([['en', 6], ['de', 2], ['fr', 1], ['ar', 1], ['tr', 1], ['pl', 1]] as const));
        const lived = kinds.includes('peer') ? vr.distinct(LIVED_WEIGHTS, 1) : [];
        const experience = [...new Set([...lived, ...vr.distinct(DIAGNOSIS_WEIGHTS, vr.int(0, 3))])];
        const ageRange = vr.chance(0.15) ? vr.pick([[60, 85], [65, 95], [70, 100], [50, 80], [40, 75]] as const) : null;
        const programmeIds = kinds.flatMap((k) => (k === 'navigator' && vr.chance(0.6) ? [general(k).id, euNavigate.id] : [general(k).id]));
        const email = `${asciiName(who.firstName)}.${asciiName(who.lastName)}${vr.int(1, 999)}@example.net`;
        const statusChanged = status === 'paused' || status === 'inactive' ? Math.max(daysAgo(joined), now - vr.int(1, 300) * DAY_MS) : daysAgo(joined);
        volunteers.push([
          id, organisationId, who.firstName, who.lastName, email, mobile(vr), isoDate(birth), gender, pgArray(languages), at.postcode, at.houseNumber, at.city, at.lat, at.lon,
          vr.weighted([[5, 15], [10, 30], [15, 25], [20, 15], [25, 8], [30, 7]] as const), pgArray(kinds), pgArray(programmeIds),
          availability(vr, retired, kinds.includes('vigil')), vr.weighted([[1, 65], [2, 27], [3, 8]] as const), pgArray(lived), pgArray(experience),
          ageRange?.[0] ?? null, ageRange?.[1] ?? null, pgArray(vr.distinct(INTEREST_TABLE, vr.int(1, 3))), status, new Date(statusChanged), new Date(daysAgo(joined)),
        ]);
        if (status === 'active' && volunteerLogins.length < 5) volunteerLogins.push({ id, name: `${who.firstName} ${who.lastName}`, email: `volunteer${volunteerLogins.length + 1}@${slug}.example` });

        // A VOG issued up to four years ago, valid three years (so some have expired); applicants often still wait for theirs.
        if (vr.chance(status === 'applicant' ? 0.6 : 0.975)) {
          const issued = daysAgo(vr.int(0, Math.min(4 * 365, joined)));
          credentials.push([randomUUID(), id, 'vog', isoDate(issued), isoDate(issued + 3 * 365 * DAY_MS)]);
        }
        // The trainings their kinds require (applicants are often still in training); trainings do not expire.
        for (const type of new Set(kinds.flatMap((k) => TRAININGS[k]))) {
          if (vr.chance(status === 'applicant' ? 0.3 : 0.95)) credentials.push([randomUUID(), id, type, isoDate(daysAgo(vr.int(0, joined))), null]);
        }
        if (vr.chance(0.15)) {
          const issued = daysAgo(vr.int(0, 5 * 365));
          credentials.push([randomUUID(), id, 'first_aid', isoDate(issued), isoDate(issued + 2 * 365 * DAY_MS)]);
        }
        // Holidays and other absences in the coming months.
        if (vr.chance(0.05)) {
          for (let n = vr.chance(0.2) ? 2 : 1, from = today; n > 0; n--) {
            from += vr.int(3, 90) * DAY_MS;
            const until = from + vr.int(3, 21) * DAY_MS;
            periods.push([randomUUID(), id, fromAmsterdamWall(from), fromAmsterdamWall(until), vr.weighted(ABSENCES)]);
            from = until;
          }
        }
      }
      await insert(db, 'volunteer', VOLUNTEER_COLUMNS, volunteers);
      await insert(db, 'credential', CREDENTIAL_COLUMNS, credentials);
      await insert(db, 'unavailable_period', PERIOD_COLUMNS, periods);
      counts.volunteers += volunteers.length;
      counts.credentials += credentials.length;
      counts.unavailablePeriods += periods.length;
      if (crossedTenth(counts.volunteers, volunteers.length, options.volunteers)) log(`volunteers ${counts.volunteers}/${options.volunteers} (${elapsed()})`);
    }

    // Users: one admin, two coordinators, a referrer per source, logins for the first active volunteers.
    const users = [
      { id: randomUUID(), role: 'admin', email: `admin@${slug}.example`, name: fullName(staff), sourceId: null as string | null, volunteerId: null as string | null },
      { id: randomUUID(), role: 'coordinator', email: `coordinator1@${slug}.example`, name: fullName(staff), sourceId: null, volunteerId: null },
      { id: randomUUID(), role: 'coordinator', email: `coordinator2@${slug}.example`, name: fullName(staff), sourceId: null, volunteerId: null },
      ...sources.map((s) => ({ id: s.userId, role: 'referrer', email: s.userEmail, name: s.contact, sourceId: s.id as string | null, volunteerId: null })),
      ...volunteerLogins.map((v) => ({ id: randomUUID(), role: 'volunteer', email: v.email, name: v.name, sourceId: null, volunteerId: v.id as string | null })),
    ];
    const hash = await passwordHash;
    await insert(
      db,
      'app_user',
      { id: 'uuid', organisation_id: 'uuid', email: 'text', name: 'text', role: 'text', password_hash: 'text', referral_source_id: 'uuid', volunteer_id: 'uuid' },
      users.map((u) => [u.id, organisationId, u.email, u.name, u.role, hash, u.sourceId, u.volunteerId]),
    );
    // Volunteers with a login are reached at its address.
    for (const v of volunteerLogins) await db.query('UPDATE volunteer SET email = $2 WHERE id = $1', [v.id, v.email]);
    counts.users = users.length;
    log(`users ${users.length} (${elapsed()})`);

    // Clients, each with one open request.
    const cr = stream(options.seed, 3);
    const clientPlace = placeSampler(cr);
    const sourceTable = sources.map((s) => [s, s.weight] as const);
    // Vigils run from 22:00 to 07:00 in Amsterdam, on one of the next three nights (never one already begun).
    let firstNight = today;
    if (fromAmsterdamWall(firstNight + 22 * HOUR_MS).getTime() <= now) firstNight += DAY_MS;
    const requestChunk = chunkFor(options.requests);
    counts.clients = counts.requests = 0;
    for (let start = 0; start < options.requests; start += requestChunk) {
      const clients: Row[] = [];
      const requests: Row[] = [];
      for (let i = start; i < Math.min(start + requestChunk, options.requests); i++) {
        const clientId = randomUUID();
        const female = cr.chance(0.53);
        const diagnosis = cr.weighted(DIAGNOSIS_WEIGHTS);
        const cancer = diagnosis.startsWith('cancer_');
        const [mean, sd] = cancer ? [73, 9] : diagnosis === 'dementia' || diagnosis === 'frailty' ? [85, 5] : diagnosis === 'als' ? [64, 10] : [77, 8];
        const age = Math.round(Math.min(101, Math.max(30, cr.normal(mean, sd))));
        const birth = daysAgo(Math.floor((age + cr.next()) * 365.25));
        const who = person(cr, female, new Date(birth).getUTCFullYear());
        const at = clientPlace();
        const source = cr.weighted(sourceTable);
        const kind = cr.weighted(KIND_WEIGHTS);
        const vigil = kind === 'vigil';
        const programme = kind === 'navigator' && age >= 71 && cancer && cr.chance(0.6) ? euNavigate : general(kind);
        const languages = who.language ? (cr.chance(0.3) ? [who.language] : cr.chance(0.5) ? [who.language, 'nl'] : ['nl', who.language]) : ['nl'];
        const living: LivingSituation = vigil
          ? cr.weighted([['alone', 25], ['with_partner', 30], ['hospice', 25], ['care_home', 15], ['with_family', 5]] as const)
          : cr.weighted([['alone', 42], ['with_partner', 35], ['with_family', 9], ['care_home', 10], ['hospice', 2], ['other', 2]] as const);
        const consentBy: ConsentGiver =
          diagnosis === 'dementia'
            ? cr.weighted([['legal_representative', 50], ['relative', 40], ['client', 10]] as const)
            : cr.weighted([['client', 85], ['relative', 12], ['legal_representative', 3]] as const);
        const relatives = Array.from({ length: cr.weighted([[0, 25], [1, 50], [2, 25]] as const) }, () => {
          const relation = cr.weighted([['dochter', 35], ['zoon', 30], ['partner', 20], ['buurvrouw', 10], ['nicht', 5]] as const);
          const rel = person(cr, relation === 'partner' ? !female : relation !== 'zoon', 1965);
          const family = relation === 'dochter' || relation === 'zoon';
          return { name: `${rel.firstName} ${family ? who.lastName : rel.lastName}`, relation, phone: mobile(cr) };
        });
        const gp = cr.chance(0.9) ? { name: `dr. ${cr.pick(DUTCH_SURNAMES)}`, practice: cr.pick(GP_PRACTICES), phone: landline(cr) } : null;

        // When: submitted in the last two weeks (a vigil: in the last hours); some already triaged.
        const submitted = vigil ? now - cr.int(10, 600) * 60_000 : now - cr.int(30, 14 * 24 * 60) * 60_000;
        const triaged = cr.chance(0.4) ? Math.min(now, submitted + (vigil ? cr.int(5, 60) : cr.int(30, 3 * 24 * 60)) * 60_000) : null;
        const consent = submitted - cr.int(0, 3 * 24 * 60) * 60_000;
        clients.push([
          clientId, organisationId, source.id, who.firstName, who.lastName, isoDate(birth), female ? 'female' : 'male', cr.pick(STREETS), at.houseNumber, at.postcode, at.city,
          at.lat, at.lon, cr.chance(0.8) ? mobile(cr) : null, pgArray(languages), diagnosis, cr.chance(0.7) ? cr.pick(DIAGNOSIS_DETAILS[diagnosis] ?? ['Palliatieve fase']) : null,
          living, relatives, gp, new Date(consent), consentBy, new Date(submitted),
        ]);

        let needs: Record<string, string> = Object.fromEntries(Object.entries(NEEDS).filter(() => cr.chance(0.5)).map(([dimension, texts]) => [dimension, cr.pick(texts)]));
        if (Object.keys(needs).length === 0) needs = { social: cr.pick(NEEDS.social) };
        let window: [Date, Date] | null = null;
        if (vigil) {
          const night = firstNight + cr.int(0, 2) * DAY_MS;
          window = [fromAmsterdamWall(night + 22 * HOUR_MS), fromAmsterdamWall(night + 31 * HOUR_MS)];
        }
        const preferences: Record<string, unknown> = {};
        if (languages[0] !== 'nl' && cr.chance(0.6)) preferences.language = languages[0];
        if (cr.chance(0.1)) preferences.volunteerGender = cr.chance(0.85) ? 'female' : 'male';
        if (kind === 'peer' && cr.chance(0.3)) Object.assign(preferences, { volunteerAgeMin: Math.max(18, age - 15), volunteerAgeMax: age + 10 });
        requests.push([
          randomUUID(), organisationId, programme.id, clientId, source.id, source.userId, kind, triaged ? 'triaged' : 'submitted',
          vigil ? 'urgent' : cr.weighted([['normal', 80], ['soon', 20]] as const), needs,
          window ? maskOfInterval(window[0], window[1]) : desiredSlots(cr), vigil ? null : cr.weighted([['weekly', 65], ['fortnightly', 35]] as const),
          vigil ? null : isoDate(today + cr.int(1, 30) * DAY_MS), window?.[0] ?? null, window?.[1] ?? null, at.postcode, at.houseNumber, at.city, at.lat, at.lon,
          preferences, { name: source.contact, email: source.userEmail, role: source.role }, cr.chance(0.25) ? cr.pick(REFERRER_NOTES) : null,
          new Date(submitted), triaged ? new Date(triaged) : null, new Date(submitted), new Date(triaged ?? submitted),
        ]);
      }
      await insert(db, 'client', CLIENT_COLUMNS, clients);
      await insert(db, 'request', REQUEST_COLUMNS, requests);
      counts.clients += clients.length;
      counts.requests += requests.length;
      if (crossedTenth(counts.requests, requests.length, options.requests)) log(`requests ${counts.requests}/${options.requests} (${elapsed()})`);
    }

    await db.query('COMMIT');
    await db.query('ANALYZE volunteer, credential, unavailable_period, client, request');
    log(`committed and analysed (${elapsed()})`);

    const logins = ['admin', 'coordinator', 'referrer', 'volunteer'].flatMap((role) =>
      users
        .filter((u) => u.role === role)
        .slice(0, 1)
        .map((u) => ({ role, email: u.email, name: u.name })),
    );
    return { organisationId, password, logins, counts, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}
