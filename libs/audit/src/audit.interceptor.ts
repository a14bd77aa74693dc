import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from '@app/core';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { AUDIT_METADATA, AuditedOptions } from './audited.decorator';
import { AuditService } from './audit.service';

/**
 * Writes the audit row of every `@Audited` route. The row is written before the response leaves,
 * so data is never returned without its audit record (if the audit write fails, the call fails).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<AuditedOptions | undefined>(AUDIT_METADATA, context.getHandler());
    if (!options || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();

    return next.handle().pipe(
      mergeMap((result) => from(this.audit.recordRoute(options, request, 'success', result).then(() => result))),
      catchError((error: unknown) => {
        const status = error instanceof HttpException ? error.getStatus() : 500;
        const outcome = status === 403 || status === 404 ? 'denied' : 'failure';
        return from(this.audit.recordRoute(options, request, outcome, undefined, status).catch(() => undefined)).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }
}
