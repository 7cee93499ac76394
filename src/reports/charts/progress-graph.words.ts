/**
 * The progress graph's fixed words in every report language: legend, axis titles, table
 * headers and the sentences of its description. English and Spanish decision names and reasons
 * come from the domain (DecisionView); the other languages write them here from the decision's
 * parts, so no sentence is left in English. Numbers and dates arrive already formatted for the
 * language; these functions only place them.
 */
import type { Decision, DecisionRule } from '../../domain/progress/decision-rules.js';
import type { GapReason } from '../../domain/progress/data-collection.js';
import type { ReportLang } from '../i18n/index.js';

/** The languages graph text is written in: every report language. */
export type GraphLang = ReportLang;

/** The facts of the baseline-and-goal sentence, formatted for the language. */
export interface GoalFacts {
  readonly from: string;
  readonly start: string;
  readonly to: string;
  readonly end: string;
  readonly slope: string;
}

/** The facts of the data sentence; `gapCount` chooses the plural. */
export interface DataFacts {
  readonly count: string;
  readonly first: string;
  readonly last: string;
  readonly latest: string;
  readonly zeros: string;
  readonly gaps: string;
  readonly gapCount: number;
}

/** One language's words for the graph and its table. */
export interface GraphWords {
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
  /** Text in parentheses, with the space or full-width marks the language uses. */
  readonly paren: (text: string) => string;
  readonly semicolon: string;
  readonly stop: string;
  /** What goes between two sentences: a space, or nothing in Chinese. */
  readonly sentenceGap: string;
  readonly listSeparator: string;
  readonly goalSentence: (facts: GoalFacts) => string;
  readonly noData: string;
  readonly dataSentence: (facts: DataFacts) => string;
  readonly noTrend: string;
  readonly trendSentence: (slope: string, projected: string) => string;
  readonly phaseSentence: (list: string) => string;
  readonly metOn: (date: string) => string;
  readonly notMet: string;
}

/** The decision's words for a language whose DecisionView has none. */
export interface DecisionWords {
  readonly labels: Readonly<Record<Decision, string>>;
  readonly ruleName: (rule: DecisionRule) => string;
  /** Why, for a rule of consecutive points: how many are needed and which side they are on. */
  readonly pointsReason: (decision: Decision, needed: number, above: boolean) => string;
  readonly tooFewReason: (used: number, needed: number) => string;
  /** Why, for the trend rule, with both slopes already formatted (signed). */
  readonly trendReason: (decision: Decision, trend: string, goal: string) => string;
}

const latinPunctuation = {
  paren: (text: string) => ` (${text})`,
  semicolon: '; ',
  stop: '.',
  sentenceGap: ' ',
  listSeparator: ', ',
} as const;

const en: GraphWords = {
  ...latinPunctuation,
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
  goalSentence: (f) =>
    `Baseline ${f.from} on ${f.start}; goal ${f.to} by ${f.end} ` +
    `(the goal line changes by ${f.slope} per week).`,
  noData: 'No data yet.',
  dataSentence: (f) =>
    `${f.count} data points from ${f.first} to ${f.last}, the latest ${f.latest}; ` +
    `${f.zeros} at zero; ${f.gaps} ${f.gapCount === 1 ? 'session' : 'sessions'} without data.`,
  noTrend: 'Not enough points for a trend line yet.',
  trendSentence: (slope, projected) =>
    `Trend: ${slope} per week, projected to reach ${projected} by the goal date.`,
  phaseSentence: (list) =>
    `Intervention changed on ${list}; the trend uses the points from the latest change.`,
  metOn: (date) => `met on ${date}`,
  notMet: 'not met yet',
};

const es: GraphWords = {
  ...latinPunctuation,
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
  goalSentence: (f) =>
    `Línea base ${f.from} el ${f.start}; meta ${f.to} para el ${f.end} ` +
    `(la línea de meta cambia ${f.slope} por semana).`,
  noData: 'Todavía no hay datos.',
  dataSentence: (f) =>
    `${f.count} datos del ${f.first} al ${f.last}, el último ${f.latest}; ` +
    `${f.zeros} en cero; ${f.gaps} ${f.gapCount === 1 ? 'sesión' : 'sesiones'} sin datos.`,
  noTrend: 'Todavía no hay suficientes puntos para una línea de tendencia.',
  trendSentence: (slope, projected) =>
    `Tendencia: ${slope} por semana; proyección de ${projected} para la fecha de la meta.`,
  phaseSentence: (list) =>
    `Cambio de intervención el ${list}; la tendencia usa los puntos desde el último cambio.`,
  metOn: (date) => `cumplido el ${date}`,
  notMet: 'todavía no se cumple',
};

const vi: GraphWords = {
  ...latinPunctuation,
  decision: 'Quyết định',
  dateAxis: 'Ngày',
  data: 'Dữ liệu',
  goalLine: 'Đường mục tiêu',
  trend: 'Xu hướng',
  projection: 'Dự báo',
  criterion: 'Tiêu chí',
  phase: 'Thay đổi giai đoạn',
  phaseColumn: 'Giai đoạn',
  firstPhase: 'Giai đoạn đầu',
  value: 'Giá trị',
  tableCaption: 'bảng dữ liệu',
  titleTail: 'tiến bộ hướng tới mục tiêu',
  gaps: {
    no_data: 'Không có dữ liệu',
    no_trials: 'Không có dữ liệu (không có lượt thử)',
    no_observation_time: 'Không có dữ liệu (không quan sát)',
    no_intervals_observed: 'Không có dữ liệu (không quan sát được khoảng nào)',
    no_probes: 'Không có dữ liệu (không có bài kiểm tra ngắn)',
  },
  goalSentence: (f) =>
    `Mức ban đầu ${f.from} vào ${f.start}; mục tiêu ${f.to} trước ${f.end} ` +
    `(đường mục tiêu thay đổi ${f.slope} mỗi tuần).`,
  noData: 'Chưa có dữ liệu.',
  dataSentence: (f) =>
    `${f.count} điểm dữ liệu từ ${f.first} đến ${f.last}, gần nhất là ${f.latest}; ` +
    `${f.zeros} điểm bằng 0; ${f.gaps} buổi không có dữ liệu.`,
  noTrend: 'Chưa đủ điểm để vẽ đường xu hướng.',
  trendSentence: (slope, projected) =>
    `Xu hướng: ${slope} mỗi tuần, dự kiến đạt ${projected} vào ngày mục tiêu.`,
  phaseSentence: (list) =>
    `Biện pháp can thiệp thay đổi vào ${list}; đường xu hướng dùng các điểm từ lần thay đổi ` +
    'gần nhất.',
  metOn: (date) => `đã đạt vào ${date}`,
  notMet: 'chưa đạt',
};

const zh: GraphWords = {
  decision: '决策',
  dateAxis: '日期',
  data: '数据',
  goalLine: '目标线',
  trend: '趋势',
  projection: '预测',
  criterion: '标准',
  phase: '阶段变化',
  phaseColumn: '阶段',
  firstPhase: '第一阶段',
  value: '数值',
  tableCaption: '数据表',
  titleTail: '达成目标的进展',
  gaps: {
    no_data: '无数据',
    no_trials: '无数据（没有尝试）',
    no_observation_time: '无数据（没有观察）',
    no_intervals_observed: '无数据（没有观察到任何时段）',
    no_probes: '无数据（没有测查）',
  },
  paren: (text) => `（${text}）`,
  semicolon: '；',
  stop: '。',
  sentenceGap: '',
  listSeparator: '、',
  goalSentence: (f) =>
    `基线：${f.start}为${f.from}；目标：${f.end}前达到${f.to}（目标线每周变化${f.slope}）。`,
  noData: '还没有数据。',
  dataSentence: (f) =>
    `从${f.first}到${f.last}共有${f.count}个数据点，最近一次为${f.latest}；` +
    `${f.zeros}个为零；${f.gaps}次课没有数据。`,
  noTrend: '数据点还不够，暂时无法画出趋势线。',
  trendSentence: (slope, projected) => `趋势：每周${slope}，预计到目标日期达到${projected}。`,
  phaseSentence: (list) => `干预方法于${list}改变；趋势线使用最近一次改变以来的数据点。`,
  metOn: (date) => `已于${date}达到`,
  notMet: '尚未达到',
};

const ar: GraphWords = {
  decision: 'القرار',
  dateAxis: 'التاريخ',
  data: 'البيانات',
  goalLine: 'خط الهدف',
  trend: 'الاتجاه',
  projection: 'التوقع',
  criterion: 'المعيار',
  phase: 'تغيير المرحلة',
  phaseColumn: 'المرحلة',
  firstPhase: 'المرحلة الأولى',
  value: 'القيمة',
  tableCaption: 'جدول البيانات',
  titleTail: 'التقدم نحو الهدف',
  gaps: {
    no_data: 'لا توجد بيانات',
    no_trials: 'لا توجد بيانات (لا توجد محاولات)',
    no_observation_time: 'لا توجد بيانات (لم تتم الملاحظة)',
    no_intervals_observed: 'لا توجد بيانات (لم تُلاحظ أي فترة)',
    no_probes: 'لا توجد بيانات (لا توجد اختبارات قصيرة)',
  },
  paren: (text) => ` (${text})`,
  semicolon: '؛ ',
  stop: '.',
  sentenceGap: ' ',
  listSeparator: '، ',
  goalSentence: (f) =>
    `خط الأساس ${f.from} في ${f.start}؛ الهدف ${f.to} بحلول ${f.end} ` +
    `(يتغير خط الهدف بمقدار ${f.slope} كل أسبوع).`,
  noData: 'لا توجد بيانات بعد.',
  dataSentence: (f) =>
    `عدد نقاط البيانات ${f.count}، من ${f.first} إلى ${f.last}، وآخرها ${f.latest}؛ ` +
    `عدد النقاط عند الصفر ${f.zeros}؛ عدد الجلسات بلا بيانات ${f.gaps}.`,
  noTrend: 'لا توجد نقاط كافية لخط الاتجاه بعد.',
  trendSentence: (slope, projected) =>
    `الاتجاه: ${slope} كل أسبوع، ومن المتوقع أن يصل إلى ${projected} بحلول تاريخ الهدف.`,
  phaseSentence: (list) => `تغيّر التدخل في ${list}؛ يستخدم خط الاتجاه النقاط منذ آخر تغيير.`,
  metOn: (date) => `تحقق في ${date}`,
  notMet: 'لم يتحقق بعد',
};

/** The graph's words in each report language. */
export const GRAPH_WORDS: Readonly<Record<GraphLang, GraphWords>> = { en, es, vi, zh, ar };

/**
 * Arabic points counted with the noun in the form the number takes.
 * Example: arabicPoints(4) is "4 نقاط"; arabicPoints(1) is "نقطة واحدة"; arabicPoints(12) is
 * "12 نقطة".
 */
export function arabicPoints(count: number): string {
  switch (new Intl.PluralRules('ar').select(count)) {
    case 'zero':
      return 'لا نقاط';
    case 'one':
      return 'نقطة واحدة';
    case 'two':
      return 'نقطتان';
    case 'few':
      return `${count} نقاط`;
    case 'many':
    case 'other':
      return `${count} نقطة`;
  }
}

const viDecisions: DecisionWords = {
  labels: {
    continue: 'Tiếp tục biện pháp can thiệp',
    change_intervention: 'Thay đổi biện pháp can thiệp',
    raise_goal: 'Nâng mục tiêu',
    insufficient_data: 'Chưa đủ dữ liệu',
  },
  ruleName: (rule) =>
    rule.kind === 'consecutive'
      ? `quy tắc ${rule.points} điểm`
      : `quy tắc xu hướng (ít nhất ${rule.minPoints} điểm)`,
  pointsReason: (decision, needed, above) =>
    decision === 'continue'
      ? `${needed} điểm gần nhất không nằm cùng một phía của đường mục tiêu.`
      : `${needed} điểm gần nhất đều nằm ${above ? 'trên' : 'dưới'} đường mục tiêu.`,
  tooFewReason: (used, needed) => `${used} điểm trong giai đoạn này; quy tắc cần ${needed}.`,
  trendReason: (decision, trend, goal) => {
    const how: Readonly<Record<Decision, string>> = {
      raise_goal: 'dốc hơn',
      change_intervention: 'thoải hơn',
      continue: 'dốc bằng',
      insufficient_data: 'so với',
    };
    return `Xu hướng (${trend} mỗi tuần) ${how[decision]} đường mục tiêu (${goal} mỗi tuần).`;
  },
};

const zhDecisions: DecisionWords = {
  labels: {
    continue: '继续当前的干预方法',
    change_intervention: '改变干预方法',
    raise_goal: '提高目标',
    insufficient_data: '数据还不够',
  },
  ruleName: (rule) =>
    rule.kind === 'consecutive' ? `${rule.points}点规则` : `趋势规则（至少${rule.minPoints}个点）`,
  pointsReason: (decision, needed, above) =>
    decision === 'continue'
      ? `最近${needed}个点并不都在目标线的同一侧。`
      : `最近${needed}个点都在目标线${above ? '上方' : '下方'}。`,
  tooFewReason: (used, needed) => `本阶段有${used}个点；该规则需要${needed}个。`,
  trendReason: (decision, trend, goal) => {
    const how: Readonly<Record<Decision, string>> = {
      raise_goal: '更陡',
      change_intervention: '更平缓',
      continue: '一样陡',
      insufficient_data: '相比',
    };
    const compare = decision === 'continue' || decision === 'insufficient_data' ? '与' : '比';
    return `趋势（每周${trend}）${compare}目标线（每周${goal}）${how[decision]}。`;
  },
};

const arDecisions: DecisionWords = {
  labels: {
    continue: 'مواصلة التدخل',
    change_intervention: 'تغيير التدخل',
    raise_goal: 'رفع الهدف',
    insufficient_data: 'لا توجد بيانات كافية بعد',
  },
  ruleName: (rule) =>
    rule.kind === 'consecutive'
      ? `قاعدة ${arabicPoints(rule.points)} متتالية`
      : `قاعدة الاتجاه (${arabicPoints(rule.minPoints)} على الأقل)`,
  pointsReason: (decision, needed, above) =>
    decision === 'continue'
      ? `آخر ${arabicPoints(needed)} ليست كلها على جانب واحد من خط الهدف.`
      : `آخر ${arabicPoints(needed)} كلها ${above ? 'فوق' : 'تحت'} خط الهدف.`,
  tooFewReason: (used, needed) =>
    `${arabicPoints(used)} في هذه المرحلة؛ والقاعدة تحتاج إلى ${arabicPoints(needed)}.`,
  trendReason: (decision, trend, goal) => {
    const how: Readonly<Record<Decision, string>> = {
      raise_goal: 'أشد انحدارًا من',
      change_intervention: 'أقل انحدارًا من',
      continue: 'بنفس انحدار',
      insufficient_data: 'مقارنةً مع',
    };
    return `الاتجاه (${trend} كل أسبوع) ${how[decision]} خط الهدف (${goal} كل أسبوع).`;
  },
};

/** Decision words for the languages the domain does not write them in. */
export const DECISION_WORDS: Readonly<Record<Exclude<GraphLang, 'en' | 'es'>, DecisionWords>> = {
  vi: viDecisions,
  zh: zhDecisions,
  ar: arDecisions,
};
