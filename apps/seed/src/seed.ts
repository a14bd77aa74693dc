import * as argon2 from 'argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DIAGNOSIS_GROUPS, DiagnosisGroup, FULL_WEEK_MASK, ProgrammeKind, REFERRAL_SOURCE_TYPES, ReferralSourceType } from '@app/core';
import { PROGRAMME_DEFAULTS } from '@app/programmes';
import { FEMALE_NAMES, INTERESTS, MALE_NAMES, SURNAMES } from './names';
import { Place, PLACES } from './places';

export interface SeedOptions {
  databaseUrl: string;
  volunteers: number;
  requests: number;
  organisation: string;
  seed: number;
}

export interface SeedResult {
  organisationId: string;
  password: string;
  logins: Array<{ role: string; email: string }>;
  counts: Record<string, number>;
  seconds: number;
}

/** mulberry32: small, fast and deterministic, so `--seed` reproduces the same data. */
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
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const chance = (p: number) => next() < p;
  const weighted = <T>(items: readonly (readonly [T, number])[]) => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1][0];
  };
  const normal = (mean: number, sd: number) => mean + sd * Math.sqrt(-2 * Math.log(next() || 1e-9)) * Math.cos(2 * Math.PI * next());
  return { next, int, pick, chance, weighted, normal };
}
type Random = ReturnType<typeof prng>;

const pgArray = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

/** Inserts rows in chunks with one `INSERT … SELECT FROM unnest(…)` per chunk: every column travels as one text array. */
async function bulkInsert(db: Client, table: string, columns: Record<string, string>, rows: unknown[][], progress?: (done: number) => void): Promise<void> {
  const names = Object.keys(columns);
  const casts = Object.values(columns);
  const chunk = 5000;
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const params = names.map((_, c) => slice.map((row) => (row[c] == null ? null : typeof row[c] === 'string' ? row[c] : typeof row[c] === 'object' ? JSON.stringify(row[c]) : String(row[c]))));
    const select = names.map((name, c) => `c${c}::${casts[c]}`).join(', ');
    const unnest = names.map((_, c) => `$${c + 1}::text[]`).join(', ');
    await db.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT ${select} FROM unnest(${unnest}) AS t(${names.map((_, c) => `c${c}`).join(', ')})`, params);
    progress?.(Math.min(start + chunk, rows.length));
  }
}

function placeSampler(random: Random) {
  const table = PLACES.map((p) => [p, p.weight] as const);
  return () => {
    const place: Place = random.weighted(table);
    const distance = Math.sqrt(random.next()) * place.spreadKm;
    const bearing = random.next() * 2 * Math.PI;
    const lat = place.lat + (distance / 111.32) * Math.cos(bearing);
    const lon = place.lon + (distance / (111.32 * Math.cos((place.lat * Math.PI) / 180))) * Math.sin(bearing);
    const postcode = `${place.postcodePrefix}${random.int(10, 99)}${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}`;
    return { city: place.city, lat: Number(lat.toFixed(6)), lon: Number(lon.toFixed(6)), postcode, houseNumber: String(random.int(1, 250)) };
  };
}

/** Weekly availability as people have it: retirees in the daytime, working people evenings and weekends. */
function availability(random: Random, age: number, vigil: boolean): number {
  let mask = 0;
  const set = (day: number, part: number) => (mask |= 1 << (day * 4 + part));
  const slots = random.int(2, 7);
  for (let i = 0; i < slots; i++) {
    if (age >= 65) set(random.int(0, 6), random.weighted([[0, 4], [1, 4], [2, 1]] as const));
    else if (random.chance(0.6)) set(random.int(0, 4), 2);
    else set(random.int(5, 6), random.int(0, 2));
  }
  if (vigil) for (let i = random.int(1, 3); i > 0; i--) set(random.int(0, 6), 3);
  return mask & FULL_WEEK_MASK;
}

const KIND_WEIGHTS: readonly (readonly [ProgrammeKind, number])[] = [['buddy', 40], ['practical', 25], ['vigil', 18], ['peer', 10], ['navigator', 7]];
const DIAGNOSIS_WEIGHTS: readonly (readonly [DiagnosisGroup, number])[] = [
  ['cancer_lung', 10], ['cancer_breast', 7], ['cancer_colorectal', 7], ['cancer_prostate', 5], ['cancer_other', 11],
  ['heart_failure', 12], ['copd', 10], ['dementia', 12], ['frailty', 12], ['stroke', 5], ['kidney_failure', 3], ['parkinson', 3], ['als', 1], ['other', 2],
];
const SOURCE_NAMES: Record<ReferralSourceType, string> = {
  hospital: 'UMC – afdeling oncologie',
  gp: 'Huisartsenpraktijk De Linde',
  home_care: 'Buurtzorg team Oost',
  neighbourhood_team: 'Sociaal wijkteam Noord',
  volunteer_org: 'VPTZ regio Midden',
  caregiver_support: 'Steunpunt Mantelzorg',
  other: 'Hospice De Vlinder',
};
const TRAINING: Record<ProgrammeKind, string | null> = { buddy: 'basic_training', navigator: 'navigator_training', peer: 'peer_training', vigil: 'vigil_training', practical: null };
const NEEDS = {
  physical: ['Snel moe, loopt met rollator', 'Kan niet meer zelf boodschappen doen', 'Bedlegerig'],
  psychological: ['Angstig over wat komen gaat', 'Somber sinds de diagnose', 'Wil graag praten'],
  social: ['Weinig bezoek sinds partner overleed', 'Familie woont ver weg', 'Mist contact met de buurt'],
  spiritual: ['Wil praten over het leven', 'Zoekt rust en betekenis', 'Gelovig, wil graag samen bidden'],
};

/** A whole demo organisation: programmes, referral sources, users, volunteers, clients and open requests. */
export async function seed(options: SeedOptions, log: (line: string) => void = () => undefined): Promise<SeedResult> {
  const started = Date.now();
  const random = prng(options.seed);
  const place = placeSampler(random);
  const elapsed = () => ((Date.now() - started) / 1000).toFixed(1);
  const db = new Client({ connectionString: options.databaseUrl });
  await db.connect();
  try {
    const organisationId = randomUUID();
    const slug = `${options.organisation.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'demo'}-${randomBytes(3).toString('hex')}`;
    const password = `demo-password-${options.seed}`;
    await db.query('BEGIN');
    await db.query(`INSERT INTO organisation (id, name, is_host, settings) VALUES ($1, $2, false, '{}')`, [organisationId, options.organisation]);

    // Programmes: one of every kind with its defaults, and an EU-NAVIGATE style navigator programme.
    const programmes = (Object.keys(PROGRAMME_DEFAULTS) as ProgrammeKind[]).map((kind) => ({ id: randomUUID(), kind, name: `${kind[0].toUpperCase()}${kind.slice(1)} ${options.organisation}`, minAge: null as number | null, groups: [] as string[] }));
    programmes.push({ id: randomUUID(), kind: 'navigator', name: 'Navigator 70+ oncologie', minAge: 70, groups: DIAGNOSIS_GROUPS.filter((g) => g.startsWith('cancer_')) });
    await bulkInsert(
      db,
      'programme',
      { id: 'uuid', organisation_id: 'uuid', name: 'text', kind: 'text', required_credentials: 'text[]', min_client_age: 'int', diagnosis_groups: 'text[]', max_match_months: 'int', max_distance_km: 'int', scoring_weights: 'jsonb', follow_up_schedule: 'jsonb', vigil_wave_size: 'int', vigil_wave_interval_minutes: 'int', vigil_escalation_minutes: 'int' },
      programmes.map((p) => {
        const d = PROGRAMME_DEFAULTS[p.kind];
        return [p.id, organisationId, p.name, p.kind, pgArray(d.requiredCredentials), p.minAge, pgArray(p.groups), d.maxMatchMonths, d.maxDistanceKm, d.scoringWeights, d.followUpSchedule, d.vigilWaveSize, d.vigilWaveIntervalMinutes, d.vigilEscalationMinutes];
      }),
    );
    const programmesOf = (kind: ProgrammeKind) => programmes.filter((p) => p.kind === kind);

    const sources = REFERRAL_SOURCE_TYPES.map((type) => ({ id: randomUUID(), type }));
    await bulkInsert(
      db,
      'referral_source',
      { id: 'uuid', organisation_id: 'uuid', name: 'text', type: 'text', contact_email: 'text', feedback_channel: 'text', feedback_email: 'text', webhook_url: 'text', webhook_secret: 'text' },
      sources.map((s) => {
        const webhook = s.type === 'hospital';
        return [s.id, organisationId, SOURCE_NAMES[s.type], s.type, `contact.${s.type}@${slug}.example`, webhook ? 'webhook' : 'email', webhook ? null : `terugkoppeling.${s.type}@${slug}.example`, webhook ? `https://example.org/hooks/${slug}` : null, webhook ? randomBytes(24).toString('hex') : null];
      }),
    );

    // Volunteers
    const volunteerRows: unknown[][] = [];
    const credentialRows: unknown[][] = [];
    const periodRows: unknown[][] = [];
    const today = new Date();
    for (let i = 0; i < options.volunteers; i++) {
      const female = random.chance(0.72);
      const age = Math.round(Math.min(84, Math.max(20, random.chance(0.55) ? random.normal(66, 7) : random.normal(45, 13))));
      const birth = addDays(today, -Math.round((age + random.next()) * 365.25));
      const kinds = [...new Set([random.weighted(KIND_WEIGHTS), ...(random.chance(0.35) ? [random.weighted(KIND_WEIGHTS)] : [])])];
      const at = place();
      const status = random.weighted([['active', 80], ['paused', 10], ['applicant', 7], ['inactive', 3]] as const);
      const experience = [...new Set([random.weighted(DIAGNOSIS_WEIGHTS), random.weighted(DIAGNOSIS_WEIGHTS)])];
      const id = randomUUID();
      volunteerRows.push([
        id, organisationId, random.pick(female ? FEMALE_NAMES : MALE_NAMES), random.pick(SURNAMES), null, null, isoDate(birth), female ? 'female' : 'male',
        pgArray(random.chance(0.12) ? ['nl', random.pick(['en', 'tr', 'ar', 'de', 'pl'])] : ['nl']), at.postcode, at.houseNumber, at.city, at.lat, at.lon,
        random.pick([5, 10, 10, 15, 20, 30]), pgArray(kinds), pgArray(kinds.flatMap((k) => programmesOf(k).slice(0, 1).map((p) => p.id))),
        availability(random, age, kinds.includes('vigil')), random.weighted([[1, 70], [2, 25], [3, 5]] as const),
        pgArray(kinds.includes('peer') ? [experience[0]] : []), pgArray(experience),
        random.chance(0.2) ? 60 : null, random.chance(0.2) ? 95 : null, pgArray([random.pick(INTERESTS), random.pick(INTERESTS)].filter((v, j, a) => a.indexOf(v) === j)), status,
      ]);
      if (random.chance(0.95)) {
        const issued = addDays(today, -random.int(0, 4 * 365));
        credentialRows.push([randomUUID(), id, 'vog', isoDate(issued), isoDate(addDays(issued, 3 * 365))]);
      }
      for (const kind of kinds) {
        const training = TRAINING[kind];
        if (training && random.chance(0.9)) credentialRows.push([randomUUID(), id, training, isoDate(addDays(today, -random.int(30, 3000))), null]);
      }
      if (random.chance(0.05)) {
        const from = addDays(today, random.int(5, 120));
        periodRows.push([randomUUID(), id, from.toISOString(), addDays(from, random.int(3, 21)).toISOString(), 'Vakantie']);
      }
    }
    const step = Math.max(1, Math.ceil(options.volunteers / 10));
    let reported = 0;
    await bulkInsert(
      db,
      'volunteer',
      {
        id: 'uuid', organisation_id: 'uuid', first_name: 'text', last_name: 'text', email: 'text', phone: 'text', birth_date: 'date', gender: 'text', languages: 'text[]',
        postcode: 'text', house_number: 'text', city: 'text', lat: 'float8', lon: 'float8', max_travel_km: 'int', kinds: 'text[]', programme_ids: 'uuid[]', availability_mask: 'int',
        max_concurrent_clients: 'int', lived_experience_diagnoses: 'text[]', experience_diagnoses: 'text[]', preferred_client_age_min: 'int', preferred_client_age_max: 'int', interests: 'text[]', status: 'text',
      },
      volunteerRows,
      (done) => {
        if (done - reported >= step || done === volunteerRows.length) {
          reported = done;
          log(`volunteers ${done}/${volunteerRows.length} (${elapsed()} s)`);
        }
      },
    );
    await bulkInsert(db, 'credential', { id: 'uuid', volunteer_id: 'uuid', type: 'text', issued_on: 'date', expires_on: 'date' }, credentialRows);
    await bulkInsert(db, 'unavailable_period', { id: 'uuid', volunteer_id: 'uuid', starts_at: 'timestamptz', ends_at: 'timestamptz', reason: 'text' }, periodRows);
    log(`credentials ${credentialRows.length}, unavailable periods ${periodRows.length} (${elapsed()} s)`);

    // Users: one admin, two coordinators, a referrer per source, logins for the first volunteers.
    const hash = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const users: Array<{ id: string; role: string; email: string; sourceId?: string; volunteerId?: string }> = [
      { id: randomUUID(), role: 'admin', email: `admin@${slug}.example` },
      { id: randomUUID(), role: 'coordinator', email: `coordinator1@${slug}.example` },
      { id: randomUUID(), role: 'coordinator', email: `coordinator2@${slug}.example` },
      ...sources.map((s) => ({ id: randomUUID(), role: 'referrer', email: `referrer.${s.type}@${slug}.example`, sourceId: s.id })),
      ...volunteerRows.slice(0, 3).map((v, i) => ({ id: randomUUID(), role: 'volunteer', email: `volunteer${i + 1}@${slug}.example`, volunteerId: v[0] as string })),
    ];
    await bulkInsert(
      db,
      'app_user',
      { id: 'uuid', organisation_id: 'uuid', email: 'text', name: 'text', role: 'text', password_hash: 'text', referral_source_id: 'uuid', volunteer_id: 'uuid' },
      users.map((u) => [u.id, organisationId, u.email, `Demo ${u.role}`, u.role, hash, u.sourceId ?? null, u.volunteerId ?? null]),
    );
    const referrerOf = new Map(users.filter((u) => u.sourceId).map((u) => [u.sourceId as string, u.id]));

    // Clients and their open requests.
    const clientRows: unknown[][] = [];
    const requestRows: unknown[][] = [];
    for (let i = 0; i < options.requests; i++) {
      const female = random.chance(0.52);
      const age = Math.round(Math.min(102, Math.max(45, random.normal(79, 9))));
      const at = place();
      const source = random.pick(sources);
      const kind = random.weighted(KIND_WEIGHTS);
      const programme = random.pick(programmesOf(kind).slice(0, 1));
      const clientId = randomUUID();
      const firstName = random.pick(female ? FEMALE_NAMES : MALE_NAMES);
      clientRows.push([
        clientId, organisationId, source.id, firstName, random.pick(SURNAMES), isoDate(addDays(today, -Math.round((age + random.next()) * 365.25))), female ? 'female' : 'male',
        at.houseNumber, at.postcode, at.city, at.lat, at.lon, pgArray(random.chance(0.1) ? ['nl', random.pick(['tr', 'ar', 'en'])] : ['nl']),
        random.weighted(DIAGNOSIS_WEIGHTS), random.weighted([['alone', 45], ['with_partner', 35], ['with_family', 10], ['care_home', 7], ['hospice', 3]] as const),
        random.chance(0.85) ? { name: `dr. ${random.pick(SURNAMES)}`, practice: 'Huisartsenpraktijk', phone: '030 000 0000' } : null, today.toISOString(), random.chance(0.85) ? 'client' : 'relative',
      ]);
      const triaged = random.chance(0.4);
      const vigil = kind === 'vigil';
      const windowStart = new Date(addDays(today, random.int(0, 2)).toISOString().slice(0, 10) + 'T21:00:00Z'); // 22:00 in Amsterdam (winter time)
      const needs = Object.fromEntries(Object.entries(NEEDS).filter(() => random.chance(0.6)).map(([dimension, texts]) => [dimension, random.pick(texts)]));
      let desired = 0;
      if (vigil) desired = 0b1000 << (random.int(0, 6) * 4);
      else for (let s = random.int(2, 6); s > 0; s--) desired |= 1 << (random.int(0, 6) * 4 + random.int(0, 2));
      requestRows.push([
        randomUUID(), organisationId, programme.id, clientId, source.id, referrerOf.get(source.id), kind, triaged ? 'triaged' : 'submitted', vigil ? 'urgent' : 'normal', needs, desired,
        vigil ? null : random.pick(['weekly', 'weekly', 'fortnightly']), vigil ? null : isoDate(addDays(today, random.int(1, 30))),
        vigil ? windowStart.toISOString() : null, vigil ? addDays(windowStart, 9 / 24).toISOString() : null, at.postcode, at.houseNumber, at.city, at.lat, at.lon,
        random.chance(0.15) ? { language: 'nl', volunteerGender: random.pick(['female', 'male']) } : {}, { name: `${random.pick(FEMALE_NAMES)} ${random.pick(SURNAMES)}`, email: `verwijzer@${slug}.example`, role: 'wijkverpleegkundige' },
        triaged ? today.toISOString() : null,
      ]);
    }
    await bulkInsert(
      db,
      'client',
      {
        id: 'uuid', organisation_id: 'uuid', referral_source_id: 'uuid', first_name: 'text', last_name: 'text', birth_date: 'date', gender: 'text', house_number: 'text', postcode: 'text', city: 'text',
        lat: 'float8', lon: 'float8', languages: 'text[]', diagnosis_group: 'text', living_situation: 'text', gp: 'jsonb', consent_given_at: 'timestamptz', consent_given_by: 'text',
      },
      clientRows,
    );
    await bulkInsert(
      db,
      'request',
      {
        id: 'uuid', organisation_id: 'uuid', programme_id: 'uuid', client_id: 'uuid', referral_source_id: 'uuid', submitted_by_user_id: 'uuid', kind: 'text', status: 'text', urgency: 'text', needs: 'jsonb',
        desired_mask: 'int', frequency: 'text', start_date: 'date', vigil_window_start: 'timestamptz', vigil_window_end: 'timestamptz', postcode: 'text', house_number: 'text', city: 'text',
        lat: 'float8', lon: 'float8', preferences: 'jsonb', referrer_contact: 'jsonb', triaged_at: 'timestamptz',
      },
      requestRows,
    );
    log(`clients and requests ${requestRows.length} (${elapsed()} s)`);
    await db.query('COMMIT');
    await db.query('ANALYZE volunteer; ANALYZE credential; ANALYZE request; ANALYZE client');

    const logins = ['admin', 'coordinator', 'referrer', 'volunteer'].map((role) => ({ role, email: (users.find((u) => u.role === role) as { email: string }).email }));
    return {
      organisationId,
      password,
      logins,
      counts: { programmes: programmes.length, referralSources: sources.length, users: users.length, volunteers: volunteerRows.length, credentials: credentialRows.length, requests: requestRows.length },
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}
