import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface PushSubscriptionView {
  id: string;
  userAgent: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface StoredPushSubscription {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

const VIEW = `id, user_agent AS "userAgent", created_at AS "createdAt", updated_at AS "updatedAt"`;

@Injectable()
export class PushSubscriptionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores the subscription for the user; an endpoint seen before is updated (and moves to this user). */
  async upsert(organisationId: string, userId: string, input: { endpoint: string; p256dh: string; auth: string; userAgent: string | null }): Promise<PushSubscriptionView> {
    const [row] = await this.dataSource.query(
      `INSERT INTO push_subscription (organisation_id, user_id, endpoint, p256dh, auth, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (endpoint) DO UPDATE
         SET organisation_id = EXCLUDED.organisation_id, user_id = EXCLUDED.user_id, p256dh = EXCLUDED.p256dh,
             auth = EXCLUDED.auth, user_agent = EXCLUDED.user_agent, updated_at = now()
       RETURNING ${VIEW}`,
      [organisationId, userId, input.endpoint, input.p256dh, input.auth, input.userAgent],
    );
    return row;
  }

  list(organisationId: string, userId: string): Promise<PushSubscriptionView[]> {
    return this.dataSource.query(`SELECT ${VIEW} FROM push_subscription WHERE organisation_id = $1 AND user_id = $2 ORDER BY created_at`, [organisationId, userId]);
  }

  /** Deletes one of the user's own subscriptions; false if it is not theirs (or gone). */
  async deleteOwn(organisationId: string, userId: string, id: string): Promise<boolean> {
    const [, count] = await this.dataSource.query(`DELETE FROM push_subscription WHERE organisation_id = $1 AND user_id = $2 AND id = $3`, [organisationId, userId, id]);
    return count > 0;
  }

  /** Everything needed to send, for the push channel only. */
  forSending(organisationId: string, userId: string): Promise<StoredPushSubscription[]> {
    return this.dataSource.query(`SELECT id, endpoint, p256dh, auth FROM push_subscription WHERE organisation_id = $1 AND user_id = $2 ORDER BY created_at`, [organisationId, userId]);
  }

  async exists(organisationId: string, userId: string): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM push_subscription WHERE organisation_id = $1 AND user_id = $2) AS found`, [organisationId, userId]);
    return row.found;
  }

  /** A push service said the subscription is gone (404/410). */
  async deleteGone(organisationId: string, id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM push_subscription WHERE organisation_id = $1 AND id = $2`, [organisationId, id]);
  }

  /** The stored development key pair, made by `generate` if there is none yet (two processes starting at once agree on one). */
  async vapidKeyPair(generate: () => { publicKey: string; privateKey: string }): Promise<{ publicKey: string; privateKey: string; created: boolean }> {
    const made = generate();
    const inserted: unknown[] = await this.dataSource.query(`INSERT INTO vapid_key (id, public_key, private_key) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING RETURNING id`, [made.publicKey, made.privateKey]);
    const [row] = await this.dataSource.query(`SELECT public_key AS "publicKey", private_key AS "privateKey" FROM vapid_key WHERE id = 1`);
    return { ...row, created: inserted.length > 0 };
  }
}
