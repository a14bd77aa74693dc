import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { boundingBox, Coordinates, haversineSql, ProgrammeKind, VolunteerStatus } from '@app/core';
import { DataSource, EntityManager } from 'typeorm';
import { Credential } from './credential.entity';
import { UnavailablePeriod } from './unavailable-period.entity';
import { Volunteer } from './volunteer.entity';

export type VolunteerData = Omit<Volunteer, 'id' | 'organisationId' | 'createdAt' | 'updatedAt' | 'statusChangedAt' | 'organisationRef'>;
export type CredentialData = Pick<Credential, 'type' | 'issuedOn' | 'expiresOn'>;
export interface PeriodData {
  startsAt: Date;
  endsAt: Date;
  reason?: string | null;
}

export interface VolunteerListFilter {
  kind?: ProgrammeKind;
  status?: VolunteerStatus;
  programmeId?: string;
  /** Volunteers with a credential that expires before this date (including already expired ones). */
  credentialExpiringBefore?: string;
  near?: Coordinates & { km: number };
  q?: string;
  skip: number;
  take: number;
}

export interface VolunteerRecord {
  volunteer: Volunteer;
  credentials: Credential[];
  unavailablePeriods: UnavailablePeriod[];
  /** Only when the list was filtered by `near`. */
  distanceKm?: number;
}

const HAVERSINE_KM = haversineSql(':lat', ':lon');

@Injectable()
export class VolunteerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(organisationId: string, filter: VolunteerListFilter): Promise<[VolunteerRecord[], number]> {
    const query = this.dataSource
      .getRepository(Volunteer)
      .createQueryBuilder('v')
      .where('v.organisationId = :organisationId', { organisationId })
      .offset(filter.skip)
      .limit(filter.take);
    if (filter.kind) query.andWhere(':kind = ANY(v.kinds)', { kind: filter.kind });
    if (filter.status) query.andWhere('v.status = :status', { status: filter.status });
    if (filter.programmeId) query.andWhere(':programmeId = ANY(v.programmeIds)', { programmeId: filter.programmeId });
    if (filter.credentialExpiringBefore) {
      query.andWhere('EXISTS (SELECT 1 FROM credential c WHERE c.volunteer_id = v.id AND c.expires_on < :before)', { before: filter.credentialExpiringBefore });
    }
    if (filter.q) {
      query.andWhere("(v.first_name || ' ' || v.last_name) ILIKE :q", { q: `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    }
    if (filter.near) {
      // The bounding box uses the (lat, lon) index; the exact distance then filters and orders.
      const box = boundingBox(filter.near, filter.near.km);
      query
        .andWhere('v.lat BETWEEN :minLat AND :maxLat AND v.lon BETWEEN :minLon AND :maxLon', box)
        .andWhere(`${HAVERSINE_KM} <= :km`, { lat: filter.near.lat, lon: filter.near.lon, km: filter.near.km })
        .addSelect(HAVERSINE_KM, 'distance_km')
        .orderBy('distance_km', 'ASC');
    } else {
      query.orderBy('v.lastName', 'ASC').addOrderBy('v.firstName', 'ASC');
    }
    query.addOrderBy('v.id', 'ASC');
    const [{ entities, raw }, total] = await Promise.all([query.getRawAndEntities(), query.getCount()]);
    const details = await this.details(entities.map((v) => v.id));
    const records = entities.map((volunteer, i) => ({
      volunteer,
      ...(details.get(volunteer.id) ?? { credentials: [], unavailablePeriods: [] }),
      ...(filter.near ? { distanceKm: Number(raw[i].distance_km) } : {}),
    }));
    return [records, total];
  }

  async find(organisationId: string, id: string): Promise<VolunteerRecord | null> {
    const volunteer = await this.dataSource.getRepository(Volunteer).findOne({ where: { organisationId, id } });
    if (!volunteer) return null;
    const details = (await this.details([id])).get(id) ?? { credentials: [], unavailablePeriods: [] };
    return { volunteer, ...details };
  }

  /** Credentials and absences of several volunteers in two queries (not one per volunteer). */
  private async details(ids: string[]): Promise<Map<string, { credentials: Credential[]; unavailablePeriods: UnavailablePeriod[] }>> {
    const map = new Map(ids.map((id) => [id, { credentials: [] as Credential[], unavailablePeriods: [] as UnavailablePeriod[] }]));
    if (ids.length === 0) return map;
    const [credentials, periods] = await Promise.all([
      this.dataSource.getRepository(Credential).createQueryBuilder('c').where('c.volunteerId = ANY(:ids)', { ids }).orderBy('c.type').addOrderBy('c.issuedOn').getMany(),
      this.dataSource.getRepository(UnavailablePeriod).createQueryBuilder('p').where('p.volunteerId = ANY(:ids)', { ids }).orderBy('p.startsAt').getMany(),
    ]);
    for (const c of credentials) map.get(c.volunteerId)?.credentials.push(c);
    for (const p of periods) map.get(p.volunteerId)?.unavailablePeriods.push(p);
    return map;
  }

  /** `within` runs in the same transaction with the new id (a login invited in the same call). */
  async create(organisationId: string, data: VolunteerData, periods: PeriodData[], within?: (manager: EntityManager, volunteerId: string) => Promise<unknown>): Promise<VolunteerRecord> {
    const id = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(Volunteer).save({ ...data, organisationId });
      await this.replacePeriods(manager, saved.id, periods);
      await within?.(manager, saved.id);
      return saved.id;
    });
    return (await this.find(organisationId, id)) as VolunteerRecord;
  }

  /**
   * Updates fields; `periods`, when given, replaces the unavailable periods. `before` runs first in
   * the same transaction (what a status change takes with it locks requests before the volunteer).
   */
  async update(
    organisationId: string,
    id: string,
    patch: Partial<VolunteerData>,
    periods?: PeriodData[],
    before?: (manager: EntityManager) => Promise<void>,
  ): Promise<VolunteerRecord | null> {
    await this.dataSource.transaction(async (manager) => {
      await before?.(manager);
      const statusChanged = patch.status ? { statusChangedAt: new Date() } : {};
      if (Object.keys(patch).length > 0) await manager.getRepository(Volunteer).update({ organisationId, id }, { ...patch, ...statusChanged } as never);
      if (periods) await this.replacePeriods(manager, id, periods);
    });
    return this.find(organisationId, id);
  }

  private async replacePeriods(manager: EntityManager, volunteerId: string, periods: PeriodData[]): Promise<void> {
    await manager.getRepository(UnavailablePeriod).delete({ volunteerId });
    if (periods.length > 0) await manager.getRepository(UnavailablePeriod).insert(periods.map((p) => ({ startsAt: p.startsAt, endsAt: p.endsAt, reason: p.reason ?? null, volunteerId })));
  }

  async addCredential(volunteerId: string, data: CredentialData): Promise<Credential> {
    return this.dataSource.getRepository(Credential).save({ ...data, volunteerId });
  }

  /** Deletes a credential of a volunteer of this organisation; false when there is none. */
  async deleteCredential(organisationId: string, volunteerId: string, credentialId: string): Promise<boolean> {
    const result = await this.dataSource.query(
      `DELETE FROM credential c USING volunteer v
        WHERE c.id = $1 AND c.volunteer_id = $2 AND v.id = c.volunteer_id AND v.organisation_id = $3
        RETURNING c.id`,
      [credentialId, volunteerId, organisationId],
    );
    return (result[0] as unknown[]).length > 0;
  }
}
