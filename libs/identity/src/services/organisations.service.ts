import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError, Principal } from '@app/core';
import { Organisation } from '../entities/organisation.entity';
import { Role } from '../entities/role';
import { User } from '../entities/user.entity';
import { OrganisationRepository } from '../repositories/organisation.repository';
import { PasswordService } from './password.service';
import { phrase } from '@app/i18n';

export interface CreateOrganisationInput {
  name: string;
  admin: { email: string; name: string; password: string };
}

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly passwords: PasswordService,
  ) {}

  async get(actor: Principal): Promise<Organisation> {
    const organisation = await this.organisations.findById(actor.organisationId);
    if (!organisation) throw new NotFoundError('Organisation', actor.organisationId);
    return organisation;
  }

  /** The organisation's own settings (its admins): which roles must log in with a second factor. */
  async updateSecurity(actor: Principal, input: { requireTwoFactorFor: Role[] }): Promise<Organisation> {
    const updated = await this.organisations.mergeSettings(actor.organisationId, { requireTwoFactorFor: [...new Set(input.requireTwoFactorFor)] });
    if (!updated) throw new NotFoundError('Organisation', actor.organisationId);
    return updated;
  }

  /**
   * Only admins of the hosting organisation create organisations. The new organisation gets its own
   * first admin; the creator gets no access to its data.
   */
  async create(actor: Principal, input: CreateOrganisationInput): Promise<{ organisation: Organisation; admin: User }> {
    const own = await this.get(actor);
    if (!own.isHost) throw new ForbiddenError(phrase('errors.forbidden_host_only'));
    return this.createWithAdmin(input, false);
  }

  async createWithAdmin(input: CreateOrganisationInput, isHost: boolean): Promise<{ organisation: Organisation; admin: User }> {
    const passwordHash = await this.passwords.hashNew(input.admin.password, input.admin, 'admin.password');
    return this.organisations.createWithAdmin(input.name, isHost, {
      email: input.admin.email,
      name: input.admin.name,
      role: Role.Admin,
      passwordHash,
    });
  }
}
