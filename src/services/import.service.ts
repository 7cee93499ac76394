/**
 * Runs an import from end to end: read and check the whole source, then write it in one
 * transaction, link standards across frameworks, bring mastery up to date, and leave one
 * audit row. A source with any problem writes nothing.
 */
import type { Kysely } from 'kysely';
import { readCaseFile } from '../interop/case/read-case.js';
import { planCase } from '../interop/case/case-plan.js';
import { planDistrict } from '../interop/edfi/district-plan.js';
import { readDistrict } from '../interop/edfi/read-district.js';
import type { ImportProblem } from '../interop/import-problem.js';
import { logger } from '../logger.js';
import { appendAudit } from '../store/audit.repository.js';
import { linkStandards, writeCase, writeDistrict } from '../store/import.repository.js';
import type { Database } from '../store/schema.js';
import { refreshMastery } from './mastery.service.js';

/** Counts of what an import read and wrote, by kind, in the order they are reported. */
export type ImportCounts = Readonly<Record<string, number>>;

export type ImportOutcome =
  | { readonly ok: true; readonly counts: ImportCounts; readonly skipped: ImportCounts }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

const log = logger('import');

/** Imports the Ed-Fi interchange files of `dir`. */
export async function importEdfi(db: Kysely<Database>, dir: string): Promise<ImportOutcome> {
  const started = Date.now();
  const read = await readDistrict(dir);
  if (read.problems.length) return { ok: false, problems: read.problems };
  const { plan, problems } = planDistrict(read.records);
  if (problems.length) return { ok: false, problems };

  const counts = await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const written = await writeDistrict(trx, plan, now);
    const linked = await linkStandards(trx);
    await refreshMastery(trx, written.changedPairs);
    const result: ImportCounts = {
      organizations: plan.organizations.length,
      students: plan.students.length,
      ieps: plan.ieps.length,
      standards: plan.standards.length,
      sessions: plan.sessions.length,
      classes: plan.classes.length,
      enrollments: plan.enrollments.length,
      tasks: plan.tasks.length,
      'task scores': plan.taskScores.length,
      evidence: plan.evidence.length,
      'evidence added': written.evidenceAdded,
      'evidence changed': written.evidenceChanged,
      'mastery refreshed': written.changedPairs.length,
      'alignments added': linked,
    };
    await appendAudit(trx, {
      at: now,
      account_id: null,
      action: 'import',
      entity: 'edfi',
      entity_id: null,
      detail_json: JSON.stringify(result),
    });
    return result;
  });

  log.info(
    { format: 'edfi', files: read.files.length, ms: Date.now() - started, ...counts },
    'import done',
  );
  return { ok: true, counts, skipped: Object.fromEntries(read.records.skipped) };
}

/** Imports the CASE framework in `file`. */
export async function importCase(db: Kysely<Database>, file: string): Promise<ImportOutcome> {
  const started = Date.now();
  const read = readCaseFile(file);
  if (!read.ok) return { ok: false, problems: read.problems };
  const plan = planCase(read.framework);

  const counts = await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    await writeCase(trx, plan);
    const linked = await linkStandards(trx);
    const result: ImportCounts = {
      frameworks: 1,
      standards: plan.standards.length,
      alignments: plan.alignments.length,
      'pending alignments': plan.pending.length,
      'alignments added': linked,
    };
    await appendAudit(trx, {
      at: now,
      account_id: null,
      action: 'import',
      entity: 'case',
      entity_id: plan.framework.id,
      detail_json: JSON.stringify(result),
    });
    return result;
  });

  log.info({ format: 'case', ms: Date.now() - started, ...counts }, 'import done');
  return { ok: true, counts, skipped: {} };
}
