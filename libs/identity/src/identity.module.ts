import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@app/core';
import { AuditModule } from '@app/audit';
import { OutboxModule } from '@app/outbox';
import { AccessGuard } from './access/access.guard';
import { OrganisationRepository } from './repositories/organisation.repository';
import { RefreshTokenRepository } from './repositories/refresh-token.repository';
import { UserRepository } from './repositories/user.repository';
import { AuthService } from './services/auth.service';
import { BootstrapAdminService } from './services/bootstrap-admin.service';
import { LoginAttemptsService } from './services/login-attempts.service';
import { OrganisationsService } from './services/organisations.service';
import { PasswordService } from './services/password.service';
import { TokenService } from './services/token.service';
import { UsersService } from './services/users.service';

@Module({
  imports: [
    AuditModule,
    OutboxModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.auth.jwtSecret, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  providers: [
    UserRepository,
    OrganisationRepository,
    RefreshTokenRepository,
    PasswordService,
    LoginAttemptsService,
    TokenService,
    AuthService,
    UsersService,
    OrganisationsService,
    BootstrapAdminService,
    AccessGuard,
  ],
  exports: [AuthService, UsersService, OrganisationsService, BootstrapAdminService, AccessGuard],
})
export class IdentityModule {}
