/**
 * The IEP progress report page: one template for the screen and the PDF. Each goal is a
 * section with how progress was measured, the period's data in words, the progress graph
 * (with its data table), the progress code and its meaning, the team's narrative and the
 * short-term steps. The graph's words are in the report's language; it is drawn left to right
 * in every language, as time runs on its axis.
 */
import type { FC } from 'hono/jsx';
import type { GoalProgress } from '../../services/progress-monitoring.service.js';
import { ProgressGraph, ProgressTable } from '../charts/progress-graph.js';
import { labelMark, translator, type Translate } from '../i18n/index.js';
import type { LocalText } from '../family/family-report.model.js';
import type { GoalSection, IepProgressReportModel } from './iep-progress-report.model.js';

/** Renders the IEP progress report as a whole HTML document. */
export function renderIepProgressReportHtml(model: IepProgressReportModel): string {
  const page = <IepReportPage model={model} />;
  if (page instanceof Promise) throw new Error('the IEP report template must be synchronous');
  return `<!doctype html>\n${page.toString()}`;
}

const IepReportPage: FC<{ model: IepProgressReportModel }> = ({ model }) => {
  return (
    <html lang={model.htmlLang} dir={model.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{model.title}</title>
        <style dangerouslySetInnerHTML={{ __html: IEP_REPORT_CSS }} />
      </head>
      <body>
        <main class="report">
          <IepReportSections model={model} />
        </main>
      </body>
    </html>
  );
};

/**
 * The report's content without the document around it: the PDF's page body, and what the web
 * app shows inside its own frame (with IEP_REPORT_CSS scoped to the report).
 */
export const IepReportSections: FC<{ model: IepProgressReportModel }> = ({ model }) => {
  const t = translator(model.lang);
  return (
    <>
      <header class="report-header">
        <h1>{model.title}</h1>
        {model.school && <p class="meta">{t('family.school', { school: model.school })}</p>}
        <p class="meta">{model.periodText}</p>
        <p class="meta">
          <strong>{model.sentText}</strong>
        </p>
        {model.caseManager && <p class="meta">{model.caseManager}</p>}
        <p class="intro">{model.intro}</p>
        {model.hasUntranslated && <p class="note">{t('family.untranslated.note')}</p>}
      </header>
      {model.goals.length === 0 ? (
        <p>{t('family.iep.noGoals')}</p>
      ) : (
        model.goals.map((goal) => <GoalReport goal={goal} model={model} t={t} />)
      )}
      <footer class="closing">
        <p>{t('family.questions')}</p>
      </footer>
    </>
  );
};

const GoalReport: FC<{ goal: GoalSection; model: IepProgressReportModel; t: Translate }> = ({
  goal,
  model,
  t,
}) => {
  const colon = labelMark(model.lang);
  return (
    <section class="goal" aria-labelledby={`goal-${goal.id}-title`}>
      <h2 id={`goal-${goal.id}-title`}>
        {goal.heading}
        {colon}
        <Text text={goal.area} t={t} />
      </h2>
      <p class="statement">
        <Text text={goal.statement} t={t} />
      </p>
      <h3>{t('iep.measured')}</h3>
      <p>
        {goal.measured}{' '}
        {goal.unit.untranslated ? <Text text={goal.unit} t={t} /> : `(${goal.unit.text})`}
      </p>
      <h3>{t('iep.data')}</h3>
      <ul class="summary">
        {goal.dataSummary.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      {goal.progress ? (
        <figure class="graph" lang={model.htmlLang} dir="ltr">
          <div class="graph-picture">
            <ProgressGraph
              progress={withReportTexts(goal.progress, goal)}
              options={{ lang: model.lang, size: 'pdf', idPrefix: `graph-${goal.id}` }}
            />
          </div>
          <div dir={model.dir}>
            <ProgressTable
              progress={withReportTexts(goal.progress, goal)}
              options={{ lang: model.lang }}
            />
          </div>
        </figure>
      ) : (
        <p>{t('iep.graph.none')}</p>
      )}
      <h3>{t('iep.code')}</h3>
      {goal.codeName ? (
        <p class="code">
          <strong>{goal.codeName}</strong>
          {goal.codeLabel && !goal.codeLabel.untranslated && ` (${goal.codeLabel.text})`}
          {colon}
          {goal.codeMeaning}
        </p>
      ) : (
        <p>{t('report.notGiven')}</p>
      )}
      <h3>{t('iep.narrative')}</h3>
      <p class="narrative" dir="auto">
        {goal.narrative ?? t('iep.noNarrative')}
      </p>
      {goal.objectives.length > 0 && (
        <>
          <h3>{t('iep.objectives')}</h3>
          <ul class="objectives">
            {goal.objectives.map((objective) => (
              <li>
                <strong>
                  {objective.heading}
                  {colon}
                </strong>
                <Text text={objective.statement} t={t} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
};

/**
 * The goal's progress with its area and unit as the report shows them: the stored translation
 * when there is one, else the stored English (marked beside "How progress was measured").
 */
function withReportTexts(progress: GoalProgress, goal: GoalSection): GoalProgress {
  return {
    ...progress,
    goal: { ...progress.goal, area: goal.area.text, unitLabel: goal.unit.text },
  };
}

/** Text in its own language; English in another report is marked "(in English)". */
const Text: FC<{ text: LocalText; t: Translate }> = ({ text, t }) =>
  text.untranslated ? (
    <>
      <span lang={text.lang} dir="ltr">
        {text.text}
      </span>{' '}
      <span class="untranslated">({t('family.untranslated')})</span>
    </>
  ) : (
    <>{text.text}</>
  );

/**
 * The report's fixed style sheet (no stored data). Logical properties keep right-to-left
 * pages mirrored. The web app serves it scoped to the report's element.
 */
export const IEP_REPORT_CSS = `
:root { color: #1a1a1a; background: #fff; }
* { box-sizing: border-box; }
body {
  margin: 0;
  font-family: 'Noto Sans', 'Noto Sans Arabic', 'Noto Sans SC', system-ui, sans-serif;
  font-size: 16px; line-height: 1.5;
}
:lang(ar) body, [lang='ar'] { line-height: 1.7; }
.report { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 2rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; line-height: 1.25; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; border-block-end: 2px solid #1a1a1a; }
h3 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
.meta { margin: 0; color: #333; }
.intro { margin: 0.75rem 0 0; }
.note { font-size: 0.9rem; }
.untranslated { font-size: 0.85em; font-style: italic; color: #444; }
.statement { margin: 0.25rem 0; font-weight: 700; }
.summary { margin: 0; padding-inline-start: 1.25rem; }
.objectives { list-style: none; margin: 0; padding: 0; }
.graph { margin: 0.75rem 0; }
.graph-picture { break-inside: avoid; }
.graph svg { display: block; max-width: 100%; height: auto; }
.progress-table { border-collapse: collapse; margin-top: 0.5rem; font-size: 0.8rem; }
.progress-table caption { text-align: start; font-weight: 700; padding-bottom: 0.25rem; }
.progress-table th, .progress-table td {
  border: 1px solid #999; padding: 0.1rem 0.4rem; text-align: start;
}
.narrative { white-space: pre-line; }
.closing { margin-top: 2rem; border-block-start: 1px solid #999; padding-block-start: 0.5rem; }
@page { margin: 16mm 15mm 18mm; }
@media print {
  body { font-size: 10pt; line-height: 1.4; }
  .report { max-width: none; padding: 0; }
  h1 { font-size: 18pt; }
  h2 { font-size: 13pt; }
  .goal { break-before: auto; }
}
`;
