/**
 * The progress graph of one IEP goal, as SVG, and the same data as an HTML table.
 *
 * Drawn for screen readers and for black-and-white print: role="img" with a <title> and a
 * <desc> that says what the graph shows in words; every line differs by shape as well as by
 * color (data: thin solid line with round dots; goal line: dashed; trend: thick solid;
 * projection: dotted; criterion: dash-dot; phase change: solid vertical line with a label).
 * A measured 0 is drawn as a dot (lifted clear of the axis line); a day without data breaks the
 * data line. Pure: the input is the goalProgress result, the output a string.
 *
 * Its words, numbers and dates are in any report language (progress-graph.words.ts, Intl); the
 * drawing runs left to right in every language, Arabic included, because time runs that way on
 * its axis. Stored text (area, unit, phase labels) is drawn as given.
 */
import type { FC } from 'hono/jsx';
import type { Sentences } from '../../domain/criterion/criterion-sentence.js';
import { weeksBetween } from '../../domain/progress/dates.js';
import { valueAt, type WeeklyLine } from '../../domain/progress/goal-line.js';
import type { GoalProgress } from '../../services/progress-monitoring.service.js';
import { directionOf, htmlLangOf, labelMark, translator } from '../i18n/index.js';
import {
  GRAPH_SIZES,
  dataRuns,
  defaultSpan,
  makeFrame,
  phaseLineDays,
  xTicks,
  yTicks,
  type Frame,
  type GraphSpan,
  type XY,
} from './progress-graph.layout.js';
import {
  DECISION_WORDS,
  GRAPH_WORDS,
  type DecisionWords,
  type GraphLang,
} from './progress-graph.words.js';

export type { GraphLang } from './progress-graph.words.js';

/** How to draw a graph. */
export interface GraphOptions {
  readonly lang?: GraphLang;
  /** "page" (760 × 400) or "pdf" (640 × 360); the SVG scales to its container either way. */
  readonly size?: keyof typeof GRAPH_SIZES;
  readonly span?: GraphSpan;
  /** Makes element ids unique when several graphs share a page; defaults to the goal id. */
  readonly idPrefix?: string;
}

/** Renders the graph as an SVG string. */
export function renderProgressGraph(progress: GoalProgress, options: GraphOptions = {}): string {
  return render(<ProgressGraph progress={progress} options={options} />);
}

/** Renders the graph's data as an HTML table string. */
export function renderProgressTable(progress: GoalProgress, options: GraphOptions = {}): string {
  return render(<ProgressTable progress={progress} options={options} />);
}

function render(node: unknown): string {
  if (node instanceof Promise) throw new Error('progress graph templates must be synchronous');
  return String(node);
}

/** How far markers may reach past the plot's edge (the baseline square sits on the y axis). */
const CLIP_MARGIN = 8;

/** A white outline behind labels, so a line crossing a label does not hide it. */
const HALO = { 'paint-order': 'stroke', stroke: '#ffffff', 'stroke-width': '3' } as const;

const COLORS = {
  data: '#111111',
  goal: '#1f4e9c',
  trend: '#a14a00',
  criterion: '#1b6b2f',
  phase: '#555555',
  grid: '#dddddd',
  axis: '#333333',
} as const;

/** The SVG graph, for embedding in a page or a report. */
export const ProgressGraph: FC<{ progress: GoalProgress; options?: GraphOptions }> = ({
  progress,
  options = {},
}) => {
  const lang = options.lang ?? 'en';
  const { width, height } = GRAPH_SIZES[options.size ?? 'page'];
  const frame = makeFrame(progress, options.span ?? defaultSpan(progress), width, height);
  const id = options.idPrefix ?? `goal-${progress.goal.id}`;

  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      lang={htmlLangOf(lang)}
      direction="ltr"
      aria-labelledby={`${id}-title ${id}-desc`}
      class="progress-graph"
      font-family="'Noto Sans', 'Noto Sans Arabic', 'Noto Sans SC', 'DejaVu Sans', sans-serif"
      font-size="12"
      style="max-width: 100%; height: auto"
    >
      <title id={`${id}-title`}>{graphTitle(progress, lang)}</title>
      <desc id={`${id}-desc`}>{graphDescription(progress, lang)}</desc>
      <defs>
        <clipPath id={`${id}-plot`}>
          <rect
            x={frame.left - CLIP_MARGIN}
            y={frame.top - CLIP_MARGIN}
            width={frame.right - frame.left + 2 * CLIP_MARGIN}
            height={frame.bottom - frame.top + 2 * CLIP_MARGIN}
          />
        </clipPath>
      </defs>
      <rect x="0" y="0" width={width} height={height} fill="#ffffff" />
      <text x={frame.left} y="20" font-size="14" font-weight="bold" fill="#111111">
        {isolated(decisionHeading(progress, lang), lang)}
      </text>
      <YAxis frame={frame} progress={progress} lang={lang} />
      <XAxis frame={frame} lang={lang} />
      <g clip-path={`url(#${id}-plot)`}>
        <PhaseLines frame={frame} progress={progress} />
        <CriterionLine frame={frame} progress={progress} />
        <TrendLine frame={frame} progress={progress} />
        <GoalLine frame={frame} progress={progress} />
        <DataSeries frame={frame} progress={progress} />
      </g>
      <PhaseLabels frame={frame} progress={progress} />
      <CriterionLabel frame={frame} progress={progress} lang={lang} />
      <Legend frame={frame} progress={progress} lang={lang} height={height} />
    </svg>
  );
};

const YAxis: FC<{ frame: Frame; progress: GoalProgress; lang: GraphLang }> = ({
  frame,
  progress,
  lang,
}) => (
  <g class="y-axis">
    {yTicks(frame.yMax, frame.yStep).map((value) => (
      <g>
        <line
          x1={frame.left}
          x2={frame.right}
          y1={frame.y(value)}
          y2={frame.y(value)}
          stroke={COLORS.grid}
          stroke-width="1"
        />
        <text x={frame.left - 8} y={frame.y(value) + 4} text-anchor="end" fill={COLORS.axis}>
          {formatNumber(value, lang)}
        </text>
      </g>
    ))}
    <line x1={frame.left} x2={frame.left} y1={frame.top} y2={frame.bottom} stroke={COLORS.axis} />
    <text
      transform={`translate(16 ${(frame.top + frame.bottom) / 2}) rotate(-90)`}
      text-anchor="middle"
      fill={COLORS.axis}
    >
      {progress.goal.unitLabel}
    </text>
  </g>
);

const XAxis: FC<{ frame: Frame; lang: GraphLang }> = ({ frame, lang }) => (
  <g class="x-axis">
    <line
      x1={frame.left}
      x2={frame.right}
      y1={frame.bottom}
      y2={frame.bottom}
      stroke={COLORS.axis}
    />
    {xTicks(frame.from, frame.to).map((date) => (
      <g>
        <line
          x1={frame.x(date)}
          x2={frame.x(date)}
          y1={frame.bottom}
          y2={frame.bottom + 5}
          stroke={COLORS.axis}
        />
        <text x={frame.x(date)} y={frame.bottom + 18} text-anchor="middle" fill={COLORS.axis}>
          {isolated(shortDate(date, lang), lang)}
        </text>
      </g>
    ))}
    <text
      x={(frame.left + frame.right) / 2}
      y={frame.bottom + 36}
      text-anchor="middle"
      fill={COLORS.axis}
    >
      {isolated(GRAPH_WORDS[lang].dateAxis, lang)}
    </text>
  </g>
);

const DataSeries: FC<{ frame: Frame; progress: GoalProgress }> = ({ frame, progress }) => (
  <g class="data">
    {dataRuns(progress)
      .filter((run) => run.length > 1)
      .map((run) => (
        <polyline
          class="data-line"
          points={run.map((p) => `${fixed(frame.x(p.date))},${fixed(frame.y(p.value))}`).join(' ')}
          fill="none"
          stroke={COLORS.data}
          stroke-width="1.5"
        />
      ))}
    {progress.points.map((point) => (
      <circle
        class="data-point"
        data-date={point.date}
        data-value={String(point.value)}
        cx={fixed(frame.x(point.date))}
        cy={fixed(frame.y(point.value))}
        r="4"
        fill={COLORS.data}
        stroke="#ffffff"
        stroke-width="1"
      />
    ))}
  </g>
);

const GoalLine: FC<{ frame: Frame; progress: GoalProgress }> = ({ frame, progress }) => {
  const { baseline, target } = progress.goal;
  const endWeeks = weeksBetween(baseline.date, frame.to);
  const endValue = valueAt(progress.goalLine, endWeeks);
  const showsTarget = frame.to === target.date;
  return (
    <g class="goal-line">
      <line
        x1={fixed(frame.x(baseline.date))}
        y1={fixed(frame.y(baseline.value))}
        x2={fixed(frame.x(frame.to))}
        y2={fixed(frame.y(endValue))}
        stroke={COLORS.goal}
        stroke-width="2"
        stroke-dasharray="8 5"
      />
      <rect
        class="baseline-marker"
        x={fixed(frame.x(baseline.date) - 5)}
        y={fixed(frame.y(baseline.value) - 5)}
        width="10"
        height="10"
        fill="#ffffff"
        stroke={COLORS.goal}
        stroke-width="2"
      />
      {showsTarget && (
        <path
          class="target-marker"
          d={diamond(frame.x(target.date), frame.y(target.value), 7)}
          fill="#ffffff"
          stroke={COLORS.goal}
          stroke-width="2"
        />
      )}
    </g>
  );
};

const TrendLine: FC<{ frame: Frame; progress: GoalProgress }> = ({ frame, progress }) => {
  const { trend, trendSpan } = progress;
  if (!trend || !trendSpan) return null;

  const at = (date: string): string =>
    fixed(frame.y(valueAt(trend, weeksBetween(progress.goal.baseline.date, date))));
  const projects = trendSpan.to < frame.to;
  return (
    <g class="trend">
      <line
        class="trend-line"
        x1={fixed(frame.x(trendSpan.from))}
        y1={at(trendSpan.from)}
        x2={fixed(frame.x(trendSpan.to))}
        y2={at(trendSpan.to)}
        stroke={COLORS.trend}
        stroke-width="3"
      />
      {projects && (
        <line
          class="projection-line"
          x1={fixed(frame.x(trendSpan.to))}
          y1={at(trendSpan.to)}
          x2={fixed(frame.x(frame.to))}
          y2={at(frame.to)}
          stroke={COLORS.trend}
          stroke-width="2"
          stroke-dasharray="2 4"
          stroke-linecap="round"
        />
      )}
    </g>
  );
};

const CriterionLine: FC<{ frame: Frame; progress: GoalProgress }> = ({ frame, progress }) => {
  if (!progress.criterion) return null;
  const y = fixed(frame.y(progress.criterion.threshold));
  return (
    <line
      class="criterion-line"
      x1={frame.left}
      x2={frame.right}
      y1={y}
      y2={y}
      stroke={COLORS.criterion}
      stroke-width="1.5"
      stroke-dasharray="10 4 2 4"
    />
  );
};

const CriterionLabel: FC<{ frame: Frame; progress: GoalProgress; lang: GraphLang }> = ({
  frame,
  progress,
  lang,
}) => {
  if (!progress.criterion) return null;
  const { threshold, comparison } = progress.criterion;
  const bound = comparison === 'atLeast' ? '≥' : '≤';
  return (
    <text
      class="criterion-label"
      x={frame.right - 4}
      y={fixed(frame.y(threshold) - 5)}
      text-anchor="end"
      fill={COLORS.criterion}
      font-size="11"
      {...HALO}
    >
      {isolated(`${GRAPH_WORDS[lang].criterion} ${bound} ${formatNumber(threshold, lang)}`, lang)}
    </text>
  );
};

const PhaseLines: FC<{ frame: Frame; progress: GoalProgress }> = ({ frame, progress }) => (
  <g class="phase-changes">
    {progress.phaseChanges.map((phase) => {
      const x = fixed(frame.xAt(phaseLineDays(progress, phase.date)));
      return (
        <line
          class="phase-line"
          x1={x}
          x2={x}
          y1={frame.top}
          y2={frame.bottom}
          stroke={COLORS.phase}
          stroke-width="2"
        />
      );
    })}
  </g>
);

const PhaseLabels: FC<{ frame: Frame; progress: GoalProgress }> = ({ frame, progress }) => (
  <g class="phase-labels">
    {progress.phaseChanges.map((phase) => {
      const x = frame.xAt(phaseLineDays(progress, phase.date));
      const anchor = x > (frame.left + frame.right) / 2 ? 'end' : 'start';
      return (
        <text
          class="phase-label"
          x={fixed(anchor === 'end' ? x - 4 : x + 4)}
          y={frame.top - 8}
          text-anchor={anchor}
          fill={COLORS.phase}
          font-size="11"
          {...HALO}
        >
          {phase.label}
        </text>
      );
    })}
  </g>
);

const Legend: FC<{ frame: Frame; progress: GoalProgress; lang: GraphLang; height: number }> = ({
  frame,
  progress,
  lang,
  height,
}) => {
  const text = GRAPH_WORDS[lang];
  const items: Array<{ label: string; sample: (x: number, y: number) => unknown }> = [
    { label: text.data, sample: dataSample },
    { label: text.goalLine, sample: lineSample(COLORS.goal, '2', '8 5') },
  ];
  if (progress.trend) {
    items.push({ label: text.trend, sample: lineSample(COLORS.trend, '3') });
    items.push({ label: text.projection, sample: lineSample(COLORS.trend, '2', '2 4') });
  }
  if (progress.criterion) {
    items.push({ label: text.criterion, sample: lineSample(COLORS.criterion, '1.5', '10 4 2 4') });
  }
  if (progress.phaseChanges.length > 0) items.push({ label: text.phase, sample: phaseSample });

  return (
    <g class="legend" font-size="11">
      {legendPlaces(
        items.map((item) => item.label),
        frame,
        height,
      ).map(({ x, y }, index) => (
        <g>
          {items[index]!.sample(x, y - 4)}
          <text x={x + 30} y={y} fill={COLORS.axis}>
            {isolated(items[index]!.label, lang)}
          </text>
        </g>
      ))}
    </g>
  );
};

/**
 * Places legend entries left to right under the axis title, starting a second row when the
 * next entry would run past the right edge. In every language the entries run left to right,
 * like the rest of the drawing.
 */
function legendPlaces(labels: readonly string[], frame: Frame, height: number): XY[] {
  const rowWidth = frame.right - 16;
  const widths = labels.map((label) => 30 + labelWidth(label) + 20);
  const rows = widths.reduce((total, w) => total + w, 0) > rowWidth ? 2 : 1;
  const places: XY[] = [];
  let x = 16;
  let row = 0;
  for (const width of widths) {
    if (x + width > rowWidth + 16 && row < rows - 1) {
      row += 1;
      x = 16;
    }
    places.push({ x, y: height - 16 * (rows - row) + (rows === 2 ? 4 : 0) });
    x += width;
  }
  return places;
}

/**
 * A label's estimated width at 11 px: 6.3 px a character, 11 px for a Chinese character (they
 * are square). Errs on the wide side.
 *
 * Example: labelWidth("Goal line") = 9 × 6.3 = 56.7; labelWidth("目标线") = 3 × 11 = 33.
 */
function labelWidth(label: string): number {
  return [...label].reduce((sum, char) => sum + (/\p{Script=Han}/u.test(char) ? 11 : 6.3), 0);
}

function dataSample(x: number, y: number): unknown {
  return (
    <g>
      <line x1={x} x2={x + 24} y1={y} y2={y} stroke={COLORS.data} stroke-width="1.5" />
      <circle cx={x + 12} cy={y} r="4" fill={COLORS.data} />
    </g>
  );
}

function lineSample(color: string, widthPx: string, dash?: string) {
  return (x: number, y: number): unknown => (
    <line
      x1={x}
      x2={x + 24}
      y1={y}
      y2={y}
      stroke={color}
      stroke-width={widthPx}
      stroke-dasharray={dash}
    />
  );
}

function phaseSample(x: number, y: number): unknown {
  return (
    <line x1={x + 12} x2={x + 12} y1={y - 7} y2={y + 7} stroke={COLORS.phase} stroke-width="2" />
  );
}

/** The same data as the graph, one row per session or day without data. */
export const ProgressTable: FC<{ progress: GoalProgress; options?: GraphOptions }> = ({
  progress,
  options = {},
}) => {
  const lang = options.lang ?? 'en';
  const text = GRAPH_WORDS[lang];
  const weeks = (date: string): number => weeksBetween(progress.goal.baseline.date, date);
  return (
    <table class="progress-table">
      <caption>{`${graphTitle(progress, lang)}${labelMark(lang)}${text.tableCaption}`}</caption>
      <thead>
        <tr>
          <th scope="col">{text.dateAxis}</th>
          <th scope="col">{`${text.value}${text.paren(progress.goal.unitLabel)}`}</th>
          <th scope="col">{text.goalLine}</th>
          <th scope="col">{text.trend}</th>
          <th scope="col">{text.phaseColumn}</th>
        </tr>
      </thead>
      <tbody>
        {progress.sessions.map((session) => (
          <tr class={session.value.kind === 'gap' ? 'gap' : 'measured'}>
            <th scope="row">{longDate(session.date, lang)}</th>
            <td>
              {session.value.kind === 'measured'
                ? formatNumber(session.value.value, lang)
                : text.gaps[session.value.reason]}
            </td>
            <td>{formatNumber(valueAt(progress.goalLine, weeks(session.date)), lang)}</td>
            <td>{trendCell(progress, session.date, lang)}</td>
            <td>{phaseOf(progress, session.date, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

function trendCell(progress: GoalProgress, date: string, lang: GraphLang): string {
  const { trend, trendSpan } = progress;
  if (!trend || !trendSpan || date < trendSpan.from) return '—';
  return formatNumber(valueAt(trend, weeksBetween(progress.goal.baseline.date, date)), lang);
}

function phaseOf(progress: GoalProgress, date: string, lang: GraphLang): string {
  const phase = progress.phaseChanges.filter((p) => p.date <= date).at(-1);
  return phase ? phase.label : GRAPH_WORDS[lang].firstPhase;
}

/** The graph's title: the goal's area and what is measured. */
export function graphTitle(progress: GoalProgress, lang: GraphLang): string {
  const words = GRAPH_WORDS[lang];
  const unit = words.paren(progress.goal.unitLabel);
  return `${progress.goal.area}${labelMark(lang)}${words.titleTail}${unit}`;
}

/**
 * The graph in words, for its <desc>: baseline and goal, the data, the trend and projection,
 * the decision with its rule, and the criterion.
 */
export function graphDescription(progress: GoalProgress, lang: GraphLang): string {
  const words = GRAPH_WORDS[lang];
  const decision = `${decisionHeading(progress, lang)}${words.stop}`;
  return [
    goalSentence(progress, lang),
    dataSentence(progress, lang),
    trendSentence(progress, lang),
    phaseSentence(progress, lang),
    `${decision}${words.sentenceGap}${decisionWords(progress, lang).why}`,
    criterionSentence(progress, lang),
  ]
    .filter((part) => part !== '')
    .join(words.sentenceGap);
}

/** "Decision (4-point rule): Continue the intervention"; "决策（4点规则）：继续当前的干预方法". */
function decisionHeading(progress: GoalProgress, lang: GraphLang): string {
  const words = GRAPH_WORDS[lang];
  const { ruleName, label } = decisionWords(progress, lang);
  return `${words.decision}${words.paren(ruleName)}${labelMark(lang)}${label}`;
}

/**
 * The decision's rule name, label and reason in `lang`: the domain's own sentences in English
 * and Spanish, else written from the decision's parts (rule, points used, slopes, direction).
 */
export function decisionWords(
  progress: GoalProgress,
  lang: GraphLang,
): { readonly ruleName: string; readonly label: string; readonly why: string } {
  const { decision } = progress;
  if (lang === 'en' || lang === 'es') {
    return {
      ruleName: decision.ruleName[lang],
      label: decision.label[lang],
      why: decision.why[lang],
    };
  }

  const words = DECISION_WORDS[lang];
  return {
    ruleName: words.ruleName(decision.rule),
    label: words.labels[decision.value],
    why: decisionReason(progress, words, lang),
  };
}

function decisionReason(progress: GoalProgress, words: DecisionWords, lang: GraphLang): string {
  const { value, rule, pointsUsed } = progress.decision;
  const needed = rule.kind === 'consecutive' ? rule.points : rule.minPoints;
  if (value === 'insufficient_data') return words.tooFewReason(pointsUsed, needed);

  if (rule.kind === 'trend') {
    const slope = (line: WeeklyLine | null): string => signed(line?.slopePerWeek ?? 0, lang);
    return words.trendReason(value, slope(progress.trend), slope(progress.goalLine));
  }
  const goodIsAbove = progress.goal.direction === 'increase';
  return words.pointsReason(value, needed, (value === 'raise_goal') === goodIsAbove);
}

function goalSentence(progress: GoalProgress, lang: GraphLang): string {
  const { baseline, target } = progress.goal;
  return GRAPH_WORDS[lang].goalSentence({
    from: formatNumber(baseline.value, lang),
    start: longDate(baseline.date, lang),
    to: formatNumber(target.value, lang),
    end: longDate(target.date, lang),
    slope: formatNumber(progress.goalLine.slopePerWeek, lang),
  });
}

function dataSentence(progress: GoalProgress, lang: GraphLang): string {
  const words = GRAPH_WORDS[lang];
  const points = progress.points;
  if (points.length === 0) return words.noData;

  const gapCount = progress.sessions.filter((s) => s.value.kind === 'gap').length;
  const last = points.at(-1)!;
  return words.dataSentence({
    count: formatNumber(points.length, lang),
    first: longDate(points[0]!.date, lang),
    last: longDate(last.date, lang),
    latest: formatNumber(last.value, lang),
    zeros: formatNumber(points.filter((p) => p.value === 0).length, lang),
    gaps: formatNumber(gapCount, lang),
    gapCount,
  });
}

function trendSentence(progress: GoalProgress, lang: GraphLang): string {
  const words = GRAPH_WORDS[lang];
  if (!progress.trend || progress.projectedAtGoalDate === null) return words.noTrend;

  const slope = formatNumber(progress.trend.slopePerWeek, lang);
  return words.trendSentence(slope, formatNumber(progress.projectedAtGoalDate, lang));
}

function phaseSentence(progress: GoalProgress, lang: GraphLang): string {
  if (progress.phaseChanges.length === 0) return '';
  const words = GRAPH_WORDS[lang];
  const list = progress.phaseChanges
    .map((p) => `${longDate(p.date, lang)}${words.paren(p.label)}`)
    .join(words.listSeparator);
  return words.phaseSentence(list);
}

/**
 * The criterion and whether it is met. Its sentence and shortfall are written by the domain in
 * English and Spanish only; in the other languages they are shown in English and marked so.
 */
function criterionSentence(progress: GoalProgress, lang: GraphLang): string {
  const criterion = progress.criterion;
  if (!criterion) return '';

  const words = GRAPH_WORDS[lang];
  const colon = labelMark(lang);
  const head = `${words.criterion}${colon}${domainSentence(criterion.sentence, lang)}`;
  const status = criterion.met
    ? words.metOn(longDate(criterion.metOn!, lang))
    : `${words.notMet}${colon}${criterion.shortfall ? domainSentence(criterion.shortfall, lang) : ''}`;
  return `${head}${words.semicolon}${status}${words.stop}`;
}

/** A domain sentence in `lang`, or in English marked "(in English)" in that language. */
function domainSentence(sentences: Sentences, lang: GraphLang): string {
  if (lang === 'en' || lang === 'es') return sentences[lang];
  return `${sentences.en}${GRAPH_WORDS[lang].paren(translator(lang)('family.untranslated'))}`;
}

/**
 * Drawn text of a right-to-left language wrapped in a right-to-left isolate (U+2067 … U+2069),
 * so it reads right to left inside the left-to-right drawing: "7 سبتمبر" keeps its day on the
 * right. Other languages' text is returned as it is.
 */
export function isolated(text: string, lang: GraphLang): string {
  return directionOf(lang) === 'rtl' ? `\u2067${text}\u2069` : text;
}

function shortDate(date: string, lang: GraphLang): string {
  return new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

function longDate(date: string, lang: GraphLang): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

function formatNumber(value: number, lang: GraphLang): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1, useGrouping: false }).format(
    value,
  );
}

/** A slope with its sign, as the domain writes it in reasons: "+1.25", "-0.5", "0". */
function signed(value: number, lang: GraphLang): string {
  return new Intl.NumberFormat(lang, {
    maximumFractionDigits: 2,
    signDisplay: 'exceptZero',
  }).format(value);
}

function fixed(value: number): string {
  return value.toFixed(1);
}

function diamond(x: number, y: number, r: number): string {
  const corners: ReadonlyArray<readonly [number, number]> = [
    [x, y - r],
    [x + r, y],
    [x, y + r],
    [x - r, y],
  ];
  return `M${corners.map(([cx, cy]) => `${fixed(cx)} ${fixed(cy)}`).join(' L')} Z`;
}
