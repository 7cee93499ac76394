/**
 * The family report page: one template for the screen and the PDF. Semantic HTML (headings,
 * one list item per standard and per goal), lang and dir on the page and on every text shown
 * in another language, and every level drawn as a color, a word and a shape, so the page
 * reads the same printed in black and white. All stored text goes through hono/jsx, which
 * escapes it; only the fixed style sheet below is written raw.
 */
import type { Child, FC } from 'hono/jsx';
import { labelMark, translator, type Translate } from '../i18n/index.js';
import type {
  ContactBlock,
  FamilyReportModel,
  GoalLine,
  HomeTip,
  IepSummary,
  LevelBadge,
  LocalText,
  StandardLine,
} from './family-report.model.js';
import { WORK_SAMPLES_CSS, WorkSamplesSection } from './work-samples.view.js';

/** Renders the family report as a whole HTML document. */
export function renderFamilyReportHtml(model: FamilyReportModel): string {
  const page = <FamilyReportPage model={model} />;
  if (page instanceof Promise) throw new Error('the family report template must be synchronous');
  return `<!doctype html>\n${page.toString()}`;
}

const FamilyReportPage: FC<{ model: FamilyReportModel }> = ({ model }) => {
  const t = translator(model.lang);
  return (
    <html lang={model.htmlLang} dir={model.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t('family.title', { name: model.studentName })}</title>
        <style dangerouslySetInnerHTML={{ __html: REPORT_CSS }} />
      </head>
      <body>
        <main class="report">
          <FamilyReportSections model={model} />
        </main>
      </body>
    </html>
  );
};

/**
 * The report's content without the document around it: the PDF's page body, and what the web
 * app shows inside its own frame (with REPORT_CSS scoped to the report).
 */
export const FamilyReportSections: FC<{ model: FamilyReportModel }> = ({ model }) => {
  const t = translator(model.lang);
  return (
    <>
      <ReportHeader model={model} t={t} />
      {model.milestoneText && <Milestones model={model} t={t} />}
      <Legend model={model} t={t} />
      <Standards model={model} t={t} />
      {model.home && <Home home={model.home} t={t} />}
      {model.workSamples && <WorkSamplesSection block={model.workSamples} />}
      {model.iep && <Iep iep={model.iep} t={t} colon={labelMark(model.lang)} />}
      <Contact contact={model.contact} t={t} colon={labelMark(model.lang)} />
    </>
  );
};

const ReportHeader: FC<{ model: FamilyReportModel; t: Translate }> = ({ model, t }) => (
  <header class="report-header">
    <h1>{t('family.title', { name: model.studentName })}</h1>
    <p class="meta">
      {model.grade && (
        <span class="meta-item">
          <Text text={model.grade} t={t} />
        </span>
      )}
      {model.school && (
        <span class="meta-item">{t('family.school', { school: model.school })}</span>
      )}
      <span class="meta-item">{t('family.reportDate', { date: model.reportDate })}</span>
    </p>
    {model.periodText && <p class="period">{model.periodText}</p>}
    <p class="summary">{model.summary}</p>
    {model.hasUntranslated && <p class="note">{t('family.untranslated.note')}</p>}
  </header>
);

/** The goals reached this period, first after the answer: a celebration, not a footnote. */
const Milestones: FC<{ model: FamilyReportModel; t: Translate }> = ({ model, t }) => (
  <section class="milestones" aria-labelledby="milestones-title">
    <h2 id="milestones-title">
      <StarIcon />
      {t('family.milestones.title')}
    </h2>
    <p class="milestone-intro">{model.milestoneText}</p>
    <ul class="milestone-list">
      {model.milestones.map((line) => (
        <li>
          {line.now && <Badge badge={line.now} t={t} />}{' '}
          <span class="milestone-skill">
            <Text text={line.title} t={t} />
          </span>
        </li>
      ))}
    </ul>
  </section>
);

const Legend: FC<{ model: FamilyReportModel; t: Translate }> = ({ model, t }) => (
  <section class="legend" aria-labelledby="legend-title">
    <h2 id="legend-title">{t('family.legend.title')}</h2>
    <p>{t('family.legend.intro', { goal: model.goalLevel.label.text })}</p>
    <ul class="legend-list">
      {model.legend.map((badge) => (
        <li>
          <Badge badge={badge} t={t} />
          <span class="legend-meaning">
            <Text text={badge.meaning} t={t} />
            {badge.isGoal && <strong class="goal-mark"> {t('family.legend.goal')}</strong>}
          </span>
        </li>
      ))}
    </ul>
  </section>
);

const Standards: FC<{ model: FamilyReportModel; t: Translate }> = ({ model, t }) => (
  <section class="standards" aria-labelledby="standards-title">
    <h2 id="standards-title">{t('family.standards.title', { name: model.givenName })}</h2>
    {model.standards.length === 0 ? (
      <p>{t('family.standards.empty')}</p>
    ) : (
      <ol class="standard-list">
        {model.standards.map((line) => (
          <StandardItem line={line} t={t} />
        ))}
      </ol>
    )}
  </section>
);

const StandardItem: FC<{ line: StandardLine; t: Translate }> = ({ line, t }) => (
  <li class="standard">
    <article>
      <h3>
        <Text text={line.title} t={t} />
      </h3>
      {line.code && (
        <p class="code" lang="en" dir="ltr">
          {line.code}
        </p>
      )}
      <dl class="facts">
        <div class="fact">
          <dt>{t('family.standard.now')}</dt>
          <dd>
            {line.now ? <Badge badge={line.now} t={t} /> : <NoLevel />}
            <span class={`status status-${line.status}`}>
              <StatusIcon status={line.status} />
              {line.statusText}
            </span>
            {line.overrideText && <span class="override">{line.overrideText}</span>}
          </dd>
        </div>
        {line.started && (
          <div class="fact">
            <dt>{line.startLabel}</dt>
            <dd>
              <Badge badge={line.started} t={t} />
            </dd>
          </div>
        )}
        {!line.started && line.startNote && (
          <div class="fact">
            <dt>{line.startLabel}</dt>
            <dd>{line.startNote}</dd>
          </div>
        )}
        {line.track !== 'no-level' && (
          <div class="fact">
            <dt>{t('family.standard.track')}</dt>
            <dd>
              <span class={`track track-${line.track}`}>
                <TrackIcon track={line.track} />
                {line.trackText}
              </span>
            </dd>
          </div>
        )}
        {line.strength && (
          <div class="fact">
            <dt>{t('family.standard.strength')}</dt>
            <dd class="feedback" dir="auto">
              {line.strength}
            </dd>
          </div>
        )}
        {line.nextStep && (
          <div class="fact">
            <dt>{t('family.standard.nextStep')}</dt>
            <dd class="feedback" dir="auto">
              {line.nextStep}
            </dd>
          </div>
        )}
      </dl>
      {line.nextText && <p class="next">{line.nextText}</p>}
      <p class="basis">{line.basis}</p>
    </article>
  </li>
);

const Home: FC<{ home: HomeTip; t: Translate }> = ({ home, t }) => (
  <section class="home" aria-labelledby="home-title">
    <h2 id="home-title">{t('family.home.title')}</h2>
    <p>{home.frame}</p>
    <dl class="facts">
      <div class="fact">
        <dt>{t('family.home.skill')}</dt>
        <dd>
          <Text text={home.skill} t={t} />
        </dd>
      </div>
      <div class="fact">
        <dt>{t('family.standard.nextStep')}</dt>
        <dd class="feedback" dir="auto">
          {home.step}
        </dd>
      </div>
    </dl>
  </section>
);

/** How to reach the teachers and the school, and how to book a conference. */
const Contact: FC<{ contact: ContactBlock; t: Translate; colon: string }> = ({
  contact,
  t,
  colon,
}) => (
  <section class="contact" aria-labelledby="contact-title">
    <h2 id="contact-title">{t('family.contact.title')}</h2>
    <p>{t('family.questions')}</p>
    <dl class="facts">
      {contact.teachers.length > 0 && (
        <div class="fact">
          <dt>{contact.teacherLabel}</dt>
          <dd>
            <ul class="plain-list">
              {contact.teachers.map((teacher) => (
                <li>
                  <bdi dir="auto">
                    {teacher.name} ({teacher.classTitle})
                  </bdi>
                  {teacher.email && (
                    <>
                      {' · '}
                      {t('family.contact.email')}
                      {colon}
                      <Ltr text={teacher.email} />
                    </>
                  )}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      {contact.phone && (
        <div class="fact">
          <dt>{t('family.contact.phone')}</dt>
          <dd>
            <Ltr text={contact.phone} />
          </dd>
        </div>
      )}
      {contact.email && (
        <div class="fact">
          <dt>{t('family.contact.schoolEmail')}</dt>
          <dd>
            <Ltr text={contact.email} />
          </dd>
        </div>
      )}
      {contact.conferenceUrl && (
        <div class="fact">
          <dt>{t('family.contact.bookLink')}</dt>
          <dd>
            <Ltr text={contact.conferenceUrl} />
          </dd>
        </div>
      )}
    </dl>
    <p>
      {contact.teachers.length > 0 ? t('family.contact.book') : t('family.contact.noTeacher')}
      {colon === '：' ? '' : ' '}
      {t('family.contact.interpreter')}
    </p>
  </section>
);

/** Addresses, numbers and links: always left to right, even on a right-to-left page. */
const Ltr: FC<{ text: string }> = ({ text }) => (
  <bdi dir="ltr" class="ltr">
    {text}
  </bdi>
);

const Iep: FC<{ iep: IepSummary; t: Translate; colon: string }> = ({ iep, t, colon }) => (
  <section class="iep" aria-labelledby="iep-title">
    <h2 id="iep-title">{t('family.iep.title')}</h2>
    <p>{t('family.iep.intro')}</p>
    {(iep.dates ?? iep.review) && (
      <p>
        {iep.dates} {iep.review}
      </p>
    )}
    {iep.setting && (
      <p>
        <strong>
          {t('family.iep.setting')}
          {colon}
        </strong>
        <Text text={iep.setting} t={t} />
      </p>
    )}
    {iep.goals.length === 0 ? (
      <p>{t('family.iep.noGoals')}</p>
    ) : (
      <ol class="goal-list">
        {iep.goals.map((goal) => (
          <GoalItem goal={goal} t={t} colon={colon} />
        ))}
      </ol>
    )}
  </section>
);

const GoalItem: FC<{ goal: GoalLine; t: Translate; colon: string }> = ({ goal, t, colon }) => {
  const notGiven = t('report.notGiven');
  return (
    <li class="goal">
      <article>
        <h3>
          {t('family.goal.area')}
          {colon}
          <Text text={goal.area} t={t} />
        </h3>
        <p class="goal-statement">
          <Text text={goal.statement} t={t} />
        </p>
        <dl class="goal-numbers">
          <div>
            <dt>{t('family.goal.baseline')}</dt>
            <dd>{goal.baseline ?? notGiven}</dd>
          </div>
          <div>
            <dt>{t('family.goal.target')}</dt>
            <dd>{goal.target ?? notGiven}</dd>
          </div>
          <div>
            <dt>{t('family.goal.date')}</dt>
            <dd>{goal.goalDate ?? notGiven}</dd>
          </div>
        </dl>
      </article>
    </li>
  );
};

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

/** A level as a colored badge with its shape and word; the shape alone tells levels apart. */
const Badge: FC<{ badge: LevelBadge; t: Translate }> = ({ badge, t }) => (
  <span class="level" style={`background-color: ${safeColor(badge.color)}`}>
    <LevelShape fill={badge.fill} />
    <span class="level-word">
      <Text text={badge.label} t={t} />
    </span>
  </span>
);

const NoLevel: FC = () => (
  <span class="level level-none">
    <svg class="shape" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <circle
        cx="8"
        cy="8"
        r="6.5"
        fill="#fff"
        stroke="#1a1a1a"
        stroke-width="1.2"
        stroke-dasharray="2 2"
      />
    </svg>
  </span>
);

/**
 * A round symbol filled clockwise from the top by `fill` (0 to 1): empty, a quarter and so on
 * up to full. The filled part is a sector from angle 0 to a = 2π·fill, ending at
 * (8 + 6.5·sin a, 8 − 6.5·cos a). Example: fill 1/3 ends at about (13.63, 11.25).
 */
const LevelShape: FC<{ fill: number }> = ({ fill }) => {
  const angle = 2 * Math.PI * fill;
  const x = (8 + 6.5 * Math.sin(angle)).toFixed(2);
  const y = (8 - 6.5 * Math.cos(angle)).toFixed(2);
  const large = fill > 0.5 ? 1 : 0;
  let sector: Child = null;
  if (fill >= 1) sector = <circle cx="8" cy="8" r="6.5" fill="#1a1a1a" />;
  else if (fill > 0)
    sector = <path d={`M8 8 L8 1.5 A6.5 6.5 0 ${large} 1 ${x} ${y} Z`} fill="#1a1a1a" />;

  return (
    <svg class="shape" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <circle cx="8" cy="8" r="6.5" fill="#fff" stroke="#1a1a1a" stroke-width="1.2" />
      {sector}
    </svg>
  );
};

const StatusIcon: FC<{ status: StandardLine['status'] }> = ({ status }) => {
  const path =
    status === 'met'
      ? 'M3 8.5 L6.5 12 L13 4.5'
      : status === 'not-yet'
        ? 'M3 8 L12 8 M9 4.5 L12.5 8 L9 11.5'
        : 'M4 8 L12 8';
  return (
    <svg
      class={`status-icon status-icon-${status}`}
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
    >
      <path d={path} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
  );
};

const TrackIcon: FC<{ track: StandardLine['track'] }> = ({ track }) => {
  const paths: Record<StandardLine['track'], string> = {
    reached: 'M3 8.5 L6.5 12 L13 4.5',
    'on-track': 'M8 13 L8 3 M4 7 L8 3 L12 7',
    'off-track': 'M3 8 L13 8',
    'too-soon': 'M4 8 L4.1 8 M8 8 L8.1 8 M12 8 L12.1 8',
    'no-level': 'M4 8 L12 8',
  };
  return (
    <svg class="status-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path
        d={paths[track]}
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
      />
    </svg>
  );
};

const StarIcon: FC = () => (
  <svg class="star" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
    <path
      d="M12 2 L14.9 8.6 L22 9.3 L16.6 14 L18.2 21 L12 17.3 L5.8 21 L7.4 14 L2 9.3 L9.1 8.6 Z"
      fill="#fff1c2"
      stroke="#1a1a1a"
      stroke-width="1.5"
      stroke-linejoin="round"
    />
  </svg>
);

/** A stored scale color when it is a plain hex color, else a neutral gray. */
function safeColor(color: string): string {
  return /^#[0-9a-f]{3,8}$/i.test(color) ? color : '#e5e5e5';
}

/**
 * The report's fixed style sheet (no stored data). Logical properties keep right-to-left
 * pages mirrored. The web app serves it scoped to the report's element.
 */
export const REPORT_CSS = `
:root { color: #1a1a1a; background: #fff; }
* { box-sizing: border-box; }
body {
  margin: 0;
  font-family: 'Noto Sans', 'Noto Sans Arabic', 'Noto Sans SC', system-ui, sans-serif;
  font-size: 16px;
  line-height: 1.5;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
.report { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 2rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; line-height: 1.25; }
h2 { font-size: 1.25rem; margin: 1.75rem 0 0.5rem; border-block-end: 2px solid #1a1a1a; }
h3 { font-size: 1.05rem; margin: 0; line-height: 1.35; }
.meta { margin: 0; color: #333; }
.meta-item:not(:last-child)::after { content: ' · '; }
.summary {
  font-size: 1.2rem; font-weight: 700; margin: 1rem 0 0;
  padding: 0.75rem 1rem; border: 2px solid #1a1a1a; border-radius: 6px;
}
.note { font-size: 0.9rem; margin: 0.5rem 0 0; }
.untranslated { font-size: 0.85em; font-style: italic; color: #444; }
.legend-list, .standard-list, .goal-list { list-style: none; margin: 0; padding: 0; }
.legend-list li {
  display: flex; gap: 0.75rem; align-items: baseline; padding: 0.35rem 0;
  border-block-end: 1px solid #ddd; break-inside: avoid;
}
.legend-list .level { flex: 0 0 10.5rem; }
.goal-mark { font-weight: 700; }
.level {
  display: inline-flex; align-items: center; gap: 0.4rem; padding: 0.1rem 0.6rem;
  border: 1.5px solid #1a1a1a; border-radius: 999px; font-weight: 700; white-space: nowrap;
}
.level-none { padding: 0.1rem 0.35rem; }
.shape { flex: none; }
.standard, .goal {
  border: 1px solid #999; border-radius: 6px; padding: 0.75rem 1rem; margin: 0 0 0.75rem;
  break-inside: avoid; page-break-inside: avoid;
}
.code { margin: 0.1rem 0 0.5rem; font-size: 0.8rem; color: #444; }
.facts { margin: 0; }
.fact { display: grid; grid-template-columns: 9.5rem 1fr; gap: 0.5rem; padding: 0.25rem 0; }
dt { font-weight: 700; }
dd { margin: 0; }
.status { display: inline-flex; align-items: center; gap: 0.25rem; margin-inline-start: 0.6rem; }
.status-met { font-weight: 700; }
.feedback { white-space: pre-line; }
.basis { margin: 0.5rem 0 0; font-size: 0.85rem; color: #444; }
.next { margin: 0.5rem 0 0; font-weight: 600; }
.override { display: inline-block; margin-inline-start: 0.5rem; padding: 0 0.4rem; border: 1px dashed #555; border-radius: 4px; font-size: 0.85rem; }
.goal-statement { margin: 0.25rem 0 0.5rem; }
.goal-numbers { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; margin: 0; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
.period { margin: 0.25rem 0 0; }
.milestones {
  margin-top: 1rem; padding: 0.5rem 1rem 0.75rem; border: 2px solid #1a1a1a; border-radius: 6px;
  background: #fffbea; break-inside: avoid;
}
.milestones h2 { display: flex; gap: 0.5rem; align-items: center; margin-top: 0.25rem; }
.star { flex: none; }
.milestone-intro { font-weight: 700; margin: 0.25rem 0 0.5rem; }
.milestone-list, .plain-list { list-style: none; margin: 0; padding: 0; }
.milestone-list li { display: flex; gap: 0.6rem; align-items: baseline; padding: 0.2rem 0; }
.track { display: inline-flex; align-items: center; gap: 0.3rem; }
.home, .contact { break-inside: avoid; }
.ltr { unicode-bidi: isolate; }
/* Right to left: shapes that point or turn follow the reading direction. */
[dir='rtl'] .status-icon-not-yet, [dir='rtl'] .shape { transform: scaleX(-1); }
:lang(ar) body, [lang='ar'] { line-height: 1.7; }
:lang(zh-Hans) body { font-family: 'Noto Sans', 'Noto Sans SC', system-ui, sans-serif; }
@media (max-width: 32rem) {
  .fact { grid-template-columns: 1fr; gap: 0.1rem; }
  .legend-list li { flex-direction: column; align-items: flex-start; gap: 0.2rem; }
  .legend-list .level { flex: none; }
}
@page { margin: 16mm 15mm 18mm; }
@media print {
  body { font-size: 10pt; line-height: 1.4; }
  .report { max-width: none; padding: 0; }
  h1 { font-size: 18pt; }
  h2 { font-size: 13pt; margin: 1rem 0 0.4rem; }
  .summary { font-size: 12pt; margin-top: 0.6rem; padding: 0.5rem 0.8rem; }
  .legend-list li { padding: 0.15rem 0; }
  .standard, .goal { padding: 0.5rem 0.8rem; margin-bottom: 0.5rem; }
  .fact { padding: 0.1rem 0; }
}
${WORK_SAMPLES_CSS}`;
