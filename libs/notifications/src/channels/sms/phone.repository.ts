import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class PhoneRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The number to text a person at: the one on their account (`PATCH /api/me {phone}`), else, for
   * a volunteer, the phone of their volunteer profile (which they and their coordinator keep).
   */
  async phoneOf(organisationId: string, userId: string): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT coalesce(u.phone, v.phone) AS phone
         FROM app_user u LEFT JOIN volunteer v ON v.id = u.volunteer_id AND v.organisation_id = u.organisation_id
        WHERE u.organisation_id = $1 AND u.id = $2`,
      [organisationId, userId],
    );
    return row?.phone ?? null;
  }
}
