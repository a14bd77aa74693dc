import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ReferralSourceType, SecretBox } from '@app/core';
import { DataSource } from 'typeorm';
import { ReferralSource } from './referral-source.entity';

export type ReferralSourceData = Omit<ReferralSource, 'id' | 'organisationId' | 'createdAt' | 'updatedAt' | 'organisationRef'>;

export interface ReferralSourceView extends Omit<ReferralSource, 'webhookSecret'> {
  hasWebhookSecret: boolean;
}

@Injectable()
export class ReferralSourceRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: SecretBox,
  ) {}

  private get sources() {
    return this.dataSource.getRepository(ReferralSource);
  }

  /** Sources never leave the repository with their webhook secret, only whether one is set. */
  private query(organisationId: string) {
    return this.sources
      .createQueryBuilder('s')
      .addSelect('(s.webhook_secret IS NOT NULL)', 'has_webhook_secret')
      .where('s.organisationId = :organisationId', { organisationId });
  }

  private static view(raw: { has_webhook_secret: boolean }, entity: ReferralSource): ReferralSourceView {
    return Object.assign(entity, { hasWebhookSecret: raw.has_webhook_secret });
  }

  async list(organisationId: string, filter: { type?: ReferralSourceType; q?: string; active?: boolean; skip: number; take: number }): Promise<[ReferralSourceView[], number]> {
    const query = this.query(organisationId).orderBy('s.name', 'ASC').addOrderBy('s.id', 'ASC').offset(filter.skip).limit(filter.take);
    if (filter.type) query.andWhere('s.type = :type', { type: filter.type });
    if (filter.active !== undefined) query.andWhere('s.active = :active', { active: filter.active });
    if (filter.q) query.andWhere('s.name ILIKE :q', { q: `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    const [{ entities, raw }, total] = await Promise.all([query.getRawAndEntities(), query.getCount()]);
    return [entities.map((e, i) => ReferralSourceRepository.view(raw[i], e)), total];
  }

  async find(organisationId: string, id: string): Promise<ReferralSourceView | null> {
    const { entities, raw } = await this.query(organisationId).andWhere('s.id = :id', { id }).getRawAndEntities();
    return entities[0] ? ReferralSourceRepository.view(raw[0], entities[0]) : null;
  }

  async exists(organisationId: string, id: string): Promise<boolean> {
    return this.sources.exists({ where: { organisationId, id } });
  }

  async create(organisationId: string, data: ReferralSourceData): Promise<ReferralSourceView> {
    const saved = await this.sources.save(this.sources.create({ ...data, webhookSecret: this.sealed(data.webhookSecret), organisationId }));
    return (await this.find(organisationId, saved.id)) as ReferralSourceView;
  }

  async update(organisationId: string, id: string, patch: Partial<ReferralSourceData>): Promise<ReferralSourceView | null> {
    const stored = patch.webhookSecret !== undefined ? { ...patch, webhookSecret: this.sealed(patch.webhookSecret) } : patch;
    if (Object.keys(stored).length > 0) await this.sources.update({ organisationId, id }, stored);
    return this.find(organisationId, id);
  }

  /** Webhook secrets are stored encrypted (SECRETS_KEY); null clears. */
  private sealed(secret: string | null | undefined): string | null | undefined {
    return secret ? this.secrets.seal(secret) : secret;
  }
}
