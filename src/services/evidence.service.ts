/**
 * Recording evidence: one judgement of one student on one standard, with its feedback. The
 * write, the mastery refresh and the audit row happen in one transaction, so the grid never
 * shows evidence without its updated mastery.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../store/audit.repository.js';
import { insertEvidence } from '../store/gradebook.repository.js';
import type { Database } from '../store/schema.js';
import { refreshMastery } from './mastery.service.js';

/** What a staff member records. */
export interface EvidenceInput {
  readonly studentId: string;
  readonly standardId: string;
  readonly score: number;
  /** The day the learning was observed, "2026-10-02". */
  readonly observedOn: string;
  readonly format: string;
  readonly strength: string | null;
  readonly nextStep: string | null;
  readonly supports: string | null;
  readonly taskId?: string | null;
  readonly revisesId?: number | null;
}

/** Who records it, for the evidence row and the audit log. */
export interface Recorder {
  readonly accountId: string;
  readonly personId: string | null;
  readonly requestId: string | null;
}

/** Stores the evidence, refreshes that student's mastery on the standard, and audits it. */
export async function recordEvidence(
  db: Kysely<Database>,
  input: EvidenceInput,
  recorder: Recorder,
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const [id] = await insertEvidence(trx, [
      {
        student_id: input.studentId,
        standard_id: input.standardId,
        task_id: input.taskId ?? null,
        revises_id: input.revisesId ?? null,
        score: input.score,
        observed_at: input.observedOn,
        recorded_at: now.toISOString(),
        judged_by: recorder.personId,
        format: input.format,
        strength: input.strength,
        next_step: input.nextStep,
        supports: input.supports,
        origin: 'web',
      },
    ]);

    await refreshMastery(trx, [{ studentId: input.studentId, standardId: input.standardId }]);

    await appendAudit(trx, {
      at: now.toISOString(),
      account_id: recorder.accountId,
      action: 'create',
      entity: 'evidence',
      entity_id: String(id),
      student_id: input.studentId,
      request_id: recorder.requestId,
      detail_json: JSON.stringify({ standardId: input.standardId, format: input.format }),
    });
    return id!;
  });
}
