import { INestApplication } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { AUDIT_METADATA, AuditedOptions } from '@app/audit';
import { PUBLIC_METADATA, Role, ROLES_METADATA } from '@app/identity';

/** What a route handler declares about access and audit; `operationId` is the one the OpenAPI document gives it. */
export interface RouteRule {
  name: string;
  operationId: string;
  isPublic: boolean;
  roles: Role[];
  audited?: AuditedOptions;
}

/** Every route handler of the app with its `@Public`, `@Roles` and `@Audited` declarations. */
export function listRouteRules(app: INestApplication): RouteRule[] {
  const modules = app.get(ModulesContainer);
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const rules: RouteRule[] = [];
  const controllers = [...modules.values()].flatMap((module) => [...module.controllers.values()]);
  for (const wrapper of controllers) {
    const controller = wrapper.metatype as (new (...args: unknown[]) => object) | undefined;
    if (!controller) continue;
    for (const methodName of scanner.getAllMethodNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[methodName] as () => void;
      if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue; // not a route
      const targets = [handler, controller];
      rules.push({
        name: `${controller.name}.${methodName}`,
        operationId: `${controller.name}_${methodName}`,
        isPublic: reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets) ?? false,
        roles: reflector.getAllAndOverride<Role[] | undefined>(ROLES_METADATA, targets) ?? [],
        audited: reflector.get<AuditedOptions | undefined>(AUDIT_METADATA, handler),
      });
    }
  }
  return rules;
}

/**
 * Lists every route handler that has neither `@Roles` nor `@Public`. The access guard already refuses
 * such routes at run time; a test asserts this list is empty, so one cannot even be merged.
 */
export function findRoutesWithoutAccessRule(app: INestApplication): string[] {
  return listRouteRules(app)
    .filter((rule) => !rule.isPublic && rule.roles.length === 0)
    .map((rule) => rule.name);
}
