import { Global, Logger, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { SecretBox } from '../crypto/secret-box';
import { AppConfig } from './app-config';
import { validateEnvironment } from './environment';

/**
 * Loads `.env` (if present) into the environment, validates it (a bad value stops the boot with
 * a message naming the variable), and provides the typed `AppConfig`.
 */
@Global()
@Module({
  imports: [ConfigModule.forRoot({ cache: true, validate: validateEnvironment })],
  providers: [
    {
      provide: AppConfig,
      useFactory: () => {
        const config = new AppConfig(validateEnvironment(process.env));
        if (config.auth.usesDevelopmentSecret) {
          new Logger('Config').warn(
            '!!! JWT_SECRET is not set: using the DEVELOPMENT secret, so anyone can forge tokens. Set JWT_SECRET before real use. !!!',
          );
        }
        if (config.nodeEnv === 'production' && !config.secretsKey) {
          new Logger('Config').warn('SECRETS_KEY is not set: webhook secrets are stored unencrypted. Set it before real use.');
        }
        return config;
      },
    },
    SecretBox,
  ],
  exports: [AppConfig, SecretBox],
})
export class AppConfigModule {}
