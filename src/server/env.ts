/** The typed per-request variables every route and middleware of the app shares. */
import type { Store } from '../store/database.js';
import type { Viewer } from '../services/auth.service.js';
import type { OidcSettings } from '../services/oidc.service.js';
import type { AccessRule } from './access.js';

/** Hono environment of the Trellis app. */
export interface AppEnv {
  Variables: {
    readonly store: Store;
    readonly requestId: string;
    /** The signed-in viewer, or null; set by the session middleware on every request. */
    readonly viewer: Viewer | null;
    /** The raw session token from the cookie, to derive the CSRF token; null when signed out. */
    readonly sessionToken: string | null;
    /** The token forms must send back: the session's, or the pre-session sign-in token. */
    readonly csrfToken: string;
    /** The access rule the matched route declared; routes without one are refused. */
    readonly accessRule: AccessRule | undefined;
    /** The client's address for the sign-in throttle (the proxy's word only when trusted). */
    readonly clientAddress: string;
    /** The district's OpenID provider, when sign-in through it is set up. */
    readonly oidc: OidcSettings | null;
  };
}
