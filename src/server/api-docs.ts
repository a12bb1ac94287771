import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * OpenAPI document at /api/docs/json and its UI at /api/docs. Register it before any route:
 * @fastify/swagger only sees routes added after it.
 */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Certificate assistant service API',
        description: 'Certificate status, annotations and download links for holders (identity in the POST body, never in the URL), and staff operations behind x-api-key.',
        version: '1.0.0',
      },
      components: { securitySchemes: { staffApiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}
