import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ageOn, boundingBox, CredentialType, DiagnosisGroup, haversineSql, maskOfInterval, ProgrammeKind, RequestStatus } from '@app/core';
import { DataSource, EntityManager } from 'typeorm';
import { MatchVolunteer, ScoreComponent, ScoringWeights } from './types';

export interface RequestForMatching {
  id: string;
  clientId: string;
  status: RequestStatus;
  kind: ProgrammeKind;
  desiredMask: number;
  startDate: string | null;
  vigilWindowStart: Date | null;
  vigilWindowEnd: Date | null;
  lat: number;
  lon: number;
  preferences: { language?: string | null };
  clientBirthDate: string;
  diagnosisGroup: DiagnosisGroup;
  requiredCredentials: CredentialType[];
  programmeMaxDistanceKm: number;
  weights: ScoringWeights;
  excludedVolunteerIds: string[];
  previousVolunteerIds: string[];
}

/** A proposed match as stored. */
export interface ProposedMatch {
  id: string;
  organisationId: string;
  requestId: string;
  clientId: string;
  volunteerId: string;
  status: 'proposed';
  score: number;
  breakdown: ScoreComponent[];
  proposedAt: Date;
}

/** A volunteer as the core sees them, plus the name a coordinator needs to recognise them. */
export type CandidateVolunteer = MatchVolunteer & { firstName: string; lastName: string };

const HAVERSINE = haversineSql('$3', '$4');

/** Active matches of ongoing support: a vigil takes a night, not one of the volunteer's places. */
const ACTIVE_CLIENTS = `(SELECT count(*)::int FROM match m JOIN request mr ON mr.id = m.request_id WHERE m.volunteer_id = v.id AND m.status = 'active' AND mr.kind <> 'vigil')`;

/**
 * When the volunteer(s) are booked during a window, other than for the request itself: visits that
 * hold their time (the statuses of the double-booking constraint) and active vigils (whose visits
 * may have been cancelled). Arguments are SQL: the volunteer condition and the parameters.
 */
function bookingsSql(volunteer: string, requestId: string, start: string, end: string): string {
  return `SELECT b.volunteer_id, b.starts_at, b.ends_at FROM visit b JOIN match bm ON bm.id = b.match_id
           WHERE b.volunteer_id ${volunteer} AND b.status IN ('planned', 'confirmed', 'done') AND bm.request_id <> ${requestId}
             AND b.starts_at < ${end} AND b.ends_at > ${start}
          UNION ALL
          SELECT m.volunteer_id, mr.vigil_window_start, mr.vigil_window_end FROM match m JOIN request mr ON mr.id = m.request_id
           WHERE m.volunteer_id ${volunteer} AND m.status = 'active' AND mr.kind = 'vigil' AND mr.id <> ${requestId}
             AND mr.vigil_window_start < ${end} AND mr.vigil_window_end > ${start}`;
}

/** Every SQL query of the matcher. Volunteers come back in the shape the pure core checks and scores. */
@Injectable()
export class CandidateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async loadRequest(organisationId: string, requestId: string, manager?: EntityManager): Promise<RequestForMatching | null> {
    const [row] = await (manager ?? this.dataSource.manager).query(
      `SELECT r.id, r.client_id, r.status, r.kind, r.desired_mask, r.start_date::text AS start_date, r.vigil_window_start, r.vigil_window_end,
              r.lat, r.lon, r.preferences, c.birth_date::text AS client_birth_date, c.diagnosis_group,
              p.required_credentials, p.max_distance_km, p.scoring_weights,
              ARRAY(SELECT m.volunteer_id FROM match m WHERE m.client_id = r.client_id AND m.status = 'declined') AS excluded,
              ARRAY(SELECT m.volunteer_id FROM match m WHERE m.client_id = r.client_id AND m.status IN ('active', 'ended')) AS previous
         FROM request r JOIN client c ON c.id = r.client_id JOIN programme p ON p.id = r.programme_id
        WHERE r.organisation_id = $1 AND r.id = $2`,
      [organisationId, requestId],
    );
    if (!row) return null;
    return {
      id: row.id,
      clientId: row.client_id,
      status: row.status,
      kind: row.kind,
      desiredMask: row.desired_mask,
      startDate: row.start_date,
      vigilWindowStart: row.vigil_window_start,
      vigilWindowEnd: row.vigil_window_end,
      lat: row.lat,
      lon: row.lon,
      preferences: row.preferences ?? {},
      clientBirthDate: row.client_birth_date,
      diagnosisGroup: row.diagnosis_group,
      requiredCredentials: row.required_credentials,
      programmeMaxDistanceKm: row.max_distance_km,
      weights: row.scoring_weights,
      excludedVolunteerIds: row.excluded,
      previousVolunteerIds: row.previous,
    };
  }

  /** Triaged requests of the organisation with their kind, optionally of one programme or from a given list (unknown ids are left out). */
  async triagedRequests(organisationId: string, programmeId?: string, requestIds?: string[]): Promise<Array<{ id: string; kind: ProgrammeKind }>> {
    return this.dataSource.query(
      `SELECT id, kind FROM request
        WHERE organisation_id = $1 AND status = 'triaged'
          AND ($2::uuid IS NULL OR programme_id = $2) AND ($3::uuid[] IS NULL OR id = ANY($3))
        ORDER BY triaged_at, id
        LIMIT 5000`,
      [organisationId, programmeId ?? null, requestIds ?? null],
    );
  }

  async programmeExists(organisationId: string, programmeId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM programme WHERE organisation_id = $1 AND id = $2`, [organisationId, programmeId]);
    return rows.length > 0;
  }

  /**
   * The SQL prefilter: active volunteers of the organisation who offer the kind, inside the bounding
   * box (on the lat/lon index) and within both distance limits, free at a desired time (or for the
   * whole vigil), with capacity (a free place for ongoing support; for a vigil, not booked during its
   * window), holding every required credential on the start date; nearest first.
   */
  async prefilter(organisationId: string, request: RequestForMatching, startDate: string, limit: number, manager?: EntityManager): Promise<CandidateVolunteer[]> {
    const box = boundingBox(request, request.programmeMaxDistanceKm);
    const vigil = request.vigilWindowStart && request.vigilWindowEnd ? maskOfInterval(request.vigilWindowStart, request.vigilWindowEnd) : null;
    const required = [...new Set(['vog', ...request.requiredCredentials])];
    const rows = await (manager ?? this.dataSource.manager).query(
      `SELECT v.*, v.birth_date::text AS birth_date_text, ${HAVERSINE} AS distance_km,
              ${ACTIVE_CLIENTS} AS active_clients
         FROM volunteer v
        WHERE v.organisation_id = $1 AND v.status = 'active' AND $2 = ANY(v.kinds)
          AND v.lat BETWEEN $5 AND $6 AND v.lon BETWEEN $7 AND $8
          AND ${vigil !== null ? '(v.availability_mask & $9) = $9' : '(v.availability_mask & $9) <> 0'}
          AND ${HAVERSINE} <= least(v.max_travel_km, $10)
          AND ${vigil !== null ? `NOT EXISTS (${bookingsSql('= v.id', '$16', '$14', '$15')})` : `${ACTIVE_CLIENTS} < v.max_concurrent_clients`}
          AND (SELECT count(DISTINCT c.type)::int FROM credential c
                WHERE c.volunteer_id = v.id AND c.type = ANY($11) AND c.issued_on <= $12::date
                  AND (c.expires_on IS NULL OR c.expires_on >= $12::date)) = cardinality($11::text[])
        ORDER BY distance_km
        LIMIT $13`,
      [
        organisationId,
        request.kind,
        request.lat,
        request.lon,
        box.minLat,
        box.maxLat,
        box.minLon,
        box.maxLon,
        vigil ?? request.desiredMask,
        request.programmeMaxDistanceKm,
        required,
        startDate,
        limit,
        ...(vigil !== null ? [request.vigilWindowStart, request.vigilWindowEnd, request.id] : []),
      ],
    );
    return this.withDetails(rows, request, startDate, manager);
  }

  /** Volunteers near the request whatever their state, for explaining who was excluded and why. */
  async nearby(organisationId: string, request: RequestForMatching, startDate: string, limit: number): Promise<CandidateVolunteer[]> {
    const box = boundingBox(request, request.programmeMaxDistanceKm * 1.5);
    const rows = await this.dataSource.query(
      `SELECT v.*, v.birth_date::text AS birth_date_text, ${HAVERSINE} AS distance_km,
              ${ACTIVE_CLIENTS} AS active_clients
         FROM volunteer v
        WHERE v.organisation_id = $1 AND $2 = ANY(v.kinds) AND v.lat BETWEEN $5 AND $6 AND v.lon BETWEEN $7 AND $8
        ORDER BY distance_km
        LIMIT $9`,
      [organisationId, request.kind, request.lat, request.lon, box.minLat, box.maxLat, box.minLon, box.maxLon, limit],
    );
    return this.withDetails(rows, request, startDate);
  }

  async findVolunteer(organisationId: string, request: RequestForMatching, volunteerId: string, startDate: string, manager?: EntityManager): Promise<CandidateVolunteer | null> {
    const rows = await (manager ?? this.dataSource.manager).query(
      `SELECT v.*, v.birth_date::text AS birth_date_text, ${HAVERSINE} AS distance_km,
              ${ACTIVE_CLIENTS} AS active_clients
         FROM volunteer v WHERE v.organisation_id = $1 AND v.id = $2`,
      [organisationId, volunteerId, request.lat, request.lon],
    );
    return (await this.withDetails(rows, request, startDate, manager))[0] ?? null;
  }

  /** Stores a proposal inside the caller's transaction (by table name: the matches library builds on this one). */
  async saveProposal(manager: EntityManager, proposal: Omit<ProposedMatch, 'id' | 'status' | 'proposedAt'> & { proposedByUserId: string }): Promise<ProposedMatch> {
    const [row] = await manager.query(
      `INSERT INTO match (organisation_id, request_id, client_id, volunteer_id, status, score, breakdown, proposed_by_user_id)
       VALUES ($1, $2, $3, $4, 'proposed', $5, $6, $7)
       RETURNING id, proposed_at`,
      [proposal.organisationId, proposal.requestId, proposal.clientId, proposal.volunteerId, proposal.score, JSON.stringify(proposal.breakdown), proposal.proposedByUserId],
    );
    const { proposedByUserId: _by, ...stored } = proposal;
    return { ...stored, id: row.id, status: 'proposed', proposedAt: row.proposed_at };
  }

  /** Credentials and absences of the short list in two queries (and, for a vigil, the bookings during its window in a third). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows of the volunteer table
  private async withDetails(rows: Array<Record<string, any>>, request: RequestForMatching, startDate: string, manager?: EntityManager): Promise<CandidateVolunteer[]> {
    if (rows.length === 0) return [];
    const db = manager ?? this.dataSource.manager;
    const ids = rows.map((r) => r.id);
    const [credentials, periods, bookings] = await Promise.all([
      db.query(`SELECT volunteer_id, type, issued_on::text AS issued_on, expires_on::text AS expires_on FROM credential WHERE volunteer_id = ANY($1)`, [ids]),
      db.query(`SELECT volunteer_id, starts_at, ends_at FROM unavailable_period WHERE volunteer_id = ANY($1)`, [ids]),
      request.vigilWindowStart && request.vigilWindowEnd
        ? db.query(
            `${bookingsSql('= ANY($1)', '$4', '$2', '$3')} ORDER BY starts_at`,
            [ids, request.vigilWindowStart, request.vigilWindowEnd, request.id],
          )
        : [],
    ]);
    return rows.map((v) => ({
      id: v.id,
      status: v.status,
      kinds: v.kinds,
      credentials: credentials.filter((c: { volunteer_id: string }) => c.volunteer_id === v.id).map((c: Record<string, string>) => ({ type: c.type as CredentialType, issuedOn: c.issued_on, expiresOn: c.expires_on })),
      activeClients: v.active_clients,
      maxConcurrentClients: v.max_concurrent_clients,
      location: { lat: v.lat, lon: v.lon },
      maxTravelKm: v.max_travel_km,
      availabilityMask: v.availability_mask,
      bookings: bookings.filter((b: { volunteer_id: string }) => b.volunteer_id === v.id).map((b: { starts_at: Date; ends_at: Date }) => ({ startsAt: b.starts_at, endsAt: b.ends_at })),
      unavailablePeriods: periods.filter((p: { volunteer_id: string }) => p.volunteer_id === v.id).map((p: { starts_at: Date; ends_at: Date }) => ({ startsAt: p.starts_at, endsAt: p.ends_at })),
      languages: v.languages,
      age: ageOn(v.birth_date_text, startDate),
      livedExperienceDiagnoses: v.lived_experience_diagnoses,
      experienceDiagnoses: v.experience_diagnoses,
      preferredClientAgeMin: v.preferred_client_age_min,
      preferredClientAgeMax: v.preferred_client_age_max,
      firstName: v.first_name,
      lastName: v.last_name,
    }));
  }
}
