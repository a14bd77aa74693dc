import type { Locale } from '@app/i18n';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError } from '@app/core';
import { JobName, OutboxRepository } from '@app/outbox';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Role } from '../entities/role';
import { User } from '../entities/user.entity';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  referralSourceId?: string | null;
  volunteerId?: string | null;
}

export interface UserListFilter {
  page: number;
  pageSize: number;
  role?: Role;
  active?: boolean;
  q?: string;
}

export interface LoginCandidate {
  id: string;
  organisationId: string;
  organisationName: string;
  role: Role;
  referralSourceId: string | null;
  volunteerId: string | null;
  locale: Locale;
  active: boolean;
  passwordHash: string;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as QueryFailedError & { code?: string; constraint?: string };
  return error instanceof QueryFailedError && e.code === '23505' && (!constraint || e.constraint === constraint);
}

/** Every query on users. Reads and writes of one organisation's users take its id first. */
@Injectable()
export class UserRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
  ) {}

  private get users() {
    return this.dataSource.getRepository(User);
  }

  async countAll(): Promise<number> {
    return this.users.count();
  }

  /**
   * Every account with this email (one per organisation at most), or only the one in the given
   * organisation. Deliberately not organisation-scoped otherwise: login is by email alone.
   */
  async findForLogin(email: string, organisationId?: string): Promise<LoginCandidate[]> {
    return this.dataSource.query(
      `SELECT u.id, u.organisation_id AS "organisationId", o.name AS "organisationName", u.role, u.referral_source_id AS "referralSourceId",
              u.volunteer_id AS "volunteerId", u.locale, u.active, u.password_hash AS "passwordHash"
         FROM app_user u JOIN organisation o ON o.id = u.organisation_id
        WHERE u.email = $1 AND ($2::uuid IS NULL OR u.organisation_id = $2)
        ORDER BY o.name, o.id`,
      [email.toLowerCase(), organisationId ?? null],
    );
  }

  /** The caller behind a token: only active users count. Deliberately not organisation-scoped. */
  async findActiveById(id: string): Promise<User | null> {
    return this.users.findOne({ where: { id, active: true } });
  }

  async findInOrganisation(organisationId: string, id: string): Promise<User | null> {
    return this.users.findOne({ where: { organisationId, id } });
  }

  async list(organisationId: string, filter: UserListFilter): Promise<[User[], number]> {
    const query = this.users
      .createQueryBuilder('u')
      .where('u.organisationId = :organisationId', { organisationId })
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize);
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    if (filter.active !== undefined) query.andWhere('u.active = :active', { active: filter.active });
    if (filter.q) {
      query.andWhere('(u.name ILIKE :q OR u.email ILIKE :q)', { q: `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    }
    return query.getManyAndCount();
  }

  /** Inserts a user and its `user.created` event in the caller's transaction. */
  async insert(manager: EntityManager, organisationId: string, user: NewUser): Promise<User> {
    try {
      const saved = await manager.getRepository(User).save(
        manager.getRepository(User).create({ ...user, email: user.email.toLowerCase(), organisationId, active: true }),
      );
      await this.outbox.add(manager, JobName.UserCreated, { userId: saved.id, organisationId });
      return saved;
    } catch (error) {
      if (isUniqueViolation(error, 'uq_app_user_volunteer')) throw new ConflictError('volunteer_has_login', 'This volunteer already has a login');
      if (isUniqueViolation(error, 'uq_app_user_organisation_email')) throw new ConflictError('email_taken', 'A user with this email address already exists in this organisation');
      throw error;
    }
  }

  async create(organisationId: string, user: NewUser): Promise<User> {
    const created = await this.dataSource.transaction((manager) => this.insert(manager, organisationId, user));
    return (await this.findInOrganisation(organisationId, created.id)) as User;
  }

  async update(organisationId: string, id: string, patch: Partial<Pick<User, 'name' | 'role' | 'active' | 'referralSourceId' | 'volunteerId' | 'locale' | 'phone'>>): Promise<User | null> {
    try {
      await this.users.update({ organisationId, id }, patch);
    } catch (error) {
      if (isUniqueViolation(error, 'uq_app_user_volunteer')) throw new ConflictError('volunteer_has_login', 'This volunteer already has a login');
      throw error;
    }
    return this.findInOrganisation(organisationId, id);
  }

  /** Whether a referral source and a volunteer profile exist in the organisation (identity links to them). */
  async linkTargetsExist(organisationId: string, referralSourceId: string | null, volunteerId: string | null): Promise<{ source: boolean; volunteer: boolean }> {
    const [row] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM referral_source WHERE id = $2 AND organisation_id = $1) AS source,
              EXISTS (SELECT 1 FROM volunteer WHERE id = $3 AND organisation_id = $1) AS volunteer`,
      [organisationId, referralSourceId, volunteerId],
    );
    return row;
  }

  async recordLogin(id: string): Promise<void> {
    await this.users.update({ id }, { lastLoginAt: new Date() });
  }
}
