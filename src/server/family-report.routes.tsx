/**
 * The family report in the app: the page (in the frame, in the report's language, with links
 * to every language and to the PDF), the PDF itself, a family's language setting, and the
 * report style sheets. A guardian's report opens in their own preferred language.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { familyReportModel, familyReportPdf } from '../reports/family/family-report.js';
import { REPORT_CSS } from '../reports/family/family-report.view.js';
import { IEP_REPORT_CSS } from '../reports/iep/iep-progress-report.view.js';
import { REPORT_LANGUAGES, translator, type ReportLang } from '../reports/i18n/index.js';
import { savePreferredLanguage } from '../store/language.repository.js';
import { listChildrenOfGuardian } from '../store/roster.repository.js';
import { LANGUAGE_NAMES, pageLanguage } from '../web/i18n/index.js';
import { scopeCss } from '../web/scoped-css.js';
import { FamilyReportScreen } from '../web/views/family-report-page.view.js';
import { LanguageSettingsPage } from '../web/views/language-settings.view.js';
import { audit, requireViewer } from './access.js';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';
import { readForm } from './forms.js';
import { frameOf } from './render.js';
import {
  documentOf,
  familyReportLang,
  queryOf,
  reportPagePolicy,
  requestedPeriod,
  viewerLang,
} from './report-page.js';
import type { RouteSpec } from './route.js';

/** The link to a student's family report, optionally in one language and period. */
export function familyReportPath(
  studentId: string,
  query: Readonly<Record<string, string | null | undefined>> = {},
  pdf = false,
): string {
  return `/students/${encodeURIComponent(studentId)}/report${pdf ? '.pdf' : ''}${queryOf(query)}`;
}

async function showFamilyReport(c: Context<AppEnv>): Promise<Response> {
  const studentId = c.req.param('studentId') ?? '';
  const period = requestedPeriod(c);
  const lang = await familyReportLang(c);
  const report = await familyReportModel(c.get('store').db, studentId, {
    ...period,
    ...(lang ? { lang } : {}),
  });
  if (!report) throw new AppError('not_found');

  const model = {
    report,
    languages: REPORT_LANGUAGES.map((each) => ({
      lang: each,
      name: LANGUAGE_NAMES[each],
      href: familyReportPath(studentId, { lang: each, ...period }),
      current: each === report.lang,
    })),
    pdfHref: familyReportPath(studentId, { lang: report.lang, ...period }, true),
  };
  const frame = frameOf(c, report.studentName);
  const page = <FamilyReportScreen {...frame} title={titleOf(report)} model={model} />;
  const document = await documentOf(page);

  await audit(c, 'view', 'family-report', studentId, studentId, { lang: report.lang });
  c.header('Content-Security-Policy', reportPagePolicy(document));
  return c.html(document);
}

function titleOf(report: { readonly studentName: string; readonly lang: ReportLang }): string {
  return translator(report.lang)('family.title', { name: report.studentName });
}

async function downloadFamilyReport(c: Context<AppEnv>): Promise<Response> {
  const studentId = c.req.param('studentId') ?? '';
  const lang = await familyReportLang(c);
  const request = { ...requestedPeriod(c), ...(lang ? { lang } : {}) };
  const pdf = await familyReportPdf(c.get('store').db, studentId, request);
  if (pdf === null) throw new AppError('not_found');

  await audit(c, 'export', 'family-report-pdf', studentId, studentId, { lang: lang ?? 'default' });
  const name = lang ? `family-report-${lang}.pdf` : 'family-report.pdf';
  return c.body(new Uint8Array(pdf), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="${name}"`,
  });
}

const languageSchema = z.strictObject({
  language: z.enum(REPORT_LANGUAGES as [ReportLang, ...ReportLang[]], {
    error: 'Choose one of the languages.',
  }),
});

async function showLanguageSettings(
  c: Context<AppEnv>,
  state: { readonly invalid?: boolean } = {},
): Promise<Response> {
  const viewer = requireViewer(c);
  if (!viewer.personId) throw new AppError('not_found');

  const chosen = (await viewerLang(c)) ?? 'en';
  const children = await listChildrenOfGuardian(c.get('store').db, viewer.personId);
  const language = pageLanguage(chosen);
  const model = {
    chosen,
    saved: c.req.query('saved') === '1' && !state.invalid,
    invalid: state.invalid ?? false,
    children: children.map((child) => ({
      name: `${child.givenName} ${child.familyName}`,
      reportHref: familyReportPath(child.id),
    })),
  };
  const frame = frameOf(c, language.t('nav.language'));
  const page = <LanguageSettingsPage {...frame} language={language} model={model} />;
  return c.html(await documentOf(page), state.invalid ? 400 : 200);
}

async function saveLanguage(c: Context<AppEnv>): Promise<Response> {
  const viewer = requireViewer(c);
  if (!viewer.personId) throw new AppError('not_found');

  const form = await readForm(c, languageSchema);
  if (!form.ok) return showLanguageSettings(c, { invalid: true });

  const db = c.get('store').db;
  if (!(await savePreferredLanguage(db, viewer.personId, form.data.language))) {
    throw new AppError('not_found');
  }
  await audit(c, 'update', 'preferred-language', viewer.personId, null, {
    lang: form.data.language,
  });
  return c.redirect('/settings/language?saved=1', 303);
}

const STYLE_SHEETS: Readonly<Record<string, () => string>> = {
  'family-report.css': () => `${scopeCss(REPORT_CSS, '.family-report')}\n${APP_RESETS}`,
  'iep-progress-report.css': () => `${scopeCss(IEP_REPORT_CSS, '.iep-report')}\n${APP_RESETS}`,
};

/**
 * The app's rules that share a class name with a report's, undone inside the reports (the
 * report's own rules win by weight; these cover what the report's rules do not set).
 */
const APP_RESETS = `
:is(.family-report, .iep-report) .legend-list { display: block; }
:is(.family-report, .iep-report) .iep { border: 0; }
:is(.family-report, .iep-report) .facts { display: block; }
:is(.family-report, .iep-report) .facts dt {
  font-size: inherit; text-transform: none; letter-spacing: normal; color: inherit;
}
:is(.family-report, .iep-report) .goal-numbers { color: inherit; font-size: inherit; }
:is(.family-report, .iep-report) .level-word { display: inline; font-size: inherit; margin: 0; }
`;

const sheetCache = new Map<string, string>();

function serveStyleSheet(name: string) {
  return (c: Context<AppEnv>): Response => {
    let body = sheetCache.get(name);
    if (body === undefined) {
      body = STYLE_SHEETS[name]!();
      sheetCache.set(name, body);
    }
    return c.body(body, 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    });
  };
}

const STUDENT = { kind: 'student', param: 'studentId' } as const;
const GUARDIAN = { kind: 'signed-in', roles: ['guardian'] } as const;

export const familyReportRoutes: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/students/:studentId/report',
    access: STUDENT,
    handler: showFamilyReport,
  },
  {
    method: 'get',
    path: '/students/:studentId/report.pdf',
    access: STUDENT,
    handler: downloadFamilyReport,
  },
  {
    method: 'get',
    path: '/settings/language',
    access: GUARDIAN,
    handler: (c) => showLanguageSettings(c),
  },
  { method: 'post', path: '/settings/language', access: GUARDIAN, handler: saveLanguage },
  ...Object.keys(STYLE_SHEETS).map((name) => ({
    method: 'get' as const,
    path: `/static/${name}`,
    access: { kind: 'public' as const },
    handler: serveStyleSheet(name),
  })),
];
