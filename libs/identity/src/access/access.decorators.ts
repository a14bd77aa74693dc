import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { AuthenticatedRequest, Principal } from '@app/core';
import { Role } from '../entities/role';

export const ROLES_METADATA = 'volunteer-match:roles';
export const PUBLIC_METADATA = 'volunteer-match:public';

/**
 * The roles that may call a route. Every route needs `@Roles(...)` or `@Public()`: the access guard
 * refuses a route with neither (deny by default), and a test fails on it.
 */
export const Roles = (...roles: [Role, ...Role[]]) => applyDecorators(SetMetadata(ROLES_METADATA, roles), ApiBearerAuth());

/** A route anyone may call without a token (login, health). */
export const Public = () => SetMetadata(PUBLIC_METADATA, true);

/** The signed-in caller; only on routes with `@Roles`. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without @Roles');
  return principal;
});
