import { DynamicModule, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { AllExceptionsFilter, AppConfig, AppConfigModule, GeoModule, LoggingModule, NoBodyInterceptor, RedisModule } from '@app/core';
import { DatabaseModule } from '@app/database';
import { AuditInterceptor, AuditModule } from '@app/audit';
import { AccessGuard, BootstrapAdminService, IdentityModule } from '@app/identity';
import { FeedbackModule } from '@app/feedback';
import { I18nModule } from '@app/i18n';
import { MatchesModule } from '@app/matches';
import { MatchingModule } from '@app/matching';
import { NotificationsModule } from '@app/notifications';

import { NotificationInboxModule } from '@app/notifications';
import { ProgrammesModule } from '@app/programmes';
import { ReferralsModule } from '@app/referrals';
import { VolunteersModule } from '@app/volunteers';
import { WorkerModule } from '../../worker/src/worker.module';
import { AuthController } from './controllers/auth.controller';
import { InvitationsController } from './controllers/invitations.controller';
import { MeController } from './controllers/me.controller';
import { OrganisationsController } from './controllers/organisations.controller';
import { ProgrammesController } from './controllers/programmes.controller';
import { ReferralSourcesController } from './controllers/referral-sources.controller';
import { RequestsController } from './controllers/requests.controller';
import { VolunteersController } from './controllers/volunteers.controller';
import { UsersController } from './controllers/users.controller';
import { HealthController } from './health/health.controller';
import { AssignmentController } from './controllers/assignment.controller';
import { MatchingController } from './controllers/matching.controller';
import { CalendarController } from './controllers/calendar.controller';
import { FeedbackController, FollowUpsController } from './controllers/follow-ups.controller';
import { MatchesController } from './controllers/matches.controller';
import { OffersController, VigilAlertsController } from './controllers/offers.controller';
import { VisitsController } from './controllers/visits.controller';
import { PushController } from './controllers/push.controller';

import { NotificationsController } from './controllers/notifications.controller';
import { loginThrottlerOptions } from './throttling/login-throttler';
import { BrowserSessions } from './browser-session';

export interface AppModuleOptions {
  /** Run the worker (outbox relay + job processors) inside the API process. */
  withWorker: boolean;
}

@Module({})
export class AppModule implements OnApplicationBootstrap {
  constructor(private readonly bootstrapAdmin: BootstrapAdminService) {}

  static register(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule,
        LoggingModule,
        DatabaseModule,
        RedisModule,
        I18nModule,
        AuditModule,
        IdentityModule,
        GeoModule,
        ProgrammesModule,
        ReferralsModule,
        VolunteersModule,
        MatchingModule,
        MatchesModule,
        FeedbackModule,
        NotificationsModule,

        NotificationInboxModule,
        TerminusModule.forRoot({ logger: false }),
        ThrottlerModule.forRootAsync({ inject: [AppConfig], useFactory: loginThrottlerOptions }),
        ...(options.withWorker ? [WorkerModule] : []),
      ],
      controllers: [
        HealthController,
        AuthController,
        InvitationsController,
        MeController,
        OrganisationsController,
        UsersController,
        ProgrammesController,
        ReferralSourcesController,
        VolunteersController,
        RequestsController,
        MatchingController,
        AssignmentController,
        MatchesController,
        VisitsController,
        OffersController,
        VigilAlertsController,
        CalendarController,
        FollowUpsController,
        FeedbackController,
        PushController,

        NotificationsController,
      ],
      providers: [
        { provide: APP_GUARD, useExisting: AccessGuard },
        { provide: APP_INTERCEPTOR, useExisting: AuditInterceptor },
        { provide: APP_INTERCEPTOR, useClass: NoBodyInterceptor },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        BrowserSessions,
      ],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.bootstrapAdmin.run();
  }
}
