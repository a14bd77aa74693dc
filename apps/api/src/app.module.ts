import { DynamicModule, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { AllExceptionsFilter, AppConfig, AppConfigModule, LoggingModule, RedisModule } from '@app/core';
import { DatabaseModule } from '@app/database';
import { AuditInterceptor, AuditModule } from '@app/audit';
import { AccessGuard, BootstrapAdminService, IdentityModule } from '@app/identity';
import { WorkerModule } from '../../worker/src/worker.module';
import { AuthController } from './controllers/auth.controller';
import { MeController } from './controllers/me.controller';
import { OrganisationsController } from './controllers/organisations.controller';
import { UsersController } from './controllers/users.controller';
import { HealthController } from './health/health.controller';
import { loginThrottlerOptions } from './throttling/login-throttler';

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
        AuditModule,
        IdentityModule,
        TerminusModule.forRoot({ logger: false }),
        ThrottlerModule.forRootAsync({ inject: [AppConfig], useFactory: loginThrottlerOptions }),
        ...(options.withWorker ? [WorkerModule] : []),
      ],
      controllers: [HealthController, AuthController, MeController, OrganisationsController, UsersController],
      providers: [
        { provide: APP_GUARD, useExisting: AccessGuard },
        { provide: APP_INTERCEPTOR, useExisting: AuditInterceptor },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.bootstrapAdmin.run();
  }
}
