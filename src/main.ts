import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';

/** `npm start`: reads the environment, builds everything, serves until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await buildApp({ config });
  await app.start();
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.server.log.info(`${signal}: shutting down`);
    await app.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('The assistant could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
