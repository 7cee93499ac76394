/**
 * A person's own account pages: security (sign out everywhere, the second factor, recovery
 * codes), the second-factor step of sign-in, enrolment with a QR code, and recovery codes
 * shown once.
 */
import { Layout, type PageFrame } from './layout.js';

/** The "My account" page. */
export function AccountPage(
  props: PageFrame & {
    readonly totpOn: boolean;
    readonly recoveryLeft: number;
    readonly notice?: string;
  },
) {
  return (
    <Layout {...props} current="account">
      <h1>My account</h1>
      {props.notice && (
        <p class="alert alert-success" role="status">
          {props.notice}
        </p>
      )}
      <section class="panel" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Where you are signed in</h2>
        <p>Lost a phone, or signed in on a shared computer? End every session at once.</p>
        <form method="post" action="/account/sign-out-everywhere">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <button type="submit" class="button-secondary">
            Sign out everywhere
          </button>
        </form>
      </section>
      <section class="panel" aria-labelledby="factor-heading">
        <h2 id="factor-heading">Second factor</h2>
        {props.totpOn ? (
          <>
            <p>
              Sign-in asks for a code from your authenticator app. You have {props.recoveryLeft}{' '}
              unused recovery codes.
            </p>
            <form method="post" action="/account/recovery-codes">
              <input type="hidden" name="_csrf" value={props.csrfToken} />
              <button type="submit" class="button-secondary">
                Make new recovery codes
              </button>
            </form>
          </>
        ) : (
          <>
            <p>Add a code from an authenticator app to your sign-in.</p>
            <form method="post" action="/account/second-factor">
              <input type="hidden" name="_csrf" value={props.csrfToken} />
              <button type="submit" class="button-primary">
                Set up an authenticator app
              </button>
            </form>
          </>
        )}
      </section>
    </Layout>
  );
}

/** What enrolment shows: the QR code, the secret to type, and the code field. */
export interface EnrolmentModel {
  readonly secret: string;
  readonly qrSvg: string;
  /** Where the code is posted. */
  readonly action: string;
  readonly error?: string;
}

/** Setting up an authenticator app: scan or type, then enter the first code. */
export function EnrolPage(props: PageFrame & { readonly enrolment: EnrolmentModel }) {
  const { enrolment } = props;
  const qr = `data:image/svg+xml;base64,${Buffer.from(enrolment.qrSvg).toString('base64')}`;
  return (
    <Layout {...props}>
      <section class="panel narrow">
        <h1>Set up your authenticator app</h1>
        <ol class="stack">
          <li>Open an authenticator app on your phone and add an account.</li>
          <li>
            Scan this code:
            <img src={qr} width={220} height={220} alt="QR code holding your Trellis secret" />
          </li>
          <li>
            Or type this secret: <code class="secret">{formatSecret(enrolment.secret)}</code>
          </li>
        </ol>
        <CodeForm {...props} action={enrolment.action} error={enrolment.error} />
      </section>
    </Layout>
  );
}

/** The second step of sign-in: a code from the app or a recovery code. */
export function SecondFactorPage(props: PageFrame & { readonly error?: string }) {
  return (
    <Layout {...props}>
      <section class="panel narrow sign-in">
        <h1>Enter your code</h1>
        <p class="lede">Open your authenticator app, or use one of your recovery codes.</p>
        <CodeForm {...props} action="/sign-in/second-factor" error={props.error} />
      </section>
    </Layout>
  );
}

function CodeForm(props: {
  readonly csrfToken: string;
  readonly action: string;
  readonly error?: string;
}) {
  return (
    <form method="post" action={props.action} class="stack">
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      {props.error && (
        <p class="alert alert-error" role="alert" id="code-error">
          {props.error}
        </p>
      )}
      <div class="field">
        <label for="code">Code</label>
        <input
          id="code"
          name="code"
          type="text"
          inputmode="text"
          autocomplete="one-time-code"
          required
          aria-describedby={props.error ? 'code-error' : undefined}
        />
      </div>
      <button type="submit" class="button-primary">
        Continue
      </button>
    </form>
  );
}

/** New recovery codes, shown this once. */
export function RecoveryCodesPage(
  props: PageFrame & { readonly codes: readonly string[]; readonly next: string },
) {
  return (
    <Layout {...props}>
      <section class="panel narrow">
        <h1>Your recovery codes</h1>
        <p>
          Each code signs you in once if your phone is not at hand. Keep them somewhere safe: this
          page will not show them again.
        </p>
        <ul class="recovery-codes">
          {props.codes.map((code) => (
            <li>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <p>
          <a class="button-primary" href={props.next}>
            I have saved them
          </a>
        </p>
      </section>
    </Layout>
  );
}

function formatSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}
