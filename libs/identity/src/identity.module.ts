import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@app/core';
import { AuditModule } from '@app/audit';
import { NotificationsModule } from '@app/notifications';
import { OutboxModule } from '@app/outbox';
import { AccountTokenRepository } from './repositories/account-token.repository';
import { AccountMailer, InvitationMailHandler, PasswordResetMailHandler } from './services/account-mail.handlers';
import { InvitationsService } from './services/invitations.service';
import { PasswordResetService } from './services/password-reset.service';
import { TwoFactorService } from './services/two-factor.service';
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
    NotificationsModule,
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
    AccountTokenRepository,
    InvitationsService,
    PasswordResetService,
    TwoFactorService,
    AccountMailer,
    InvitationMailHandler,
    PasswordResetMailHandler,
  ],
  exports: [AuthService, UsersService, OrganisationsService, BootstrapAdminService, AccessGuard, InvitationsService, PasswordResetService, TwoFactorService],
})
export class IdentityModule {}
