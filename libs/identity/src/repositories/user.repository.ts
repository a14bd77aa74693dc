import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError } from '@app/core';
import { JobName, OutboxRepository } from '@app/followups';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Role } from '../entities/role';
import { User } from '../entities/user.entity';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
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
  role: Role;
  active: boolean;
  passwordHash: string;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505';
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

  async findForLogin(email: string): Promise<LoginCandidate | null> {
    return (await this.users
      .createQueryBuilder('u')
      .select(['u.id', 'u.organisationId', 'u.role', 'u.active'])
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.toLowerCase() })
      .getOne()) as LoginCandidate | null;
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
      if (isUniqueViolation(error)) throw new ConflictError('email_taken', 'A user with this email address already exists');
      throw error;
    }
  }

  async create(organisationId: string, user: NewUser): Promise<User> {
    const created = await this.dataSource.transaction((manager) => this.insert(manager, organisationId, user));
    return (await this.findInOrganisation(organisationId, created.id)) as User;
  }

  async update(organisationId: string, id: string, patch: Partial<Pick<User, 'name' | 'role' | 'active'>>): Promise<User | null> {
    await this.users.update({ organisationId, id }, patch);
    return this.findInOrganisation(organisationId, id);
  }

  async recordLogin(id: string): Promise<void> {
    await this.users.update({ id }, { lastLoginAt: new Date() });
  }
}
