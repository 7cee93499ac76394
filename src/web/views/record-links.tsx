/** The records links on a student's page, by the viewer's role. */
import type { Role } from '../../store/schema.js';

/**
 * Administrators: who can see the record, and inviting a family member; teachers and special
 * educators: inviting a family member; families: who has seen the record and the download.
 */
export function RecordLinks(props: { readonly role: Role; readonly studentId: string }) {
  const base = `/students/${props.studentId}`;
  const links: Array<readonly [string, string]> = [];
  if (props.role === 'admin') links.push([`${base}/access`, 'Who can see this record']);
  if (props.role === 'admin' || props.role === 'teacher' || props.role === 'special_educator') {
    links.push([`${base}/invitations/new`, 'Invite a family member']);
  }
  if (props.role === 'guardian') links.push([`${base}/disclosures`, 'Who has seen this record']);
  if (links.length === 0) return null;
  return (
    <p class="card-links record-links">
      {links.map(([href, label]) => (
        <a href={href}>{label}</a>
      ))}
    </p>
  );
}
