/**
 * What the report pages share: the language asked for or preferred, the reporting period from
 * the query, and the content security policy of a page that shows a report inside the frame.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { isReportLang, reportLangOf, type ReportLang } from '../reports/i18n/index.js';
import { findPreferredLanguage } from '../store/language.repository.js';
import type { AppEnv } from './env.js';

/** The language named by `?lang=` when it is a report language ("es"), else null. */
export function requestedLang(c: Context<AppEnv>): ReportLang | null {
  const value = c.req.query('lang') ?? '';
  return isReportLang(value) ? value : null;
}

/** The signed-in viewer's preferred report language, or null when they have none. */
export async function viewerLang(c: Context<AppEnv>): Promise<ReportLang | null> {
  const personId = c.get('viewer')?.personId;
  if (!personId) return null;
  return reportLangOf(await findPreferredLanguage(c.get('store').db, personId));
}

/**
 * The language a family report opens in: the one asked for, else the viewer's own when they
 * are a guardian (each guardian reads in their language), else null (the report decides).
 */
export async function familyReportLang(c: Context<AppEnv>): Promise<ReportLang | null> {
  const asked = requestedLang(c);
  if (asked) return asked;
  return c.get('viewer')?.role === 'guardian' ? viewerLang(c) : null;
}

/** A reporting period from the query (`?from=2026-08-31&to=2026-11-06`); invalid days are left out. */
export function requestedPeriod(c: Context<AppEnv>): { from?: string; to?: string } {
  const from = isoDay(c.req.query('from'));
  const to = isoDay(c.req.query('to'));
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** The day when `value` is a real ISO calendar day ("2026-02-30" is not), else null. */
export function isoDay(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value) ? value : null;
}

/** A query string of the given values, empty ones left out: "?lang=es&from=2026-08-31". */
export function queryOf(values: Readonly<Record<string, string | null | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A page component as a whole HTML document, for a route that reads it before answering. */
export async function documentOf(page: JSX.Element): Promise<string> {
  return String(await html`<!doctype html>${page}`);
}

/**
 * The policy of a page showing a report in the frame: no script at all, same-origin style
 * sheets, and the page's own style attributes (a level's color, a graph's size) allowed by
 * their hashes, so no other inline style can run.
 */
export function reportPagePolicy(document: string): string {
  const hashes = styleAttributeHashes(document);
  const styles = hashes.length > 0 ? ` 'unsafe-hashes' ${hashes.join(' ')}` : '';
  return [
    "default-src 'none'",
    `style-src 'self'${styles}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The CSP source of each distinct style attribute value in a document, as the browser hashes
 * it: SHA-256 of the attribute value after its character references are decoded, in base64.
 */
export function styleAttributeHashes(document: string): string[] {
  const values = new Set<string>();
  for (const match of document.matchAll(/\sstyle="([^"]*)"/g))
    values.add(decodeAttribute(match[1]!));
  return [...values].map(
    (value) => `'sha256-${createHash('sha256').update(value, 'utf8').digest('base64')}'`,
  );
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
