/**
 * Portfolio files: which kinds of work are accepted, how big they may be, how the type is read
 * from the content, and where the bytes are kept.
 *
 * The type comes from the file's first bytes (its magic numbers), read by the file-type
 * package: it knows the container formats (MP4 and M4A brands, WebM's EBML header, RIFF for
 * WAV and WebP) that a hand-written check would get subtly wrong, and it is widely used and
 * kept up to date. The name a browser sends is never trusted: it only suggests the download's
 * name, cleaned.
 *
 * Files are stored outside the web root, in PORTFOLIO_DIR (./data/uploads by default), under a
 * generated name: the SHA-256 of the content, with no extension. The same work uploaded twice
 * is kept once, and a stored name says nothing about a student or a file name.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import type { ArtifactKind } from '../store/schema.js';

/** Where files are kept and how big one may be. */
export interface PortfolioSettings {
  readonly dir: string;
  readonly maxBytes: number;
}

/** The default upload limit: 20 MB (20 × 1024 × 1024 bytes). */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Reads PORTFOLIO_DIR (default ./data/uploads) and PORTFOLIO_MAX_MB (default 20) from the
 * environment. Read on each use, so a test can point the app at its own folder.
 */
export function portfolioSettings(env: NodeJS.ProcessEnv = process.env): PortfolioSettings {
  const dir = path.resolve(env.PORTFOLIO_DIR?.trim() || './data/uploads');
  const megabytes = Number(env.PORTFOLIO_MAX_MB ?? 20);
  const maxBytes =
    Number.isFinite(megabytes) && megabytes > 0
      ? Math.floor(megabytes * 1024 * 1024)
      : DEFAULT_MAX_BYTES;
  return { dir, maxBytes };
}

/** Each accepted type as file-type reports it, with the type it is served as and its kind. */
const ACCEPTED: Readonly<Record<string, { readonly type: string; readonly kind: ArtifactKind }>> = {
  'image/png': { type: 'image/png', kind: 'image' },
  'image/jpeg': { type: 'image/jpeg', kind: 'image' },
  'image/webp': { type: 'image/webp', kind: 'image' },
  'image/gif': { type: 'image/gif', kind: 'image' },
  'application/pdf': { type: 'application/pdf', kind: 'pdf' },
  'audio/mpeg': { type: 'audio/mpeg', kind: 'audio' },
  'audio/x-m4a': { type: 'audio/mp4', kind: 'audio' },
  'audio/mp4': { type: 'audio/mp4', kind: 'audio' },
  'audio/wav': { type: 'audio/wav', kind: 'audio' },
  'audio/ogg': { type: 'audio/ogg', kind: 'audio' },
  'audio/ogg; codecs=opus': { type: 'audio/ogg', kind: 'audio' },
  'video/mp4': { type: 'video/mp4', kind: 'video' },
  'video/webm': { type: 'video/webm', kind: 'video' },
};

/** The kinds of work accepted, in words for the upload form. */
export const ACCEPTED_TEXT =
  'pictures (PNG, JPEG, WebP, GIF), PDF, sound (MP3, M4A, WAV, OGG) or video (MP4, WebM)';

/** What the content turned out to be, or why it was refused. */
export type CheckedFile =
  | { readonly ok: true; readonly contentType: string; readonly kind: ArtifactKind }
  | { readonly ok: false; readonly message: string };

/**
 * Reads the type from the bytes and checks the size. A file named "work.png" that holds HTML
 * or a program is refused, with a message that names the file.
 */
export async function checkFile(
  bytes: Uint8Array,
  fileName: string,
  settings: PortfolioSettings,
): Promise<CheckedFile> {
  const name = safeFileName(fileName);
  if (bytes.length === 0) return { ok: false, message: `"${name}" is empty.` };
  if (bytes.length > settings.maxBytes) {
    return {
      ok: false,
      message: `"${name}" is ${megabytes(bytes.length)}; ${limitText(settings)}`,
    };
  }

  const found = await fileTypeFromBuffer(bytes);
  const accepted = found ? ACCEPTED[found.mime] : undefined;
  if (!accepted) {
    const content = found ? `its content is ${found.ext.toUpperCase()}` : 'its content is unknown';
    return {
      ok: false,
      message: `"${name}" is not a file we accept (${content}, whatever its name says). Upload ${ACCEPTED_TEXT}.`,
    };
  }
  return { ok: true, contentType: accepted.type, kind: accepted.kind };
}

/** "The largest file you can upload is 20 MB." */
export function limitText(settings: PortfolioSettings): string {
  return `the largest file you can upload is ${megabytes(settings.maxBytes)}.`;
}

function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MB`;
}

/**
 * A file name safe to show and to suggest for a download: the last path part, only letters,
 * digits, spaces, dots, dashes and underscores, at most 100 characters, never empty.
 * Example: "../../etc/pass wd\r\n.png" gives "pass wd.png".
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N} ._-]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[ .]+/, '')
    .trim()
    .slice(0, 100);
  return cleaned === '' ? 'work' : cleaned;
}

/** Writes the bytes under their SHA-256 (once) and answers the stored name. */
export async function storeFile(bytes: Uint8Array, settings: PortfolioSettings): Promise<string> {
  const storedName = createHash('sha256').update(bytes).digest('hex');
  await fs.mkdir(settings.dir, { recursive: true });
  const target = path.join(settings.dir, storedName);

  const exists = await fs.stat(target).then(
    (stat) => stat.size === bytes.length,
    () => false,
  );
  if (!exists) {
    const temporary = `${target}.${process.pid}.${Date.now()}.part`;
    await fs.writeFile(temporary, bytes, { mode: 0o600 });
    await fs.rename(temporary, target);
  }
  return storedName;
}

/** The stored bytes, or null when the file is missing. */
export async function readStoredFile(
  storedName: string,
  settings: PortfolioSettings,
): Promise<Buffer | null> {
  if (!/^[0-9a-f]{64}$/.test(storedName)) return null;
  return fs.readFile(path.join(settings.dir, storedName)).catch(() => null);
}
