import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError } from '@app/core';
import { JobName, OutboxRepository } from '@app/outbox';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { Locale } from '@app/i18n';
import { Role } from '../entities/role';
import { User } from '../entities/user.entity';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  /** Null for an invited person, who sets it by accepting the invitation. */
  passwordHash: string | null;
  referralSourceId?: string | null;
  volunteerId?: string | null;
  locale?: Locale;
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
  passwordHash: string | null;
  email: string;
  totpEnabled: boolean;
  /** The organisation's setting: roles that must log in with a second factor. */
  requireTwoFactorFor: Role[] | null;
}

/** What the account emails need to know about a user. */
export interface AccountContact {
  id: string;
  organisationId: string;
  organisationName: string;
  email: string;
  name: string;
  locale: Locale;
  role: Role;
  active: boolean;
  /** Invited and not yet accepted: no password set. */
  pending: boolean;
}

export interface TotpState {
  email: string;
  name: string;
  organisationName: string;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  passwordHash: string | null;
  role: Role;
  requireTwoFactorFor: Role[] | null;
}

const CONTACT_SQL = `
  SELECT u.id, u.organisation_id AS "organisationId", o.name AS "organisationName", u.email, u.name, u.locale, u.role, u.active,
         u.password_hash IS NULL AS pending
    FROM app_user u JOIN organisation o ON o.id = u.organisation_id`;

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
              u.volunteer_id AS "volunteerId", u.locale, u.active, u.password_hash AS "passwordHash", u.email,
              u.totp_enabled_at IS NOT NULL AS "totpEnabled", o.settings->'requireTwoFactorFor' AS "requireTwoFactorFor"
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
      if (isUniqueViolation(error, 'uq_app_user_volunteer')) throw new ConflictError('volunteer_has_login');
      if (isUniqueViolation(error, 'uq_app_user_organisation_email')) throw new ConflictError('email_taken');
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
      if (isUniqueViolation(error, 'uq_app_user_volunteer')) throw new ConflictError('volunteer_has_login');
      throw error;
    }
    return this.findInOrganisation(organisationId, id);
  }

  /** Whether a referral source and a volunteer profile exist in the organisation (identity links to them). */
  async linkTargetsExist(organisationId: string, referralSourceId: string | null, volunteerId: string | null, manager: EntityManager = this.dataSource.manager): Promise<{ source: boolean; volunteer: boolean }> {
    const [row] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM referral_source WHERE id = $2 AND organisation_id = $1) AS source,
              EXISTS (SELECT 1 FROM volunteer WHERE id = $3 AND organisation_id = $1) AS volunteer`,
      [organisationId, referralSourceId, volunteerId],
    );
    return row;
  }

  /** The organisation's user with this email, locked for an invitation (one account per email per organisation). */
  async lockByEmail(manager: EntityManager, organisationId: string, email: string): Promise<{ id: string; role: Role; pending: boolean } | null> {
    const [row] = await manager.query(
      `SELECT id, role, password_hash IS NULL AS pending FROM app_user WHERE organisation_id = $1 AND email = $2 FOR UPDATE`,
      [organisationId, email.toLowerCase()],
    );
    return row ?? null;
  }

  /** The person behind an account email job. Deliberately not organisation-scoped: jobs carry ids. */
  async contactOf(id: string): Promise<AccountContact | null> {
    const [row] = await this.dataSource.query(`${CONTACT_SQL} WHERE u.id = $1`, [id]);
    return row ?? null;
  }

  /** Every account of an email address, across organisations (a password reset by email). */
  async contactsByEmail(email: string): Promise<AccountContact[]> {
    return this.dataSource.query(`${CONTACT_SQL} WHERE u.email = $1 ORDER BY o.name, o.id`, [email.toLowerCase()]);
  }

  /** A pending invitation asked again: who is invited may have changed. */
  async updateInvited(manager: EntityManager, organisationId: string, id: string, patch: Pick<NewUser, 'name' | 'role' | 'referralSourceId' | 'volunteerId' | 'locale'>): Promise<void> {
    try {
      await manager.getRepository(User).update({ organisationId, id }, patch);
    } catch (error) {
      if (isUniqueViolation(error, 'uq_app_user_volunteer')) throw new ConflictError('volunteer_has_login');
      throw error;
    }
  }

  async passwordHashOf(id: string): Promise<string | null> {
    const user = await this.users.findOne({ where: { id }, select: { id: true, passwordHash: true } });
    return user?.passwordHash ?? null;
  }

  async setPassword(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager.getRepository(User).update({ id }, { passwordHash });
  }

  async totpStateOf(id: string): Promise<TotpState | null> {
    const [row] = await this.dataSource.query(
      `SELECT u.email, u.name, u.role, o.settings->'requireTwoFactorFor' AS "requireTwoFactorFor", o.name AS "organisationName", u.totp_secret AS "totpSecret", u.totp_enabled_at AS "totpEnabledAt", u.password_hash AS "passwordHash"
         FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** A new secret waiting for its first code (enrolment); the old one, if any, is gone. */
  async setPendingTotpSecret(id: string, sealedSecret: string): Promise<void> {
    await this.users.update({ id }, { totpSecret: sealedSecret, totpEnabledAt: null, totpLastStep: null });
  }

  async enableTotp(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(User).update({ id }, { totpEnabledAt: new Date() });
  }

  async disableTotp(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(User).update({ id }, { totpSecret: null, totpEnabledAt: null, totpLastStep: null });
  }

  /**
   * Takes a TOTP time step for the user, atomically: false when that step or a later one was used
   * already (a replayed code, or two logins racing with the same code).
   */
  async claimTotpStep(id: string, step: number): Promise<boolean> {
    const [, affected] = await this.dataSource.query(
      `UPDATE app_user SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`,
      [id, step],
    );
    return affected > 0;
  }

  async recordLogin(id: string): Promise<void> {
    await this.users.update({ id }, { lastLoginAt: new Date() });
  }
}
