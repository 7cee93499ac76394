/**
 * The client's address, for throttling sign-in per address. Taken from the socket; from the
 * first X-Forwarded-For entry only when the app is told it sits behind a proxy that sets it
 * (otherwise anyone could pick their own address with the header).
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address the request came from, or "unknown" when the runtime does not say. `c` is any
 * request context of the app (only its headers and socket are read).
 */
export function clientAddressOf(c: Pick<Context, 'req' | 'env'>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded && /^[\d.:a-fA-F]{2,45}$/.test(forwarded)) return forwarded;
  }
  try {
    return getConnInfo(c as Context).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}
