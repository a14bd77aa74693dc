import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { PUBLIC_METADATA, ROLES_METADATA } from '@app/identity';

/**
 * Lists every route handler that has neither `@Roles` nor `@Public`. The access guard already refuses
 * such routes at run time; a test asserts this list is empty, so one cannot even be merged.
 */
export function findRoutesWithoutAccessRule(app: INestApplication): string[] {
  const modules = app.get(ModulesContainer);
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const missing: string[] = [];
  const controllers = [...modules.values()].flatMap((module) => [...module.controllers.values()]);
  for (const wrapper of controllers) {
    const controller = wrapper.metatype as (new (...args: unknown[]) => object) | undefined;
    if (!controller) continue;
    for (const methodName of scanner.getAllMethodNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[methodName] as object;
      if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue; // not a route
      const targets = [handler as () => void, controller];
      const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets);
      const roles = reflector.getAllAndOverride<unknown[]>(ROLES_METADATA, targets);
      if (!isPublic && !(roles && roles.length > 0)) missing.push(`${controller.name}.${methodName}`);
    }
  }
  return missing;
}

export interface RouteAccess {
  method: string;
  /** As OpenAPI writes it: `/api/requests/{id}/triage`. */
  path: string;
  roles: string[];
  isPublic: boolean;
}

/** Every API route with the roles it allows, for tests that walk the API as its callers would. */
export function listRouteAccess(app: INestApplication): RouteAccess[] {
  const modules = app.get(ModulesContainer);
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const routes: RouteAccess[] = [];
  for (const wrapper of [...modules.values()].flatMap((module) => [...module.controllers.values()])) {
    const controller = wrapper.metatype as (new (...args: unknown[]) => object) | undefined;
    if (!controller) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const methodName of scanner.getAllMethodNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[methodName] as object;
      const own = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (own === undefined) continue;
      const targets = [handler as () => void, controller];
      const path = ['api', base, own].map((part) => part.replace(/^\/|\/$/g, '')).filter(Boolean).join('/');
      routes.push({
        method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod],
        path: `/${path}`.replace(/:(\w+)/g, '{$1}'),
        roles: reflector.getAllAndOverride<string[]>(ROLES_METADATA, targets) ?? [],
        isPublic: reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets) ?? false,
      });
    }
  }
  return routes;
}
