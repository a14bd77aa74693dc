import { ConsoleLogger } from '@nestjs/common';
import { ConfigurationError } from '../config/environment';

/** Logs in JSON before the app (and its pino logger) exists: database creation, migrations, boot errors. */
export function bootLogger(context: string): ConsoleLogger {
  return new ConsoleLogger(context, { json: true, colors: false });
}

/** Ends the process on a boot failure; a configuration error is printed without a stack trace. */
export function exitOnBootFailure(context: string) {
  return (error: Error): never => {
    const logger = bootLogger(context);
    if (error instanceof ConfigurationError) logger.error(error.message);
    else logger.error(error.message, error.stack);
    process.exit(1);
  };
}
