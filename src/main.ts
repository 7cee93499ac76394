/**
 * `npm start`: opens and migrates the configured database, seeds the synthetic demo school
 * when it holds no organizations, serves the web app, and prints the URL and demo sign-ins.
 * SIGINT and SIGTERM close the server and the database before exiting.
 */
import { serve } from '@hono/node-server';
import { loadConfig } from './config.js';
import { logger } from './logger.js';
import { createApp } from './server/app.js';
import { demoSignInLines, seedDemoSchool } from './services/demo-school.js';
import { migrate, openStore, type Store } from './store/database.js';
import { countOrganizations } from './store/roster.repository.js';

const log = logger('app');

async function main(): Promise<void> {
  const config = loadConfig();
  const store = openStore(config.databaseUrl);
  const migration = await migrate(store);
  log.info({ database: config.databaseKind, migration }, 'database ready');

  const seeded = config.seedDemo && (await seedIfEmpty(store));
  const app = createApp({ store, oidc: config.oidc, trustProxy: config.trustProxy });
  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    printBanner(info.port, seeded);
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    server.close(() => {
      store.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    // Keep-alive connections can hold `close` open; give them a moment, then leave.
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

async function seedIfEmpty(store: Store): Promise<boolean> {
  if ((await countOrganizations(store.db)) > 0) return false;
  await seedDemoSchool(store.db);
  log.info('seeded the synthetic demo school');
  return true;
}

function printBanner(port: number, seeded: boolean): void {
  const lines = [
    '',
    `Trellis is running at http://localhost:${port}`,
    ...(seeded ? ['The synthetic demo school was loaded into the new database.'] : []),
    '',
    'Demo sign-ins (username / password):',
    ...demoSignInLines(),
    '',
    'Press Ctrl+C to stop.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
