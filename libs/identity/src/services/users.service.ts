import type { Locale } from '@app/i18n';
import { Injectable } from '@nestjs/common';
import { AppError, ConflictError, NotFoundError, Page, Principal } from '@app/core';
import { HttpStatus } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Role } from '../entities/role';
import { User } from '../entities/user.entity';
import { UserListFilter, UserRepository } from '../repositories/user.repository';
import { PasswordService } from './password.service';
import { TokenService } from './token.service';

export interface CreateUserInput {
  email: string;
  name: string;
  role: Role;
  password: string;
  referralSourceId?: string | null;
  volunteerId?: string | null;
}

export interface UpdateUserInput {
  name?: string;
  role?: Role;
  active?: boolean;
  referralSourceId?: string | null;
  volunteerId?: string | null;
}

/** Users of the caller's own organisation; another organisation's users do not exist for them (404). */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
  ) {}

  async list(actor: Principal, filter: UserListFilter): Promise<Page<User>> {
    const [items, total] = await this.users.list(actor.organisationId, filter);
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  async get(actor: Principal, id: string): Promise<User> {
    const user = await this.users.findInOrganisation(actor.organisationId, id);
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  async create(actor: Principal, input: CreateUserInput): Promise<User> {
    const links = await this.checkLinks(actor, input.role, input.referralSourceId ?? null, input.volunteerId ?? null);
    const passwordHash = await this.passwords.hashNew(input.password, input);
    return this.users.create(actor.organisationId, { email: input.email, name: input.name, role: input.role, passwordHash, ...links });
  }

  /** What a person changes about themselves: their name and the language messages reach them in. */
  async updateSelf(actor: Principal, input: { name?: string; locale?: Locale; phone?: string | null }): Promise<User> {
    return (await this.users.update(actor.organisationId, actor.userId, input)) as User;
  }

  async update(actor: Principal, id: string, input: UpdateUserInput): Promise<User> {
    const user = await this.get(actor, id);
    if (user.id === actor.userId && (input.active === false || (input.role && input.role !== user.role))) {
      throw new ConflictError('cannot_change_self');
    }
    const role = input.role ?? user.role;
    const links = await this.checkLinks(
      actor,
      role,
      input.referralSourceId !== undefined ? input.referralSourceId : user.referralSourceId,
      input.volunteerId !== undefined ? input.volunteerId : user.volunteerId,
    );
    const updated = await this.users.update(actor.organisationId, id, { ...input, ...links });
    if (input.active === false || (input.role && input.role !== user.role)) await this.tokens.revokeAllForUser(id);
    return updated as User;
  }

  /**
   * A referrer works for exactly one referral source, a volunteer logs in to exactly one volunteer
   * profile; other roles have neither. Both must belong to the organisation (seen inside the
   * caller's transaction when given: a volunteer profile created in the same call).
   */
  async checkLinks(actor: Principal, role: Role, referralSourceId: string | null, volunteerId: string | null, manager?: EntityManager) {
    const fail = (code: 'referral_source_required' | 'volunteer_required') => {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, code);
    };
    const source = role === Role.Referrer ? referralSourceId : null;
    const volunteer = role === Role.Volunteer ? volunteerId : null;
    if (role === Role.Referrer && !source) fail('referral_source_required');
    if (role === Role.Volunteer && !volunteer) fail('volunteer_required');
    const exists = await this.users.linkTargetsExist(actor.organisationId, source, volunteer, manager);
    if (source && !exists.source) throw new NotFoundError('Referral source', source);
    if (volunteer && !exists.volunteer) throw new NotFoundError('Volunteer', volunteer);
    return { referralSourceId: source, volunteerId: volunteer };
  }
}
