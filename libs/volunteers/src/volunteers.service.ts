import { HttpStatus, Injectable } from '@nestjs/common';
import {
  AppError,
  ConflictError,
  CredentialType,
  DiagnosisGroup,
  ForbiddenError,
  Gender,
  LocationInput,
  LocationService,
  NotFoundError,
  Page,
  Principal,
  ProgrammeKind,
  Slot,
  slotsToMask,
  VolunteerStatus,
} from '@app/core';
import { ProgrammeRepository } from '@app/programmes';
import { RequestRepository } from '@app/referrals';
import { EntityManager } from 'typeorm';
import { Credential } from './credential.entity';
import { PeriodData, VolunteerData, VolunteerListFilter, VolunteerRecord, VolunteerRepository } from './volunteer.repository';
import { phrase } from '@app/i18n';

export interface VolunteerInput extends LocationInput {
  firstName: string;
  lastName: string;
  email?: string | null;
  phone?: string | null;
  birthDate: string;
  gender?: Gender;
  languages?: string[];
  maxTravelKm?: number;
  kinds?: ProgrammeKind[];
  programmeIds?: string[];
  availability?: Slot[];
  maxConcurrentClients?: number;
  livedExperienceDiagnoses?: DiagnosisGroup[];
  experienceDiagnoses?: DiagnosisGroup[];
  preferredClientAgeMin?: number | null;
  preferredClientAgeMax?: number | null;
  interests?: string[];
  status?: VolunteerStatus;
  unavailablePeriods?: PeriodData[];
}

export type VolunteerUpdate = Partial<VolunteerInput>;

/** What a volunteer may change in their own profile; the rest is the coordinator's. */
const SELF_EDITABLE: ReadonlySet<keyof VolunteerUpdate> = new Set<keyof VolunteerUpdate>([
  'email',
  'phone',
  'languages',
  'postcode',
  'houseNumber',
  'city',
  'lat',
  'lon',
  'maxTravelKm',
  'availability',
  'preferredClientAgeMin',
  'preferredClientAgeMax',
  'interests',
  'unavailablePeriods',
]);

/** applicant → active → paused/inactive, and back to active from either. */
const STATUS_TRANSITIONS: Record<VolunteerStatus, readonly VolunteerStatus[]> = {
  applicant: ['active', 'inactive'],
  active: ['paused', 'inactive'],
  paused: ['active', 'inactive'],
  inactive: ['active'],
};

const LOCATION_FIELDS = ['postcode', 'houseNumber', 'city', 'lat', 'lon'] as const;

@Injectable()
export class VolunteersService {
  constructor(
    private readonly volunteers: VolunteerRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly locations: LocationService,
    private readonly requests: RequestRepository,
  ) {}

  async list(actor: Principal, filter: Omit<VolunteerListFilter, 'skip' | 'take'> & { page: number; pageSize: number }): Promise<Page<VolunteerRecord>> {
    const [items, total] = await this.volunteers.list(actor.organisationId, { ...filter, skip: (filter.page - 1) * filter.pageSize, take: filter.pageSize });
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  /** A volunteer sees only their own profile: any other id is 404 to them. */
  async get(actor: Principal, id: string): Promise<VolunteerRecord> {
    const record = actor.role === 'volunteer' && actor.volunteerId !== id ? null : await this.volunteers.find(actor.organisationId, id);
    if (!record) throw new NotFoundError('Volunteer', id);
    return record;
  }

  /** `within` runs inside the creating transaction with the new profile's id (the invitation of its login). */
  async create(actor: Principal, input: VolunteerInput, within?: (manager: EntityManager, volunteerId: string) => Promise<unknown>): Promise<VolunteerRecord> {
    this.checkPeriods(input.unavailablePeriods ?? []);
    const location = await this.locations.resolve(input);
    await this.checkProgrammes(actor, input.programmeIds ?? []);
    this.checkAgeRange(input.preferredClientAgeMin ?? null, input.preferredClientAgeMax ?? null);
    const data: VolunteerData = {
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      birthDate: input.birthDate,
      gender: input.gender ?? 'unspecified',
      languages: input.languages ?? ['nl'],
      ...location,
      maxTravelKm: input.maxTravelKm ?? 10,
      kinds: input.kinds ?? [],
      programmeIds: input.programmeIds ?? [],
      availabilityMask: slotsToMask(input.availability ?? []),
      maxConcurrentClients: input.maxConcurrentClients ?? 1,
      livedExperienceDiagnoses: input.livedExperienceDiagnoses ?? [],
      experienceDiagnoses: input.experienceDiagnoses ?? [],
      preferredClientAgeMin: input.preferredClientAgeMin ?? null,
      preferredClientAgeMax: input.preferredClientAgeMax ?? null,
      interests: input.interests ?? [],
      status: input.status ?? 'applicant',
    };
    return this.volunteers.create(actor.organisationId, data, input.unavailablePeriods ?? [], within);
  }

  async update(actor: Principal, id: string, input: VolunteerUpdate): Promise<VolunteerRecord> {
    const current = await this.get(actor, id);
    this.checkPeriods(input.unavailablePeriods ?? []);
    if (actor.role === 'volunteer') {
      const refused = (Object.keys(input) as (keyof VolunteerUpdate)[]).filter((key) => !SELF_EDITABLE.has(key));
      if (refused.length > 0) throw new ForbiddenError(phrase('errors.forbidden_coordinator_fields', { fields: refused.join(', ') }));
    }
    const { availability, unavailablePeriods, ...fields } = input;
    const patch: Partial<VolunteerData> = {};
    for (const [key, value] of Object.entries(fields)) if (!(LOCATION_FIELDS as readonly string[]).includes(key)) (patch as Record<string, unknown>)[key] = value;
    if (availability) patch.availabilityMask = slotsToMask(availability);
    if (LOCATION_FIELDS.some((key) => input[key] !== undefined)) {
      // A new postcode or house number is geocoded again; otherwise the stored coordinates stay.
      const readdressed = input.postcode !== undefined || input.houseNumber !== undefined;
      const { postcode, houseNumber, city, lat, lon } = current.volunteer;
      const moved = { postcode, houseNumber, city, lat: readdressed ? null : lat, lon: readdressed ? null : lon, ...pick(input, LOCATION_FIELDS) };
      Object.assign(patch, await this.locations.resolve(moved));
    }
    if (input.status && input.status !== current.volunteer.status) {
      const allowed = STATUS_TRANSITIONS[current.volunteer.status];
      if (!allowed.includes(input.status)) {
        throw new ConflictError('illegal_status_change', phrase('errors.illegal_status_change', {
          from: phrase(`vocabulary.volunteerStatus.${current.volunteer.status}`),
          to: phrase(`vocabulary.volunteerStatus.${input.status}`),
          allowed: allowed.map((s) => phrase(`vocabulary.volunteerStatus.${s}`)),
        }), {
          from: current.volunteer.status,
          to: input.status,
          allowed,
        });
      }
    }
    if (input.programmeIds) await this.checkProgrammes(actor, input.programmeIds);
    // A key sent as null clears the value: only an absent key keeps the current one.
    this.checkAgeRange(
      'preferredClientAgeMin' in patch ? (patch.preferredClientAgeMin ?? null) : current.volunteer.preferredClientAgeMin,
      'preferredClientAgeMax' in patch ? (patch.preferredClientAgeMax ?? null) : current.volunteer.preferredClientAgeMax,
    );
    // A volunteer who stops can no longer accept what is open for them: it goes back to the coordinators.
    const stops = input.status !== undefined && input.status !== 'active' && input.status !== current.volunteer.status;
    const withdraw = stops ? (manager: EntityManager) => this.requests.withdrawVolunteer(manager, actor.organisationId, id, `The volunteer is ${input.status}`) : undefined;
    return (await this.volunteers.update(actor.organisationId, id, patch, unavailablePeriods, withdraw)) as VolunteerRecord;
  }

  async setAvailability(actor: Principal, id: string, slots: Slot[]): Promise<VolunteerRecord> {
    await this.get(actor, id);
    return (await this.volunteers.update(actor.organisationId, id, { availabilityMask: slotsToMask(slots) })) as VolunteerRecord;
  }

  async addCredential(actor: Principal, id: string, input: { type: CredentialType; issuedOn: string; expiresOn?: string | null }): Promise<Credential> {
    await this.get(actor, id);
    if (input.expiresOn && input.expiresOn < input.issuedOn) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'invalid_dates');
    }
    return this.volunteers.addCredential(id, { type: input.type, issuedOn: input.issuedOn, expiresOn: input.expiresOn ?? null });
  }

  async deleteCredential(actor: Principal, id: string, credentialId: string): Promise<void> {
    if (!(await this.volunteers.deleteCredential(actor.organisationId, id, credentialId))) throw new NotFoundError('Credential', credentialId);
  }

  private async checkProgrammes(actor: Principal, ids: string[]): Promise<void> {
    const found = await this.programmes.findMany(actor.organisationId, ids);
    const missing = ids.filter((id) => !found.some((p) => p.id === id));
    if (missing.length > 0) throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'unknown_programme', phrase('errors.unknown_programme', { ids: missing.join(', ') }));
  }

  private checkPeriods(periods: PeriodData[]): void {
    if (periods.some((p) => p.endsAt <= p.startsAt)) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'invalid_period');
    }
  }

  private checkAgeRange(min: number | null, max: number | null): void {
    if (min != null && max != null && min > max) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'invalid_age_range');
    }
  }
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<T> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]])) as unknown as Partial<T>;
}
