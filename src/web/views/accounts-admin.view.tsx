/**
 * The administrator's account pages: the list of accounts with deactivate and reactivate, and
 * the security settings of their district or school.
 */
import type { AccountSort, AccountSummary } from '../../store/account.repository.js';
import type { Role } from '../../store/schema.js';
import type { SecuritySettings } from '../../store/settings.repository.js';
import { Layout, type PageFrame } from './layout.js';

const SORT_LABELS: Record<AccountSort, string> = {
  username: 'Username',
  role: 'Role',
  created: 'Created',
  name: 'Family name',
};

const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  teacher: 'Teacher',
  special_educator: 'Special educator',
  related_service_provider: 'Related-service provider',
  guardian: 'Family',
  student: 'Student',
};

/** What the accounts page shows. */
export interface AccountsModel {
  readonly accounts: readonly AccountSummary[];
  readonly role: Role | null;
  readonly sort: AccountSort;
  readonly selfId: string;
  readonly settings: SecuritySettings;
  readonly notice?: string;
}

/** Accounts with their state and actions, then the security settings. */
export function AccountsPage(props: PageFrame & { readonly model: AccountsModel }) {
  const { model, csrfToken } = props;
  return (
    <Layout {...props} current="accounts">
      <h1>Accounts</h1>
      {model.notice && (
        <p class="alert alert-success" role="status">
          {model.notice}
        </p>
      )}
      <AccountFilter model={model} />
      <table class="data-table">
        <caption class="visually-hidden">Accounts</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Username</th>
            <th scope="col">Role</th>
            <th scope="col">School</th>
            <th scope="col">State</th>
            <th scope="col">
              <span class="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {model.accounts.map((account) => (
            <tr>
              <td>{[account.givenName, account.familyName].filter(Boolean).join(' ') || '—'}</td>
              <td>{account.username}</td>
              <td>{ROLE_LABELS[account.role]}</td>
              <td>{account.schoolName ?? '—'}</td>
              <td>{account.active ? 'Active' : 'Deactivated'}</td>
              <td>
                {account.id !== model.selfId && (
                  <AccountAction account={account} csrfToken={csrfToken} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SettingsForm settings={model.settings} csrfToken={csrfToken} />
    </Layout>
  );
}

function AccountFilter(props: { readonly model: AccountsModel }) {
  const { model } = props;
  return (
    <form method="get" action="/admin/accounts" class="search-row">
      <div class="field">
        <label for="role">Role</label>
        <select id="role" name="role">
          <option value="">All roles</option>
          {(Object.keys(ROLE_LABELS) as Role[]).map((role) => (
            <option value={role} selected={model.role === role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="sort">Sort by</label>
        <select id="sort" name="sort">
          {(Object.keys(SORT_LABELS) as AccountSort[]).map((sort) => (
            <option value={sort} selected={model.sort === sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button-secondary">
        Show
      </button>
    </form>
  );
}

function AccountAction(props: { readonly account: AccountSummary; readonly csrfToken: string }) {
  const { account } = props;
  const verb = account.active ? 'deactivate' : 'reactivate';
  return (
    <form method="post" action={`/admin/accounts/${account.id}/${verb}`}>
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      <button type="submit" class={account.active ? 'button-quiet' : 'button-secondary'}>
        {account.active ? 'Deactivate' : 'Reactivate'}
        <span class="visually-hidden"> {account.username}</span>
      </button>
    </form>
  );
}

function SettingsForm(props: { readonly settings: SecuritySettings; readonly csrfToken: string }) {
  return (
    <section class="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Security settings</h2>
      <form method="post" action="/admin/security" class="stack">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <div class="field">
          <label>
            <input
              type="checkbox"
              name="requireStaffTotp"
              value="1"
              checked={props.settings.requireStaffTotp}
            />{' '}
            Staff must use an authenticator app to sign in
          </label>
        </div>
        <div class="field">
          <label for="retentionDays">Days a deleted record can be restored</label>
          <input
            id="retentionDays"
            name="retentionDays"
            type="number"
            min={1}
            max={3650}
            required
            value={String(props.settings.retentionDays)}
          />
        </div>
        <button type="submit" class="button-primary">
          Save settings
        </button>
      </form>
    </section>
  );
}
