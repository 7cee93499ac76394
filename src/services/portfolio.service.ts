/**
 * The portfolio: students and staff upload work (type read from the content, size limited),
 * link it to standards or IEP goals, and date it with its setting and a reflection; the
 * student chooses which pieces show their progress and in which order, and which to share
 * with the family; a teacher endorses a piece, which records it as evidence on each linked
 * standard (through recordEvidence, so mastery refreshes at once).
 *
 * What a viewer sees: staff who may see the student and the student see every artifact; a
 * guardian sees only the shared ones. Anything else answers "no such artifact", the same as
 * one that does not exist.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Viewer } from './auth.service.js';
import { recordEvidence } from './evidence.service.js';
import { checkFile, safeFileName, storeFile, type PortfolioSettings } from './portfolio-files.js';
import {
  findArtifact,
  insertArtifact,
  listArtifacts,
  listLinkChoices,
  saveEndorsement,
  type Artifact,
  type LinkChoice,
} from '../store/portfolio.repository.js';
import type { Database, PortfolioSetting } from '../store/schema.js';

type Db = Kysely<Database>;

/** Where work can be done, with the word a student reads. */
export const SETTINGS: ReadonlyArray<readonly [PortfolioSetting, string]> = [
  ['class', 'In class'],
  ['therapy', 'In therapy'],
  ['home', 'At home'],
  ['community', 'In the community'],
];

/** What an upload carries besides the file. */
export interface UploadInput {
  readonly studentId: string;
  readonly title: string;
  readonly description: string | null;
  readonly observedOn: string;
  readonly setting: PortfolioSetting;
  readonly reflection: string | null;
  /** "standard:ID" or "goal:ID" values from the form. */
  readonly links: readonly string[];
  readonly file: { readonly bytes: Uint8Array; readonly name: string };
}

/** The new artifact's id, or the problems by form field. */
export type UploadOutcome =
  | { readonly ok: true; readonly id: string }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

/**
 * Checks the file's content and size, checks the links against what the student can link to,
 * stores the file under its generated name and records the artifact.
 */
export async function uploadArtifact(
  db: Db,
  input: UploadInput,
  uploader: Viewer,
  settings: PortfolioSettings,
  now: Date,
): Promise<UploadOutcome> {
  const checked = await checkFile(input.file.bytes, input.file.name, settings);
  if (!checked.ok) return { ok: false, errors: { file: checked.message } };
  const links = await checkLinks(db, uploader, input.studentId, input.links);
  if (!links.ok) return { ok: false, errors: { links: links.message } };

  const storedName = await storeFile(input.file.bytes, settings);
  const id = randomUUID();
  await insertArtifact(
    db,
    {
      id,
      student_id: input.studentId,
      title: input.title,
      description: input.description,
      file_name: safeFileName(input.file.name),
      stored_name: storedName,
      content_type: checked.contentType,
      kind: checked.kind,
      size_bytes: input.file.bytes.length,
      observed_on: input.observedOn,
      setting: input.setting,
      reflection: input.reflection,
      uploaded_by: uploader.accountId,
      uploaded_at: now.toISOString(),
    },
    links.links,
  );
  return { ok: true, id };
}

type CheckedLinks =
  | {
      readonly ok: true;
      readonly links: ReadonlyArray<{ kind: 'standard' | 'goal'; targetId: string }>;
    }
  | { readonly ok: false; readonly message: string };

async function checkLinks(
  db: Db,
  viewer: Viewer,
  studentId: string,
  values: readonly string[],
): Promise<CheckedLinks> {
  const choices = await linkChoicesFor(db, viewer, studentId);
  const allowed = new Set(choices.map((c) => `${c.kind}:${c.id}`));
  const unknown = values.filter((value) => !allowed.has(value));
  if (unknown.length > 0) return { ok: false, message: 'Choose standards or goals from the list.' };

  const links = [...new Set(values)].map((value) => {
    const [kind, targetId] = value.split(/:(.*)/s) as ['standard' | 'goal', string];
    return { kind, targetId };
  });
  return { ok: true, links };
}

/**
 * What the viewer may link the student's work to: staff, every standard and current IEP goal;
 * the student, their standards and only the IEP goals staff put into their words.
 */
export async function linkChoicesFor(
  db: Db,
  viewer: Viewer,
  studentId: string,
): Promise<LinkChoice[]> {
  const choices = await listLinkChoices(db, studentId);
  if (viewer.role !== 'student') return choices;
  return choices.filter((c) => c.shownToStudent);
}

/** The artifacts the viewer may see: a guardian sees only the shared ones. */
export function visibleArtifacts(db: Db, viewer: Viewer, studentId: string): Promise<Artifact[]> {
  return listArtifacts(db, studentId, { sharedOnly: viewer.role === 'guardian' });
}

/** One artifact the viewer may see, or undefined (also for a guardian and an unshared one). */
export async function visibleArtifact(
  db: Db,
  viewer: Viewer,
  studentId: string,
  artifactId: string,
): Promise<Artifact | undefined> {
  const artifact = await findArtifact(db, studentId, artifactId);
  if (!artifact) return undefined;
  return viewer.role === 'guardian' && !artifact.shared ? undefined : artifact;
}

/** A teacher's endorsement: the level the work shows and the feedback. */
export interface EndorsementInput {
  readonly score: number;
  readonly format: string;
  readonly strength: string | null;
  readonly nextStep: string | null;
}

/** The evidence ids written, or why nothing was. */
export type EndorseOutcome =
  | { readonly ok: true; readonly evidenceIds: readonly number[] }
  | { readonly ok: false; readonly message: string };

/**
 * Endorses an artifact: records one piece of evidence on each linked standard, dated the day
 * the work was done, with the teacher's feedback; mastery refreshes with each.
 */
export async function endorseArtifact(
  db: Db,
  artifact: Artifact,
  input: EndorsementInput,
  endorser: { readonly viewer: Viewer; readonly requestId: string | null },
  now: Date,
): Promise<EndorseOutcome> {
  if (artifact.endorsedAt !== null) {
    return { ok: false, message: 'This work is already endorsed.' };
  }
  const standards = artifact.links.filter((link) => link.kind === 'standard');
  if (standards.length === 0) {
    return { ok: false, message: 'Link this work to a standard before you endorse it.' };
  }

  const recorder = {
    accountId: endorser.viewer.accountId,
    personId: endorser.viewer.personId,
    requestId: endorser.requestId,
  };
  const evidence: Array<{ standardId: string; evidenceId: number }> = [];
  for (const link of standards) {
    const evidenceId = await recordEvidence(
      db,
      {
        studentId: artifact.studentId,
        standardId: link.id,
        score: input.score,
        observedOn: artifact.observedOn,
        format: input.format,
        strength: input.strength,
        nextStep: input.nextStep,
        supports: null,
      },
      recorder,
      now,
    );
    evidence.push({ standardId: link.id, evidenceId });
  }

  await saveEndorsement(db, artifact.id, {
    by: endorser.viewer.personId,
    at: now.toISOString(),
    score: input.score,
    strength: input.strength,
    nextStep: input.nextStep,
    evidence,
  });
  return { ok: true, evidenceIds: evidence.map((e) => e.evidenceId) };
}

/** The evidence format an artifact suggests: sound is verbal, video multimodal, else written. */
export function formatOfKind(kind: Artifact['kind']): string {
  switch (kind) {
    case 'audio':
      return 'verbal';
    case 'video':
      return 'multimodal';
    case 'image':
    case 'pdf':
      return 'written';
  }
}
