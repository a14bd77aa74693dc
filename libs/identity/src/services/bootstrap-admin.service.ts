import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, ConfigurationError, ConflictError } from '@app/core';
import { UserRepository } from '../repositories/user.repository';
import { OrganisationsService } from './organisations.service';
import { passwordProblem } from './password-policy';

const ADMIN_NAME = 'Administrator';

/**
 * On a fresh installation, creates the first organisation and its admin from the environment. A
 * password the policy refuses stops the boot (only then: once users exist the variable is unused).
 */
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
    const problem = passwordProblem(adminPassword, { email: adminEmail, name: ADMIN_NAME });
    if (problem) throw new ConfigurationError(`Invalid configuration:\n  - BOOTSTRAP_ADMIN_PASSWORD: ${problem.message}`);
    try {
      await this.organisations.createWithAdmin(
        { name: organisationName, admin: { email: adminEmail, name: ADMIN_NAME, password: adminPassword } },
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
