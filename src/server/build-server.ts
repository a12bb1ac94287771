import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';

export interface ServerOptions {
  logLevel?: string;
  metrics: Registry;
  /** Checked by /healthz: resolves when the database answers. */
  checkDatabase: () => Promise<void>;
}

/**
 * The fastify instance every plugin registers onto (service API, download route, web chat,
 * Telegram webhook, Slack events). Routes only handle HTTP; the domain lives in src/.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logLevel === 'silent' || !options.logLevel ? false : { level: options.logLevel, redact: ['req.headers.authorization', 'req.headers["x-api-key"]'] },
    bodyLimit: 1_048_576,
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.get('/healthz', async (_request, reply) => {
    try {
      await options.checkDatabase();
      return { status: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', options.metrics.contentType);
    return options.metrics.metrics();
  });
  return app;
}
