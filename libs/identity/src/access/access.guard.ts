import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedRequest, ForbiddenError, UnauthorizedError } from '@app/core';
import { AUDIT_METADATA, AuditedOptions, AuditService } from '@app/audit';
import { Role } from '../entities/role';
import { AuthService } from '../services/auth.service';
import { PUBLIC_METADATA, ROLES_METADATA } from './access.decorators';
import { phrase } from '@app/i18n';

/**
 * The global guard in front of every route: public routes pass; all others need a valid access token
 * of an active user whose role the route allows. A route that declares neither is refused.
 * Organisation scope is the next layer: services and repositories take `principal.organisationId`.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_METADATA, targets);
    if (!roles || roles.length === 0) {
      this.logger.error(`Route ${request.method} ${request.routeOptions?.url} has no @Roles or @Public: refused`);
      throw new ForbiddenError(phrase('errors.forbidden_no_access_rule'));
    }

    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new UnauthorizedError();
    request.principal = await this.auth.authenticate(match[1]);

    if (!roles.includes(request.principal.role as Role)) {
      const audited = this.reflector.get<AuditedOptions | undefined>(AUDIT_METADATA, context.getHandler());
      if (audited) await this.audit.recordRoute(audited, request, 'denied', undefined, 403);
      throw new ForbiddenError();
    }
    return true;
  }
}
