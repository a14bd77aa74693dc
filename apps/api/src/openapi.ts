import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorResponseDto } from '@app/core';

const ERROR_REF = { $ref: '#/components/schemas/ErrorResponseDto' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ERROR_REF } } });

/** Adds the error responses every route can give, so no operation documents only its happy path. */
function addStandardErrors(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of Object.values(item)) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const responses = operation.responses as Record<string, unknown>;
      const add = (code: string, description: string) => (responses[code] ??= errorResponse(description));
      add('400', 'Invalid input: unknown field, wrong type or format');
      if (operation.security?.length) {
        add('401', 'Missing, invalid or expired access token');
        add('403', 'The role of the caller does not allow this');
      }
      if (path.includes('{')) add('404', 'Not found in the caller’s organisation');
      add('500', 'Unexpected error; the body carries an errorId');
    }
  }
}

/** Every `:id`-like path parameter is parsed as a UUID (`ParseUUIDPipe`); the document says so. */
function describeIdParameters(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      const parameters = (operation as { parameters?: Array<{ in: string; name: string; description?: string; schema?: Record<string, unknown> }> })?.parameters ?? [];
      for (const parameter of parameters) {
        if (parameter.in !== 'path' || !/^(id|\w+Id)$/.test(parameter.name)) continue;
        parameter.schema = { ...parameter.schema, type: 'string', format: 'uuid' };
        parameter.description ??= parameter.name === 'id' ? 'The id of the resource (a UUID)' : `The ${parameter.name.replace(/Id$/, '')}'s id (a UUID)`;
      }
    }
  }
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Volunteer Match API')
    .setDescription('Matching trained volunteers with people in the last phase of life. All routes need a bearer token unless marked otherwise.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponseDto] });
  addStandardErrors(document);
  describeIdParameters(document);
  return document;
}

/** Swagger UI at /api/docs, the JSON at /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json', yamlDocumentUrl: 'api/docs-yaml' });
}
