import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationPreference } from './notification-preference.entity';

@Injectable()
export class PreferenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(userId: string, manager?: EntityManager): Promise<NotificationPreference | null> {
    return (manager ?? this.dataSource.manager).getRepository(NotificationPreference).findOne({ where: { userId } });
  }

  async save(organisationId: string, userId: string, values: Pick<NotificationPreference, 'kinds' | 'quietStart' | 'quietEnd' | 'digestAt'>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notification_preference (user_id, organisation_id, kinds, quiet_start, quiet_end, digest_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id) DO UPDATE SET kinds = EXCLUDED.kinds, quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end,
         digest_at = EXCLUDED.digest_at, updated_at = now()`,
      [userId, organisationId, JSON.stringify(values.kinds), values.quietStart, values.quietEnd, values.digestAt],
    );
  }
}
