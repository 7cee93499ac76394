/**
 * Configuration from the environment. Every variable Trellis reads is here, and the README
 * lists the same set.
 */
import path from 'node:path';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Config {
  /** A `postgres://` URL, or a path to an SQLite file. */
  readonly databaseUrl: string;
  readonly databaseKind: DatabaseKind;
  readonly port: number;
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  readonly logLevel: string;
  /** Seed the synthetic demo school when the database is empty. */
  readonly seedDemo: boolean;
}

export const DEFAULT_DATABASE_URL = './data/trellis.sqlite';

/** Tells an SQLite path from a PostgreSQL URL. */
export function databaseKindOf(url: string): DatabaseKind {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

/** Reads the configuration from `env`, with the documented defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
  }

  return {
    databaseUrl: databaseKindOf(databaseUrl) === 'sqlite' ? path.resolve(databaseUrl) : databaseUrl,
    databaseKind: databaseKindOf(databaseUrl),
    port,
    logLevel: env.LOG_LEVEL ?? 'info',
    seedDemo: env.TRELLIS_DEMO !== 'off',
  };
}
