/**
 * The evidence API for staff: read one piece of evidence with its version, change it from
 * that version (a stale version answers 409 with the current value), read its history, delete
 * it reversibly, and restore a deleted one within the retention period.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import {
  changeEvidence,
  deleteEvidence,
  restoreEvidence,
} from '../services/evidence-history.service.js';
import { findRestorable } from '../store/deleted-records.repository.js';
import type { Evidence } from '../store/schema.js';
import { listChanges } from '../store/versioned.repository.js';
import { audit, maySeeStudent, requireViewer, STAFF_ROLES } from './access.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import { readJson } from './json-body.js';
import type { RouteSpec } from './route.js';

const text = z.string().max(2000, 'Keep this under 2,000 characters').nullable();

/** A change: the version it starts from and the fields to change; nothing else is accepted. */
export const evidenceChangeSchema = z.strictObject({
  version: z.number().int().min(1),
  changes: z
    .strictObject({
      score: z.number().finite().nullable(),
      observed_at: z.iso.date().nullable(),
      strength: text,
      next_step: text,
      supports: text,
      excluded: z.union([z.literal(0), z.literal(1)]),
      exclusion_reason: text,
      released: z.union([z.literal(0), z.literal(1)]),
    })
    .partial()
    .refine((changes) => Object.keys(changes).length > 0, 'Name at least one field to change'),
});

async function loadEvidence(c: Context<AppEnv>): Promise<Evidence> {
  const id = Number(c.req.param('evidenceId'));
  const row = await c
    .get('store')
    .db.selectFrom('evidence')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

async function showEvidence(c: Context<AppEnv>): Promise<Response> {
  const row = await loadEvidence(c);
  await audit(c, 'view', 'evidence', String(row.id), row.student_id);
  return c.json({ evidence: row });
}

async function saveEvidence(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  const input = await readJson(c, evidenceChangeSchema);
  const actor = { accountId: viewer.accountId, requestId: c.get('requestId') };
  const change = {
    evidenceId: Number(c.req.param('evidenceId')),
    expectedVersion: input.version,
    fields: input.changes,
  };
  const result = await changeEvidence(c.get('store').db, change, actor, new Date());

  if (result.ok) return c.json({ evidence: result.row });
  if (result.reason === 'not_found') throw new AppError('not_found');
  return c.json(
    {
      error: { code: 'conflict', message: 'Someone else saved this evidence first.' },
      current: result.current,
    },
    409,
  );
}

async function showHistory(c: Context<AppEnv>): Promise<Response> {
  const row = await loadEvidence(c);
  const history = await listChanges(c.get('store').db, 'evidence', String(row.id));
  await audit(c, 'view', 'evidence-history', String(row.id), row.student_id);
  return c.json({ history });
}

async function removeEvidence(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  const row = await loadEvidence(c);
  const actor = { accountId: viewer.accountId, requestId: c.get('requestId') };
  const result = await deleteEvidence(c.get('store').db, row, actor, new Date());
  if (result.ok) return c.json({ deletedId: result.deletedId });
  if (result.reason === 'in_use') {
    throw new AppError(
      'conflict',
      'A revision or task attempt uses this evidence; delete that first.',
    );
  }
  throw new AppError('not_found');
}

async function restore(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  const db = c.get('store').db;
  const deletedId = Number(c.req.param('deletedId'));
  const record = Number.isSafeInteger(deletedId) ? await findRestorable(db, deletedId) : undefined;
  const allowed = record?.student_id && (await maySeeStudent(db, viewer, record.student_id));
  if (!record || !allowed) throw new AppError('not_found');

  const actor = { accountId: viewer.accountId, requestId: c.get('requestId') };
  const result = await restoreEvidence(db, deletedId, actor, new Date());
  if (!result.ok) throw new AppError('not_found');
  return c.json({ restored: record.entity_id });
}

const EVIDENCE = { kind: 'evidence', param: 'evidenceId' } as const;

export const evidenceApiRoutes: readonly RouteSpec[] = [
  { method: 'get', path: '/api/evidence/:evidenceId', access: EVIDENCE, handler: showEvidence },
  { method: 'post', path: '/api/evidence/:evidenceId', access: EVIDENCE, handler: saveEvidence },
  {
    method: 'get',
    path: '/api/evidence/:evidenceId/history',
    access: EVIDENCE,
    handler: showHistory,
  },
  {
    method: 'post',
    path: '/api/evidence/:evidenceId/delete',
    access: EVIDENCE,
    handler: removeEvidence,
  },
  {
    method: 'post',
    path: '/api/deleted/:deletedId/restore',
    access: { kind: 'signed-in', roles: STAFF_ROLES },
    handler: restore,
  },
];
