/**
 * The portfolio under the "may see this student" rule: the page (a guardian's shows only the
 * shared work samples), uploads by the student and staff, downloads with safe headers, the
 * student's choice and order, sharing with the family, and a teacher's endorsement. An
 * artifact of another student, or one not shared with a guardian, answers 404 like one that
 * does not exist.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import { z } from 'zod';
import {
  ACCEPTED_TEXT,
  limitText,
  portfolioSettings,
  readStoredFile,
} from '../services/portfolio-files.js';
import {
  endorseArtifact,
  formatOfKind,
  linkChoicesFor,
  SETTINGS,
  uploadArtifact,
  visibleArtifact,
  visibleArtifacts,
} from '../services/portfolio.service.js';
import { listDefaultScaleLevels } from '../store/gradebook.repository.js';
import { moveChosen, setChosen, setShared } from '../store/portfolio.repository.js';
import { findStudent } from '../store/roster.repository.js';
import { ErrorPage } from '../web/views/error.view.js';
import { PortfolioPage } from '../web/views/portfolio.view.js';
import { audit, requireViewer, today, type AccessRule } from './access.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import { problemsByField, readForm } from './forms.js';
import { frameOf, renderPage } from './render.js';
import type { RouteSpec } from './route.js';

const ANYONE_WHO_SEES: AccessRule = { kind: 'student', param: 'studentId' };
const THE_STUDENT: AccessRule = { kind: 'student', param: 'studentId', roles: ['student'] };
const STUDENT_OR_STAFF: AccessRule = {
  kind: 'student',
  param: 'studentId',
  roles: ['student', 'teacher', 'special_educator', 'admin'],
};
const TEACHERS: AccessRule = {
  kind: 'student',
  param: 'studentId',
  roles: ['teacher', 'special_educator'],
};

/** The file input's accept list (a hint for the browser; the server reads the content). */
const ACCEPT = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'application/pdf',
  'audio/mpeg',
  'audio/mp4',
  'audio/x-m4a',
  'audio/wav',
  'audio/ogg',
  'video/mp4',
  'video/webm',
  '.m4a',
].join(',');

/** Room for the form's other fields around the file in a multipart body. */
const FORM_OVERHEAD_BYTES = 256 * 1024;

/**
 * Refuses an upload body over the file limit before anything reads it (mounted ahead of the
 * session and CSRF middleware, which would otherwise read the whole body first), with a page
 * that says what the limit is.
 */
export function portfolioUploadLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const settings = portfolioSettings();
    const limit = bodyLimit({
      maxSize: settings.maxBytes + FORM_OVERHEAD_BYTES,
      onError: (ctx) => {
        const message = `The file is too big: ${limitText(settings)} Choose a smaller file.`;
        const frame = { title: 'File too big', viewer: null, csrfToken: '' };
        return ctx.html(
          html`<!doctype html>${(<ErrorPage {...frame} status={413} message={message} />)}`,
          413,
        );
      },
    });
    return limit(c, next);
  };
}

const NOTICES: Readonly<Record<string, string>> = {
  added: 'Your work is added.',
  moved: 'The order is saved.',
  chosen: 'Your chosen list is updated.',
  shared: 'Sharing is updated.',
  endorsed: 'The work is endorsed and recorded as evidence.',
};

/** Renders the portfolio page, with upload problems when there are some. */
async function showPortfolio(
  c: Context<AppEnv>,
  problems: {
    readonly errors: Readonly<Record<string, string>>;
    readonly values: Readonly<Record<string, string>>;
  } | null = null,
): Promise<Response> {
  const viewer = requireViewer(c);
  const db = c.get('store').db;
  const studentId = c.req.param('studentId') ?? '';
  const student = await findStudent(db, studentId);
  if (!student) throw new AppError('not_found');

  const artifacts = await visibleArtifacts(db, viewer, studentId);
  const family = viewer.role === 'guardian';
  await audit(c, 'view', family ? 'work-samples' : 'portfolio', studentId, studentId);
  const focus = c.req.query('focus') ?? '';
  const model = {
    studentId,
    studentName: `${student.givenName} ${student.familyName}`,
    givenName: student.givenName,
    role: viewer.role,
    artifacts,
    choices: family ? [] : await linkChoicesFor(db, viewer, studentId),
    levels: await listDefaultScaleLevels(db),
    settings: SETTINGS,
    acceptedText: ACCEPTED_TEXT,
    limitText: limitText(portfolioSettings()),
    accept: ACCEPT,
    today: today(),
    notice: problems ? null : (NOTICES[c.req.query('saved') ?? ''] ?? null),
    focus: /^[\w:-]{1,120}$/.test(focus) ? focus : null,
    errors: problems?.errors ?? {},
    values: problems?.values ?? {},
    csrf: c.get('csrfToken'),
  };
  const title = family ? 'Work samples' : viewer.role === 'student' ? 'My portfolio' : 'Portfolio';
  return renderPage(
    c,
    <PortfolioPage {...frameOf(c, title)} model={model} />,
    problems ? 400 : 200,
  );
}

/**
 * Back to the portfolio, naming the change and the button to focus again (no #fragment: it
 * would stop the browser from focusing the autofocus button).
 */
function backToPortfolio(c: Context<AppEnv>, saved: string, focus: string) {
  const studentId = c.req.param('studentId') ?? '';
  const query = new URLSearchParams({ saved, focus });
  return c.redirect(`/students/${studentId}/portfolio?${query.toString()}`, 303);
}

const uploadSchema = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, 'Give your work a title.')
    .max(120, 'Keep the title under 120 letters.'),
  description: z.string().trim().max(300, 'Keep the description under 300 letters.').optional(),
  observedOn: z.iso.date({ error: 'Choose the date you did the work.' }),
  setting: z.enum(['class', 'therapy', 'home', 'community'], { error: 'Choose where you did it.' }),
  reflection: z.string().trim().max(1000, 'Keep the reflection under 1000 letters.').optional(),
  link: z.array(z.string().max(250)).max(50).optional(),
});

/** The form's text fields and the file, from a multipart body. */
async function readUpload(c: Context<AppEnv>) {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string> = {};
  const fields: Record<string, unknown> = {};
  let file: File | null = null;
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue;
    if (key === 'file') {
      const first = Array.isArray(value) ? value[0] : value;
      file = first instanceof File ? first : null;
      continue;
    }
    const texts = (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string');
    fields[key] = key === 'link' ? texts : texts[0];
    if (key !== 'link' && typeof texts[0] === 'string') values[key] = texts[0];
  }
  return { fields, values, file };
}

async function upload(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  const studentId = c.req.param('studentId') ?? '';
  const { fields, values, file } = await readUpload(c);
  const parsed = uploadSchema.safeParse(fields);
  const errors: Record<string, string> = parsed.success ? {} : problemsByField(parsed.error);
  if (!file || file.size === 0) errors.file = 'Choose a file to upload.';
  if (!parsed.success || !file || file.size === 0) return showPortfolio(c, { errors, values });

  const data = parsed.data;
  if (data.observedOn > today()) {
    return showPortfolio(c, {
      errors: { observedOn: 'The date cannot be in the future.' },
      values,
    });
  }
  const outcome = await uploadArtifact(
    c.get('store').db,
    {
      studentId,
      title: data.title,
      description: data.description || null,
      observedOn: data.observedOn,
      setting: data.setting,
      reflection: data.reflection || null,
      links: data.link ?? [],
      file: { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name },
    },
    viewer,
    portfolioSettings(),
    new Date(),
  );
  if (!outcome.ok) return showPortfolio(c, { errors: outcome.errors, values });

  await audit(c, 'create', 'portfolio-artifact', outcome.id, studentId);
  return backToPortfolio(c, 'added', `choose:${outcome.id}`);
}

/** The extension each served type gets in a download's name. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'application/pdf': 'pdf',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/wav': 'wav',
  'audio/ogg': 'ogg',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
};

/**
 * The Content-Disposition of a download: always an attachment, the name's own extension
 * replaced by the checked type's, an ASCII fallback and the UTF-8 name (RFC 6266).
 * Example: "Mi dibujo.png" holding a JPEG gives
 * `attachment; filename="Mi dibujo.jpg"; filename*=UTF-8''Mi%20dibujo.jpg`.
 */
export function attachmentHeader(fileName: string, contentType: string): string {
  const base = fileName.replace(/\.[^.]*$/, '') || 'work';
  const name = `${base}.${EXTENSIONS[contentType] ?? 'bin'}`;
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A download answers nothing but the bytes: no script, no plugin, no framing, no sniffing. */
const DOWNLOAD_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'";

async function download(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  const db = c.get('store').db;
  const studentId = c.req.param('studentId') ?? '';
  const artifactId = c.req.param('artifactId') ?? '';
  const artifact = await visibleArtifact(db, viewer, studentId, artifactId);
  if (!artifact) throw new AppError('not_found');
  const bytes = await readStoredFile(artifact.storedName, portfolioSettings());
  if (!bytes) throw new AppError('not_found');

  await audit(c, 'download', 'portfolio-artifact', artifact.id, studentId);
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': artifact.contentType,
    'Content-Length': String(bytes.length),
    'Content-Disposition': attachmentHeader(artifact.fileName, artifact.contentType),
    'Content-Security-Policy': DOWNLOAD_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
}

/** The artifact named in the path, if the viewer may see it; 404 otherwise. */
async function artifactOf(c: Context<AppEnv>) {
  const artifact = await visibleArtifact(
    c.get('store').db,
    requireViewer(c),
    c.req.param('studentId') ?? '',
    c.req.param('artifactId') ?? '',
  );
  if (!artifact) throw new AppError('not_found');
  return artifact;
}

const moveSchema = z.strictObject({ direction: z.enum(['up', 'down']) });

async function move(c: Context<AppEnv>): Promise<Response> {
  const artifact = await artifactOf(c);
  const form = await readForm(c, moveSchema);
  if (!form.ok) throw new AppError('invalid_input');

  const direction = form.data.direction;
  await moveChosen(c.get('store').db, artifact.studentId, artifact.id, direction);
  await audit(c, 'reorder', 'portfolio-artifact', artifact.id, artifact.studentId, { direction });
  return backToPortfolio(c, 'moved', `move-${direction}:${artifact.id}`);
}

const chooseSchema = z.strictObject({ chosen: z.enum(['0', '1']) });

async function choose(c: Context<AppEnv>): Promise<Response> {
  const artifact = await artifactOf(c);
  const form = await readForm(c, chooseSchema);
  if (!form.ok) throw new AppError('invalid_input');

  const chosen = form.data.chosen === '1';
  await setChosen(c.get('store').db, artifact.studentId, artifact.id, chosen);
  await audit(c, 'update', 'portfolio-artifact', artifact.id, artifact.studentId, { chosen });
  return backToPortfolio(c, 'chosen', `choose:${artifact.id}`);
}

const shareSchema = z.strictObject({ shared: z.enum(['0', '1']) });

async function share(c: Context<AppEnv>): Promise<Response> {
  const artifact = await artifactOf(c);
  const form = await readForm(c, shareSchema);
  if (!form.ok) throw new AppError('invalid_input');

  const shared = form.data.shared === '1';
  const change = { shared, by: requireViewer(c).accountId, at: new Date().toISOString() };
  await setShared(c.get('store').db, artifact.studentId, artifact.id, change);
  await audit(c, 'update', 'portfolio-artifact', artifact.id, artifact.studentId, { shared });
  return backToPortfolio(c, 'shared', `share:${artifact.id}`);
}

const endorseSchema = z.strictObject({
  score: z.coerce.number({ error: 'Choose the level this work shows.' }),
  strength: z.string().trim().max(1000).optional(),
  nextStep: z.string().trim().max(1000).optional(),
});

async function endorse(c: Context<AppEnv>): Promise<Response> {
  const artifact = await artifactOf(c);
  const form = await readForm(c, endorseSchema);
  const key = `endorse:${artifact.id}`;
  const levels = await listDefaultScaleLevels(c.get('store').db);
  if (!form.ok || !levels.some((l) => l.value === form.data.score)) {
    return showPortfolio(c, { errors: { [key]: 'Choose the level this work shows.' }, values: {} });
  }

  const outcome = await endorseArtifact(
    c.get('store').db,
    artifact,
    {
      score: form.data.score,
      format: formatOfKind(artifact.kind),
      strength: form.data.strength || null,
      nextStep: form.data.nextStep || null,
    },
    { viewer: requireViewer(c), requestId: c.get('requestId') },
    new Date(),
  );
  if (!outcome.ok) return showPortfolio(c, { errors: { [key]: outcome.message }, values: {} });

  const detail = { evidence: outcome.evidenceIds.length };
  await audit(c, 'endorse', 'portfolio-artifact', artifact.id, artifact.studentId, detail);
  return backToPortfolio(c, 'endorsed', '');
}

const ARTIFACT = '/students/:studentId/portfolio/:artifactId';

export const portfolioRoutes: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/students/:studentId/portfolio',
    access: ANYONE_WHO_SEES,
    handler: (c) => showPortfolio(c),
  },
  {
    method: 'post',
    path: '/students/:studentId/portfolio',
    access: STUDENT_OR_STAFF,
    handler: upload,
  },
  { method: 'get', path: `${ARTIFACT}/file`, access: ANYONE_WHO_SEES, handler: download },
  { method: 'post', path: `${ARTIFACT}/move`, access: THE_STUDENT, handler: move },
  { method: 'post', path: `${ARTIFACT}/choose`, access: THE_STUDENT, handler: choose },
  { method: 'post', path: `${ARTIFACT}/share`, access: STUDENT_OR_STAFF, handler: share },
  { method: 'post', path: `${ARTIFACT}/endorse`, access: TEACHERS, handler: endorse },
];
