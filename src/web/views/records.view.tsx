/**
 * The student's records pages: the administrator's "who has access and why" with the views of
 * the record, the family's disclosure record, and the records request document (printed to
 * PDF). Every stored text is rendered as text, never as markup.
 */
import type { AccessGrant } from '../../store/access.repository.js';
import type { AuditRow } from '../../store/audit.repository.js';
import { Layout, type PageFrame } from './layout.js';

/** One access line as shown: who, their role, why, and whether the account is active. */
function GrantRows(props: { readonly grants: readonly AccessGrant[] }) {
  return (
    <>
      {props.grants.map((grant) => (
        <tr>
          <td>{[grant.givenName, grant.familyName].filter(Boolean).join(' ') || '—'}</td>
          <td>{grant.username}</td>
          <td>{grant.role}</td>
          <td>{grant.reason}</td>
          <td>{grant.active ? 'active' : 'deactivated'}</td>
        </tr>
      ))}
    </>
  );
}

/** Audit rows as a table: when (UTC), who, role, what. */
function AuditTable(props: { readonly rows: readonly AuditRow[]; readonly caption: string }) {
  if (props.rows.length === 0) return <p class="empty">Nothing recorded yet.</p>;
  return (
    <table class="data-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">When (UTC)</th>
          <th scope="col">Who</th>
          <th scope="col">Role</th>
          <th scope="col">What</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            <td class="nowrap">{row.at.replace('T', ' ').slice(0, 19)}</td>
            <td>
              {[row.givenName, row.familyName].filter(Boolean).join(' ') || row.username || '—'}
            </td>
            <td>{row.role ?? '—'}</td>
            <td>{`${row.action} ${row.entity ?? ''}`.trim()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The administrator's page: who has access to the student and why, and who viewed it. */
export function StudentAccessPage(
  props: PageFrame & {
    readonly studentName: string;
    readonly studentId: string;
    readonly grants: readonly AccessGrant[];
    readonly views: readonly AuditRow[];
  },
) {
  return (
    <Layout {...props}>
      <p class="eyebrow">
        <a href={`/students/${props.studentId}`}>{props.studentName}</a>
      </p>
      <h1>Who can see this record</h1>
      <table class="data-table">
        <caption class="visually-hidden">Accounts with access and why</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Username</th>
            <th scope="col">Role</th>
            <th scope="col">Why</th>
            <th scope="col">Account</th>
          </tr>
        </thead>
        <tbody>
          <GrantRows grants={props.grants} />
        </tbody>
      </table>
      <h2>Who viewed or exported it</h2>
      <AuditTable rows={props.views} caption="Views, exports, changes and refused requests" />
    </Layout>
  );
}

/** The family's disclosure record: who at the school viewed, exported or changed the record. */
export function DisclosurePage(
  props: PageFrame & {
    readonly studentName: string;
    readonly studentId: string;
    readonly rows: readonly AuditRow[];
  },
) {
  const base = `/students/${props.studentId}/records`;
  return (
    <Layout {...props}>
      <p class="eyebrow">{props.studentName}</p>
      <h1>Who has seen this record</h1>
      <p>
        Each time someone opens, exports or changes {props.studentName}'s record, Trellis writes it
        down. You can also download everything Trellis holds about your child.
      </p>
      <p class="actions">
        <a class="button-secondary" href={`${base}.json`}>
          Download all records (JSON)
        </a>{' '}
        <a class="button-secondary" href={`${base}.pdf`}>
          Download all records (PDF)
        </a>
      </p>
      <AuditTable rows={props.rows} caption="Views, exports and changes" />
    </Layout>
  );
}

/**
 * One titled section of the records document: each stored row as a list of field and value,
 * every column included (wide tables would not fit a page).
 */
function RecordTable(props: {
  readonly title: string;
  readonly rows: readonly Record<string, unknown>[];
}) {
  return (
    <section>
      <h2>{props.title}</h2>
      {props.rows.length === 0 && <p>None.</p>}
      {props.rows.map((row, index) => (
        <dl aria-label={`${props.title} ${index + 1}`}>
          {Object.entries(row).map(([field, value]) => (
            <>
              <dt>{field.replaceAll('_', ' ')}</dt>
              <dd>{cellText(value)}</dd>
            </>
          ))}
        </dl>
      ))}
    </section>
  );
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const DOCUMENT_STYLE = `body{font-family:'Noto Sans',sans-serif;font-size:9pt;color:#111}
h1{font-size:16pt}h2{font-size:12pt;margin-top:14pt;border-bottom:1px solid #999}
dl{display:grid;grid-template-columns:11em 1fr;gap:1pt 8pt;margin:0 0 8pt;
padding-bottom:6pt;border-bottom:1px dotted #bbb;break-inside:avoid}
dt{font-weight:600;color:#333}dd{margin:0;overflow-wrap:anywhere;white-space:pre-wrap}`;

/** The records request document, a whole HTML page for the PDF printer. */
export function recordsDocument(model: {
  readonly studentName: string;
  readonly generatedAt: string;
  readonly sections: ReadonlyArray<readonly [string, readonly Record<string, unknown>[]]>;
}): string {
  const body = (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>{`Records of ${model.studentName}`}</title>
        {/* The fixed style sheet holds no stored data; only it is written raw. */}
        <style dangerouslySetInnerHTML={{ __html: DOCUMENT_STYLE }} />
      </head>
      <body>
        <h1>{`Records of ${model.studentName}`}</h1>
        <p>{`Everything Trellis holds about this student, as of ${model.generatedAt} (UTC).`}</p>
        {model.sections.map(([title, rows]) => (
          <RecordTable title={title} rows={rows} />
        ))}
      </body>
    </html>
  );
  if (body instanceof Promise) throw new Error('the records document must be synchronous');
  return `<!doctype html>${body.toString()}`;
}
