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
  /** The district's OpenID provider (OIDC_ISSUER and friends), or null when not set up. */
  readonly oidc: OidcConfig | null;
  /** Believe X-Forwarded-For (TRUST_PROXY=1), only behind a proxy that sets it. */
  readonly trustProxy: boolean;
}

/** Sign-in through the district's OpenID provider. */
export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly label?: string;
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
    oidc: oidcConfigOf(env),
    trustProxy: env.TRUST_PROXY === '1',
  };
}

/**
 * OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI together (OIDC_LABEL
 * optional), or null when OIDC_ISSUER is unset. Throws naming the missing variable.
 */
function oidcConfigOf(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const need = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) throw new Error(`OIDC_ISSUER is set, so ${name} must be set too`);
    return value;
  };
  return {
    issuer,
    clientId: need('OIDC_CLIENT_ID'),
    clientSecret: need('OIDC_CLIENT_SECRET'),
    redirectUri: need('OIDC_REDIRECT_URI'),
    label: env.OIDC_LABEL?.trim() || undefined,
  };
}
