/** The sign-in page. Its one error message never says whether the account exists. */
import { Layout, type PageFrame } from './layout.js';

/** The sign-in form, with an optional error, the username typed before, and the district button. */
export function SignInPage(
  props: PageFrame & {
    readonly error?: string;
    readonly username?: string;
    /** The label of the district sign-in button; no button when absent. */
    readonly oidcLabel?: string | null;
  },
) {
  return (
    <Layout {...props}>
      <section class="panel narrow sign-in">
        <h1>Sign in to Trellis</h1>
        <p class="lede">Mastery, feedback and progress for every learner.</p>
        {props.error && (
          <p class="alert alert-error" role="alert" id="sign-in-error">
            {props.error}
          </p>
        )}
        <form method="post" action="/sign-in" class="stack">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <div class="field">
            <label for="username">Username</label>
            <input
              id="username"
              name="username"
              type="text"
              autocomplete="username"
              autocapitalize="none"
              spellcheck={false}
              required
              value={props.username ?? ''}
              aria-describedby={props.error ? 'sign-in-error' : undefined}
            />
          </div>
          <div class="field">
            <label for="password">Password</label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
            />
          </div>
          <button type="submit" class="button-primary">
            Sign in
          </button>
        </form>
        {props.oidcLabel && (
          <form method="post" action="/sign-in/oidc" class="stack">
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            <p class="muted">School staff can also sign in with their district account.</p>
            <button type="submit" class="button-secondary">
              {props.oidcLabel}
            </button>
          </form>
        )}
      </section>
    </Layout>
  );
}
