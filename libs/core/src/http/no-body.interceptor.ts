import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { ValidationFailedError } from '../errors/app-errors';
import { phrase } from '@app/i18n';

const isEmpty = (body: unknown) =>
  body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);

/**
 * Unknown fields are refused everywhere; a route without a body (accept, confirm, …) has no known
 * fields at all, so anything but an empty body is refused too instead of silently ignored.
 */
@Injectable()
export class NoBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {}) as Record<string, unknown>;
      const takesBody = Object.keys(args).some((key) => key.startsWith(`${RouteParamtypes.BODY}:`));
      if (!takesBody && !isEmpty(context.switchToHttp().getRequest<FastifyRequest>().body)) {
        throw new ValidationFailedError(phrase('validation.noBody'));
      }
    }
    return next.handle();
  }
}
