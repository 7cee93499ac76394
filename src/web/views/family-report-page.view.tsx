/**
 * The family report inside the app's frame: the whole page (navigation included) is in the
 * report's language and direction, with links to the report in each language and to its PDF.
 * The report itself is the PDF's template (FamilyReportSections), styled by its own sheet
 * scoped to the report element.
 */
import type { FamilyReportModel } from '../../reports/family/family-report.model.js';
import { FamilyReportSections } from '../../reports/family/family-report.view.js';
import type { ReportLang } from '../../reports/i18n/index.js';
import { pageLanguage } from '../i18n/index.js';
import { Layout, type PageFrame } from './layout.js';

/** One language the report can be read in. */
export interface LanguageLink {
  readonly lang: ReportLang;
  /** The language's name in that language ("Español"). */
  readonly name: string;
  readonly href: string;
  readonly current: boolean;
}

/** What the report page shows. */
export interface FamilyReportScreenModel {
  readonly report: FamilyReportModel;
  readonly languages: readonly LanguageLink[];
  readonly pdfHref: string;
}

/** The family report page. */
export function FamilyReportScreen(props: PageFrame & { readonly model: FamilyReportScreenModel }) {
  const { report } = props.model;
  const language = props.language ?? pageLanguage(report.lang);
  return (
    <Layout
      {...props}
      language={language}
      scripts={false}
      stylesheets={['/static/family-report.css']}
    >
      <ReportTools model={props.model} language={language} />
      <div class="family-report" lang={report.htmlLang} dir={report.dir}>
        <div class="report">
          <FamilyReportSections model={report} />
        </div>
      </div>
    </Layout>
  );
}

/** The language links and the PDF link, above the report. */
export function ReportTools(props: {
  readonly model: { readonly languages: readonly LanguageLink[]; readonly pdfHref: string };
  readonly language: ReturnType<typeof pageLanguage>;
}) {
  const { t } = props.language;
  return (
    <div class="report-tools">
      <nav class="language-switcher" aria-labelledby="language-switcher-label">
        <p id="language-switcher-label" class="language-switcher-label">
          {t('report.languages')}
        </p>
        <ul>
          {props.model.languages.map((link) => (
            <li>
              <LanguageLinkItem link={link} />
            </li>
          ))}
        </ul>
      </nav>
      <p class="report-download">
        <a class="button-primary" href={props.model.pdfHref} download>
          <DownloadIcon />
          {t('report.download')}
        </a>
        <span class="hint">{t('report.pdfHint')}</span>
      </p>
    </div>
  );
}

function LanguageLinkItem(props: { readonly link: LanguageLink }) {
  const { link } = props;
  const tag = pageLanguage(link.lang);
  return (
    <a
      href={link.href}
      lang={tag.htmlLang}
      dir={tag.dir}
      hreflang={tag.htmlLang}
      aria-current={link.current ? 'true' : undefined}
    >
      {link.current && (
        <span class="current-mark" aria-hidden="true">
          ✓{' '}
        </span>
      )}
      {link.name}
    </a>
  );
}

function DownloadIcon() {
  return (
    <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path
        d="M8 2 L8 10 M4.5 6.5 L8 10 L11.5 6.5 M3 13.5 L13 13.5"
        fill="none"
        stroke="currentColor"
        stroke-width="1.8"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
