/**
 * The progress graph of one IEP goal, as SVG, and the same data as an HTML table.
 *
 * Drawn for screen readers and for black-and-white print: role="img" with a <title> and a
 * <desc> that says what the graph shows in words; every line differs by shape as well as by
 * color (data: thin solid line with round dots; goal line: dashed; trend: thick solid;
 * projection: dotted; criterion: dash-dot; phase change: solid vertical line with a label).
 * A measured 0 is drawn as a dot (lifted clear of the axis line); a day without data breaks the
 * data line. Pure: the input is the goalProgress result, the output a string.
 */
import type { FC } from 'hono/jsx';
import type { Sentences } from '../../domain/criterion/criterion-sentence.js';
import { weeksBetween } from '../../domain/progress/dates.js';
import type { GapReason } from '../../domain/progress/data-collection.js';
import { valueAt } from '../../domain/progress/goal-line.js';
import type { GoalProgress } from '../../services/progress-monitoring.service.js';
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

/** The languages graph text is written in. */
export type GraphLang = keyof Sentences;

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
      aria-labelledby={`${id}-title ${id}-desc`}
      class="progress-graph"
      font-family="'Noto Sans', 'DejaVu Sans', sans-serif"
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
        {decisionHeading(progress, lang)}
      </text>
      <YAxis frame={frame} progress={progress} />
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

const YAxis: FC<{ frame: Frame; progress: GoalProgress }> = ({ frame, progress }) => (
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
          {formatNumber(value, 'en')}
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
          {shortDate(date, lang)}
        </text>
      </g>
    ))}
    <text
      x={(frame.left + frame.right) / 2}
      y={frame.bottom + 36}
      text-anchor="middle"
      fill={COLORS.axis}
    >
      {TEXT[lang].dateAxis}
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
      {`${TEXT[lang].criterion} ${bound} ${formatNumber(threshold, lang)}`}
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
  const text = TEXT[lang];
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
            {items[index]!.label}
          </text>
        </g>
      ))}
    </g>
  );
};

/**
 * Places legend entries left to right under the axis title, starting a second row when the
 * next entry would run past the right edge. Label widths are estimated at 6.3 px a character
 * (11 px Noto Sans), which errs on the wide side.
 */
function legendPlaces(labels: readonly string[], frame: Frame, height: number): XY[] {
  const rowWidth = frame.right - 16;
  const widths = labels.map((label) => 30 + label.length * 6.3 + 20);
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
  const text = TEXT[lang];
  const weeks = (date: string): number => weeksBetween(progress.goal.baseline.date, date);
  return (
    <table class="progress-table">
      <caption>{`${graphTitle(progress, lang)}: ${text.tableCaption}`}</caption>
      <thead>
        <tr>
          <th scope="col">{text.dateAxis}</th>
          <th scope="col">{`${text.value} (${progress.goal.unitLabel})`}</th>
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
  return phase ? phase.label : TEXT[lang].firstPhase;
}

/** The graph's title: the goal's area and what is measured. */
export function graphTitle(progress: GoalProgress, lang: GraphLang): string {
  return `${progress.goal.area}: ${TEXT[lang].titleTail} (${progress.goal.unitLabel})`;
}

/**
 * The graph in words, for its <desc>: baseline and goal, the data, the trend and projection,
 * the decision with its rule, and the criterion.
 */
export function graphDescription(progress: GoalProgress, lang: GraphLang): string {
  return [
    goalSentence(progress, lang),
    dataSentence(progress, lang),
    trendSentence(progress, lang),
    phaseSentence(progress, lang),
    `${decisionHeading(progress, lang)}. ${progress.decision.why[lang]}`,
    criterionSentence(progress, lang),
  ]
    .filter((part) => part !== '')
    .join(' ');
}

/** "Decision (4-point rule): Continue the intervention". */
function decisionHeading(progress: GoalProgress, lang: GraphLang): string {
  const { ruleName, label } = progress.decision;
  return `${TEXT[lang].decision} (${ruleName[lang]}): ${label[lang]}`;
}

function goalSentence(progress: GoalProgress, lang: GraphLang): string {
  const { baseline, target } = progress.goal;
  const from = formatNumber(baseline.value, lang);
  const to = formatNumber(target.value, lang);
  const slope = formatNumber(progress.goalLine.slopePerWeek, lang);
  const [start, end] = [longDate(baseline.date, lang), longDate(target.date, lang)];
  return lang === 'en'
    ? `Baseline ${from} on ${start}; goal ${to} by ${end} ` +
        `(the goal line changes by ${slope} per week).`
    : `Línea base ${from} el ${start}; meta ${to} para el ${end} ` +
        `(la línea de meta cambia ${slope} por semana).`;
}

function dataSentence(progress: GoalProgress, lang: GraphLang): string {
  const points = progress.points;
  if (points.length === 0) return lang === 'en' ? 'No data yet.' : 'Todavía no hay datos.';

  const gaps = progress.sessions.filter((s) => s.value.kind === 'gap').length;
  const zeros = points.filter((p) => p.value === 0).length;
  const first = longDate(points[0]!.date, lang);
  const last = points.at(-1)!;
  const [lastDate, latest] = [longDate(last.date, lang), formatNumber(last.value, lang)];
  return lang === 'en'
    ? `${points.length} data points from ${first} to ${lastDate}, the latest ${latest}; ` +
        `${zeros} at zero; ${gaps} ${gaps === 1 ? 'session' : 'sessions'} without data.`
    : `${points.length} datos del ${first} al ${lastDate}, el último ${latest}; ` +
        `${zeros} en cero; ${gaps} ${gaps === 1 ? 'sesión' : 'sesiones'} sin datos.`;
}

function trendSentence(progress: GoalProgress, lang: GraphLang): string {
  if (!progress.trend || progress.projectedAtGoalDate === null) {
    return lang === 'en'
      ? 'Not enough points for a trend line yet.'
      : 'Todavía no hay suficientes puntos para una línea de tendencia.';
  }
  const slope = formatNumber(progress.trend.slopePerWeek, lang);
  const projected = formatNumber(progress.projectedAtGoalDate, lang);
  return lang === 'en'
    ? `Trend: ${slope} per week, projected to reach ${projected} by the goal date.`
    : `Tendencia: ${slope} por semana; proyección de ${projected} para la fecha de la meta.`;
}

function phaseSentence(progress: GoalProgress, lang: GraphLang): string {
  if (progress.phaseChanges.length === 0) return '';
  const list = progress.phaseChanges
    .map((p) => `${longDate(p.date, lang)} (${p.label})`)
    .join(', ');
  return lang === 'en'
    ? `Intervention changed on ${list}; the trend uses the points from the latest change.`
    : `Cambio de intervención el ${list}; la tendencia usa los puntos desde el último cambio.`;
}

function criterionSentence(progress: GoalProgress, lang: GraphLang): string {
  const criterion = progress.criterion;
  if (!criterion) return '';
  const head = `${TEXT[lang].criterion}: ${criterion.sentence[lang]}`;
  if (criterion.met) {
    const on = longDate(criterion.metOn!, lang);
    return lang === 'en' ? `${head}; met on ${on}.` : `${head}; cumplido el ${on}.`;
  }
  const notMet = lang === 'en' ? 'not met yet' : 'todavía no se cumple';
  return `${head}; ${notMet}: ${criterion.shortfall?.[lang] ?? ''}.`;
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

const TEXT: Readonly<
  Record<
    GraphLang,
    {
      readonly decision: string;
      readonly dateAxis: string;
      readonly data: string;
      readonly goalLine: string;
      readonly trend: string;
      readonly projection: string;
      readonly criterion: string;
      readonly phase: string;
      readonly phaseColumn: string;
      readonly firstPhase: string;
      readonly value: string;
      readonly tableCaption: string;
      readonly titleTail: string;
      readonly gaps: Readonly<Record<GapReason, string>>;
    }
  >
> = {
  en: {
    decision: 'Decision',
    dateAxis: 'Date',
    data: 'Data',
    goalLine: 'Goal line',
    trend: 'Trend',
    projection: 'Projection',
    criterion: 'Criterion',
    phase: 'Phase change',
    phaseColumn: 'Phase',
    firstPhase: 'First phase',
    value: 'Value',
    tableCaption: 'data table',
    titleTail: 'progress toward the goal',
    gaps: {
      no_data: 'No data',
      no_trials: 'No data (no trials)',
      no_observation_time: 'No data (not observed)',
      no_intervals_observed: 'No data (no intervals observed)',
      no_probes: 'No data (no probes)',
    },
  },
  es: {
    decision: 'Decisión',
    dateAxis: 'Fecha',
    data: 'Datos',
    goalLine: 'Línea de meta',
    trend: 'Tendencia',
    projection: 'Proyección',
    criterion: 'Criterio',
    phase: 'Cambio de fase',
    phaseColumn: 'Fase',
    firstPhase: 'Primera fase',
    value: 'Valor',
    tableCaption: 'tabla de datos',
    titleTail: 'progreso hacia la meta',
    gaps: {
      no_data: 'Sin datos',
      no_trials: 'Sin datos (sin ensayos)',
      no_observation_time: 'Sin datos (sin observación)',
      no_intervals_observed: 'Sin datos (sin intervalos observados)',
      no_probes: 'Sin datos (sin pruebas)',
    },
  },
};
