import { z } from 'zod';

const optionalText = z.string().trim().min(1).optional();
const listOfIds = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split(',').map((id) => id.trim()).filter(Boolean));

/** Every environment variable the assistant reads. README's configuration table mirrors this. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_BASE_URL: z.string().url().optional(),
  ID_HASH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DOWNLOAD_LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DOWNLOAD_LINK_TTL_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  STAFF_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: z.string().url().optional(),
  TELEGRAM_WEBHOOK_URL: z.string().url().optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, 'may hold only A-Z, a-z, 0-9, _ and -')
    .optional(),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: z.string().url().optional(),
  SLACK_STAFF_USER_IDS: listOfIds,
  SLACK_HANDOFF_CHANNEL: optionalText,
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Parses the environment; a wrong value throws a ConfigError that names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const config = parsed.data;
  if (config.TELEGRAM_WEBHOOK_URL && !config.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError('Invalid configuration:\n  TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set');
  }
  if (config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN) {
    throw new ConfigError('Invalid configuration:\n  SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set (or SLACK_APP_TOKEN for Socket Mode)');
  }
  if (config.SLACK_BOT_TOKEN && !config.SLACK_HANDOFF_CHANNEL) {
    throw new ConfigError('Invalid configuration:\n  SLACK_HANDOFF_CHANNEL: required when SLACK_BOT_TOKEN is set');
  }
  return config;
}
