import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from '@app/core';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { AUDIT_METADATA, AuditedOptions } from './audited.decorator';
import { AuditService } from './audit.service';

function idOf(result: unknown): string | undefined {
  const id = (result as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}

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
    const params = (request.params ?? {}) as Record<string, string>;
    const write = (result: unknown, outcome: 'success' | 'failure' | 'denied', details?: Record<string, unknown>) =>
      this.audit.record(
        {
          action: options.action,
          resourceType: options.resourceType,
          resourceId: options.resourceId ? options.resourceId(params, result) : (params.id ?? idOf(result)),
          clientId: options.clientId?.(params, result),
          outcome,
          details,
        },
        request,
      );

    return next.handle().pipe(
      mergeMap((result) => from(write(result, 'success', options.details?.(params, result)).then(() => result))),
      catchError((error: unknown) => {
        const status = error instanceof HttpException ? error.getStatus() : 500;
        const outcome = status === 403 || status === 404 ? 'denied' : 'failure';
        return from(write(undefined, outcome, { status }).catch(() => undefined)).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }
}
