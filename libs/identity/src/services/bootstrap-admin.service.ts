import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, ConflictError } from '@app/core';
import { UserRepository } from '../repositories/user.repository';
import { OrganisationsService } from './organisations.service';

/** On a fresh installation, creates the first organisation and its admin from the environment. */
@Injectable()
export class BootstrapAdminService {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly organisations: OrganisationsService,
  ) {}

  async run(): Promise<void> {
    const { adminEmail, adminPassword, organisationName } = this.config.bootstrap;
    if ((await this.users.countAll()) > 0) return;
    if (!adminEmail || !adminPassword) {
      this.logger.warn('No users exist yet. Set BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD and restart to create the first admin.');
      return;
    }
    try {
      await this.organisations.createWithAdmin(
        { name: organisationName, admin: { email: adminEmail, name: 'Administrator', password: adminPassword } },
        true,
      );
    } catch (error) {
      if (error instanceof ConflictError) return; // another instance bootstrapped at the same moment
      throw error;
    }
    this.logger.log(
      `Created organisation "${organisationName}" and admin ${adminEmail}. Log in: POST /api/auth/login {"email": "${adminEmail}", "password": <BOOTSTRAP_ADMIN_PASSWORD>}`,
    );
  }
}
