// The process: read the environment, start the app, stop it gracefully on SIGTERM/SIGINT.
import { ConfigError, loadConfig } from './config.js';
import { startApp } from './app.js';
import { scrubSecrets } from './logger.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every setting.\n`);
      process.exit(1);
    }
    throw err;
  }
  const app = await startApp(config);
  const shutdown = (signal: string) => {
    app.logger.info({ signal }, 'signal received');
    app.stop(10_000).then(
      () => process.exit(0),
      (err: unknown) => {
        app.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  // Not through pino: scrubbed here, since a failed start may quote a Bot API URL with the token.
  const message = scrubSecrets(err instanceof Error ? err.message : String(err), [process.env.BOT_TOKEN ?? '']);
  process.stderr.write(`fatal: ${message}\n`);
  process.exit(1);
});
