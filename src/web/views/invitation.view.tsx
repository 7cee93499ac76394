/**
 * Inviting a family member (staff), the link to hand over (shown once), and accepting an
 * invitation (the family member chooses a username and password).
 */
import { MIN_PASSWORD_LENGTH } from '../../services/password-policy.js';
import { Layout, type PageFrame } from './layout.js';

function FieldError(props: { readonly id: string; readonly message?: string }) {
  return props.message ? (
    <p class="field-error" id={props.id}>
      {props.message}
    </p>
  ) : null;
}

function TextField(props: {
  readonly name: string;
  readonly label: string;
  readonly value?: string;
  readonly error?: string;
  readonly type?: 'text' | 'password';
  readonly autocomplete?: string;
  readonly required?: boolean;
  readonly hint?: string;
}) {
  const errorId = `${props.name}-error`;
  const hintId = `${props.name}-hint`;
  const describedBy = [props.hint ? hintId : '', props.error ? errorId : ''].join(' ').trim();
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <label for={props.name}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? undefined : (props.value ?? '')}
        autocomplete={props.autocomplete}
        required={props.required ?? true}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
      <FieldError id={errorId} message={props.error} />
    </div>
  );
}

/** The staff form to invite a guardian of one student. */
export function InviteFormPage(
  props: PageFrame & {
    readonly studentId: string;
    readonly studentName: string;
    readonly values: Readonly<Record<string, string>>;
    readonly errors: Readonly<Record<string, string>>;
  },
) {
  const { values, errors } = props;
  return (
    <Layout {...props}>
      <section class="panel narrow">
        <p class="eyebrow">
          <a href={`/students/${props.studentId}`}>{props.studentName}</a>
        </p>
        <h1>Invite a family member</h1>
        <p>
          The person you invite will see {props.studentName}'s record and reports, and no other
          child's. You will get a link to give them; it works once and for 14 days.
        </p>
        {errors._form && (
          <p class="alert alert-error" role="alert">
            {errors._form}
          </p>
        )}
        <form method="post" action={`/students/${props.studentId}/invitations`} class="stack">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <TextField
            name="givenName"
            label="Given name"
            value={values.givenName}
            error={errors.givenName}
          />
          <TextField
            name="familyName"
            label="Family name"
            value={values.familyName}
            error={errors.familyName}
          />
          <TextField
            name="relation"
            label="Relation to the student (optional)"
            value={values.relation}
            error={errors.relation}
            required={false}
            hint="For example: mother, grandfather, foster parent."
          />
          <button type="submit" class="button-primary">
            Create invitation link
          </button>
        </form>
      </section>
    </Layout>
  );
}

/** The new invitation link, shown once. */
export function InvitationCreatedPage(
  props: PageFrame & {
    readonly studentId: string;
    readonly studentName: string;
    readonly inviteeName: string;
    readonly link: string;
    readonly expiresOn: string;
  },
) {
  return (
    <Layout {...props}>
      <section class="panel narrow">
        <h1>Invitation ready</h1>
        <p class="alert alert-success" role="status">
          Give this link to {props.inviteeName}. It works once, until {props.expiresOn}, and only
          for {props.studentName}.
        </p>
        <label for="invitation-link">Invitation link</label>
        <input
          id="invitation-link"
          type="text"
          readonly
          value={props.link}
          class="invitation-link"
        />
        <p class="muted">
          This page will not show the link again. Keep it private: anyone with it can join.
        </p>
        <p>
          <a href={`/students/${props.studentId}`}>Back to {props.studentName}</a>
        </p>
      </section>
    </Layout>
  );
}

/** The family member's page: choose a username and password. */
export function AcceptInvitationPage(
  props: PageFrame & {
    readonly token: string;
    readonly inviteeName: string;
    readonly studentGivenName: string;
    readonly values: Readonly<Record<string, string>>;
    readonly errors: Readonly<Record<string, string>>;
  },
) {
  const { values, errors } = props;
  return (
    <Layout {...props}>
      <section class="panel narrow sign-in">
        <h1>Welcome to Trellis</h1>
        <p class="lede">
          {props.inviteeName}, you have been invited to follow {props.studentGivenName}'s learning.
          Choose how you will sign in.
        </p>
        {errors._form && (
          <p class="alert alert-error" role="alert">
            {errors._form}
          </p>
        )}
        <form method="post" action={`/invitations/${props.token}`} class="stack">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <TextField
            name="username"
            label="Username"
            value={values.username}
            error={errors.username}
            autocomplete="username"
            hint="Letters, digits, dots, dashes or underscores; 3 to 60 characters."
          />
          <TextField
            name="password"
            label="Password"
            type="password"
            error={errors.password}
            autocomplete="new-password"
            hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words work well.`}
          />
          <button type="submit" class="button-primary">
            Create my account
          </button>
        </form>
      </section>
    </Layout>
  );
}

/** The answer for any link that cannot be used: unknown, used, revoked or expired alike. */
export function InvalidInvitationPage(props: PageFrame) {
  return (
    <Layout {...props}>
      <section class="panel narrow">
        <h1>This invitation link cannot be used</h1>
        <p>
          It may have been used already or have expired. Ask the school for a new invitation, or{' '}
          <a href="/sign-in">sign in</a> if you already have an account.
        </p>
      </section>
    </Layout>
  );
}
