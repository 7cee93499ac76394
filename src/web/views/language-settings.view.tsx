/**
 * A family's language setting: one choice among the report languages, each named in its own
 * language, saved to their record. The page is written in the language it has saved.
 */
import { REPORT_LANGUAGES, type ReportLang } from '../../reports/i18n/index.js';
import { LANGUAGE_NAMES, pageLanguage } from '../i18n/index.js';
import { Layout, type PageFrame } from './layout.js';

/** What the settings page shows. */
export interface LanguageSettingsModel {
  readonly chosen: ReportLang;
  readonly saved: boolean;
  readonly invalid: boolean;
  readonly children: ReadonlyArray<{ readonly name: string; readonly reportHref: string }>;
}

/** The language settings page. */
export function LanguageSettingsPage(props: PageFrame & { readonly model: LanguageSettingsModel }) {
  const { model } = props;
  const language = props.language ?? pageLanguage(model.chosen);
  const { t } = language;
  return (
    <Layout {...props} language={language} current="language">
      <h1>{t('nav.language')}</h1>
      {model.saved && (
        <p class="alert alert-success" role="status">
          {t('settings.saved')}
        </p>
      )}
      {model.invalid && (
        <p class="alert alert-error" role="alert">
          {t('settings.invalid')}
        </p>
      )}
      <section class="panel narrow-panel">
        <form method="post" action="/settings/language">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <fieldset class="language-choice">
            <legend>{t('settings.legend')}</legend>
            <p class="hint" id="language-hint">
              {t('settings.intro')}
            </p>
            {REPORT_LANGUAGES.map((lang) => (
              <LanguageOption lang={lang} checked={lang === model.chosen} />
            ))}
          </fieldset>
          <button type="submit" class="button-primary">
            {t('settings.save')}
          </button>
        </form>
      </section>
      {model.children.length > 0 && (
        <section class="panel narrow-panel" aria-labelledby="children-reports">
          <h2 id="children-reports">{t('settings.children')}</h2>
          <ul class="plain-list report-links">
            {model.children.map((child) => (
              <li>
                <a href={child.reportHref}>{t('settings.childReport', { name: child.name })}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}

function LanguageOption(props: { readonly lang: ReportLang; readonly checked: boolean }) {
  const tag = pageLanguage(props.lang);
  return (
    <label class="language-option">
      <input
        type="radio"
        name="language"
        value={props.lang}
        checked={props.checked}
        aria-describedby="language-hint"
      />
      <span lang={tag.htmlLang} dir={tag.dir}>
        {LANGUAGE_NAMES[props.lang]}
      </span>
    </label>
  );
}
