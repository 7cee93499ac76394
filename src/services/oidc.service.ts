/**
 * Sign-in through the district's identity provider with OpenID Connect (authorization code
 * flow with PKCE, state and nonce), through the openid-client library. For staff only:
 * families keep password sign-in. The state of a sign-in under way is kept in the database
 * (hashed), so any server can finish what another began, and it is used once.
 *
 * An identity is linked to an account the first time: by an existing link, else by the
 * provider's verified e-mail address matching exactly one active staff member's address.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import { findAccount, findActiveStaffAccountByEmail } from '../store/account.repository.js';
import {
  findAccountByIdentity,
  insertOidcRequest,
  linkIdentity,
  takeOidcRequest,
} from '../store/sign-in.repository.js';
import type { Database, Role } from '../store/schema.js';

type Db = Kysely<Database>;

/** The district's provider and this app's registration with it. */
export interface OidcSettings {
  /** The issuer URL, e.g. "https://login.district.example". */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** This app's callback URL as registered, ending in /sign-in/oidc/callback. */
  readonly redirectUri: string;
  /** The button label, e.g. "Sign in with Riverbend Unified". */
  readonly label?: string;
}

/** A sign-in under way is forgotten after this long. */
const REQUEST_LIFETIME_MS = 10 * 60 * 1000;

const STAFF: readonly Role[] = ['admin', 'teacher', 'special_educator', 'related_service_provider'];

const configurations = new Map<string, Promise<client.Configuration>>();

/** The provider's configuration, discovered once per process and issuer. */
function configurationOf(settings: OidcSettings): Promise<client.Configuration> {
  const key = `${settings.issuer} ${settings.clientId}`;
  let found = configurations.get(key);
  if (!found) {
    const issuer = new URL(settings.issuer);
    // Plain HTTP only to a provider on this machine (the tests' local provider).
    const loopback =
      issuer.protocol === 'http:' && /^(127\.0\.0\.1|localhost|\[::1\])$/.test(issuer.hostname);
    found = client.discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
      execute: loopback ? [client.allowInsecureRequests] : [],
    });
    found.catch(() => configurations.delete(key));
    configurations.set(key, found);
  }
  return found;
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Starts a sign-in: stores its state and answers the provider URL to send the browser to. */
export async function beginOidcSignIn(db: Db, settings: OidcSettings, now: Date): Promise<URL> {
  const config = await configurationOf(settings);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const verifier = client.randomPKCECodeVerifier();
  await insertOidcRequest(db, {
    id: hashOf(state),
    code_verifier: verifier,
    nonce,
    created_at: now.toISOString(),
  });
  return client.buildAuthorizationUrl(config, {
    redirect_uri: settings.redirectUri,
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  });
}

/** The outcome of the provider's answer: the account to open a session for, or why not. */
export type OidcResult =
  | { readonly ok: true; readonly accountId: string }
  | { readonly ok: false; readonly reason: 'invalid' | 'no-account' };

/**
 * Finishes a sign-in from the callback's query (`code`, `state`): checks state, nonce and
 * PKCE through the token exchange, then finds or links the staff account.
 */
export async function finishOidcSignIn(
  db: Db,
  settings: OidcSettings,
  callbackQuery: string,
  now: Date,
): Promise<OidcResult> {
  const state = new URLSearchParams(callbackQuery).get('state') ?? '';
  const request = state ? await takeOidcRequest(db, hashOf(state)) : undefined;
  if (!request || now.getTime() - Date.parse(request.created_at) > REQUEST_LIFETIME_MS) {
    return { ok: false, reason: 'invalid' };
  }

  const claims = await exchange(settings, callbackQuery, request, state);
  if (!claims) return { ok: false, reason: 'invalid' };
  const accountId = await accountFor(db, settings.issuer, claims, now);
  return accountId ? { ok: true, accountId } : { ok: false, reason: 'no-account' };
}

interface Claims {
  readonly sub: string;
  readonly email: string | null;
}

async function exchange(
  settings: OidcSettings,
  callbackQuery: string,
  request: { readonly code_verifier: string; readonly nonce: string },
  state: string,
): Promise<Claims | null> {
  const config = await configurationOf(settings);
  const callback = new URL(settings.redirectUri);
  callback.search = callbackQuery;
  try {
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: request.code_verifier,
      expectedState: state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) return null;
    // Providers may keep the e-mail out of the ID token and answer it at the userinfo endpoint.
    const info =
      typeof claims.email === 'string'
        ? claims
        : await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    const verified = info.email_verified === true && typeof info.email === 'string';
    return { sub: claims.sub, email: verified ? info.email : null };
  } catch {
    // A bad code, state, nonce, PKCE verifier or signature: the library refused the answer.
    return null;
  }
}

async function accountFor(
  db: Db,
  issuer: string,
  claims: Claims,
  now: Date,
): Promise<string | null> {
  const linked = await findAccountByIdentity(db, issuer, claims.sub);
  if (linked) return linked.active === 1 && STAFF.includes(linked.role) ? linked.id : null;

  const byEmail = claims.email ? await findActiveStaffAccountByEmail(db, claims.email) : undefined;
  if (!byEmail) return null;
  const account = await findAccount(db, byEmail.id);
  if (!account || !STAFF.includes(account.role)) return null;

  await linkIdentity(db, {
    issuer,
    subject: claims.sub,
    accountId: account.id,
    at: now.toISOString(),
  });
  return account.id;
}
