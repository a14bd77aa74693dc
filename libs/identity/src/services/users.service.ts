import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError, Page, Principal } from '@app/core';
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
}

export interface UpdateUserInput {
  name?: string;
  role?: Role;
  active?: boolean;
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
    const passwordHash = await this.passwords.hash(input.password);
    return this.users.create(actor.organisationId, { email: input.email, name: input.name, role: input.role, passwordHash });
  }

  async update(actor: Principal, id: string, input: UpdateUserInput): Promise<User> {
    const user = await this.get(actor, id);
    if (user.id === actor.userId && (input.active === false || (input.role && input.role !== user.role))) {
      throw new ConflictError('cannot_change_self', 'You cannot deactivate yourself or change your own role');
    }
    const updated = await this.users.update(actor.organisationId, id, input);
    if (input.active === false || (input.role && input.role !== user.role)) await this.tokens.revokeAllForUser(id);
    return updated as User;
  }
}
