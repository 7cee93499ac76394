import { describe, expect, it } from 'vitest';
import type { SessionValue } from '../../../src/domain/progress/data-collection.js';
import { analyzeProgress } from '../../../src/domain/progress/progress.js';
import {
  dataRuns,
  phaseLineDays,
  xTicks,
  yAxis,
  yTicks,
} from '../../../src/reports/charts/progress-graph.layout.js';
import {
  decisionWords,
  graphDescription,
  isolated,
  renderProgressGraph,
  renderProgressTable,
  type GraphLang,
} from '../../../src/reports/charts/progress-graph.js';
import {
  decisionView,
  type GoalProgress,
} from '../../../src/services/progress-monitoring.service.js';

/** Call-outs per lesson, a decreasing goal: 6 on 09-07 to 0 by 2026-11-30 (12 weeks). */
function callOutProgress(phaseChanges: GoalProgress['phaseChanges'] = []): GoalProgress {
  const sessions: GoalProgress['sessions'] = [
    session('2026-09-14', { kind: 'measured', value: 5 }),
    session('2026-09-21', { kind: 'measured', value: 0 }),
    session('2026-09-28', { kind: 'gap', reason: 'no_data' }),
    session('2026-10-05', { kind: 'measured', value: 4 }),
    session('2026-10-12', { kind: 'measured', value: 3 }),
    session('2026-10-19', { kind: 'measured', value: 2 }),
  ];
  const points = sessions.flatMap((s) =>
    s.value.kind === 'measured' ? [{ date: s.date, value: s.value.value }] : [],
  );
  const goal = {
    id: 'goal-1',
    iepId: 'iep-1',
    area: 'Behavior',
    statement: 'Kai will call out no more than once per lesson.',
    baseline: { date: '2026-09-07', value: 6, method: 'observation' },
    target: { date: '2026-11-30', value: 0 },
    measurement: 'count',
    collectionType: 'count' as const,
    collectionConfig: {},
    direction: 'decrease' as const,
    criterion: { measure: 'count' as const, atMost: 1, sessions: { consecutive: 3 } },
    schedule: { weekdays: [1] },
    trendMethod: 'ols' as const,
    decisionRule: { kind: 'consecutive' as const, points: 4 },
    unitLabel: 'call-outs per lesson',
    version: 1,
    ended: false,
  };
  const analysis = analyzeProgress({
    baseline: goal.baseline,
    goal: goal.target,
    points,
    trend: 'ols',
    decisionRule: goal.decisionRule,
    direction: 'decrease',
    phaseChanges: phaseChanges.map((p) => p.date),
  });
  return {
    goal,
    asOf: '2026-10-19',
    sessions,
    points,
    phaseChanges,
    goalLine: analysis.goalLine,
    trend: analysis.trend,
    trendSpan: analysis.trend ? { from: '2026-09-14', to: '2026-10-19' } : null,
    projectedAtGoalDate: analysis.projectedAtGoalDate,
    decision: decisionView(
      goal,
      analysis.decision,
      analysis.pointsUsed,
      analysis.trend,
      analysis.goalLine,
    ),
    criterion: {
      definition: goal.criterion,
      comparison: 'atMost',
      threshold: 1,
      met: false,
      metOn: null,
      sentence: {
        en: 'at most 1 occurrence in 3 consecutive sessions',
        es: 'como máximo 1 ocurrencia en 3 sesiones consecutivas',
      },
      shortfall: {
        en: '0 of 3 consecutive sessions so far',
        es: '0 de 3 sesiones consecutivas hasta ahora',
      },
    },
  };
}

function session(date: string, value: SessionValue): GoalProgress['sessions'][number] {
  return { date, sessionId: value.kind === 'gap' ? null : `s-${date}`, value };
}

/** The call-out graph with every value divided by 10, so the y ticks are tenths. */
function tenthsProgress(): GoalProgress {
  const progress = callOutProgress();
  const tenth = (value: SessionValue): SessionValue =>
    value.kind === 'measured' ? { ...value, value: value.value / 10 } : value;
  return {
    ...progress,
    goal: { ...progress.goal, baseline: { ...progress.goal.baseline, value: 0.6 } },
    sessions: progress.sessions.map((s) => ({ ...s, value: tenth(s.value) })),
    points: progress.points.map((p) => ({ ...p, value: p.value / 10 })),
    goalLine: { slopePerWeek: -0.05, valueAtBaseline: 0.6 },
    trend: null,
    trendSpan: null,
    projectedAtGoalDate: null,
    criterion: null,
  };
}

const ZERO_POINT =
  /<circle class="data-point" data-date="2026-09-21" data-value="0" cx="[\d.]+" cy="([\d.]+)"/;

describe('progress graph', () => {
  it('is an image with a title and a description screen readers can reach', () => {
    const svg = renderProgressGraph(callOutProgress());
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="goal-goal-1-title goal-goal-1-desc"');
    expect(svg).toContain(
      '<title id="goal-goal-1-title">' +
        'Behavior: progress toward the goal (call-outs per lesson)</title>',
    );
    expect(svg).toContain('<desc id="goal-goal-1-desc">Baseline 6 on Sep 7, 2026;');
  });

  it('describes the data in words, counting the zero and the day without data', () => {
    expect(graphDescription(callOutProgress(), 'en')).toContain(
      '5 data points from Sep 14, 2026 to Oct 19, 2026, the latest 2; ' +
        '1 at zero; 1 session without data.',
    );
    expect(graphDescription(callOutProgress(), 'es')).toContain('1 en cero; 1 sesión sin datos.');
  });

  it('draws a point for a measured 0, lifted clear of the axis line', () => {
    const svg = renderProgressGraph(callOutProgress());
    const zero = ZERO_POINT.exec(svg);
    expect(zero).not.toBeNull();
    // Page size: height 400, bottom margin 82, so the axis is at y 318 and 0 sits 8 above it.
    expect(zero![1]).toBe('310.0');
    expect(svg.match(/class="data-point"/g)).toHaveLength(5);
  });

  it('splits the data line at a day without data', () => {
    const svg = renderProgressGraph(callOutProgress());
    const lines = [...svg.matchAll(/<polyline class="data-line" points="([^"]+)"/g)];
    expect(lines.map((line) => line[1]!.split(' ').length)).toEqual([2, 3]);
    expect(dataRuns(callOutProgress()).map((run) => run.map((p) => p.date))).toEqual([
      ['2026-09-14', '2026-09-21'],
      ['2026-10-05', '2026-10-12', '2026-10-19'],
    ]);
  });

  it('draws the goal line dashed, the trend solid and the criterion dash-dot', () => {
    const svg = renderProgressGraph(callOutProgress());
    expect(svg).toMatch(/<g class="goal-line"><line [^>]*stroke-dasharray="8 5"/);
    expect(svg).toMatch(/<line class="trend-line" [^>]*stroke-width="3"/);
    expect(svg).not.toMatch(/<line class="trend-line" [^>]*stroke-dasharray/);
    expect(svg).toMatch(/<line class="criterion-line" [^>]*stroke-dasharray="10 4 2 4"/);
    expect(svg).toContain('Criterion ≤ 1');
  });

  it('draws a labelled phase-change line between the phases and breaks the data line there', () => {
    const progress = callOutProgress([{ date: '2026-10-12', label: 'Token board added' }]);
    const svg = renderProgressGraph(progress);
    expect(svg).toContain('class="phase-line"');
    expect(svg).toContain('Token board added</text>');
    expect(phaseLineDays(progress, '2026-10-12')).toBe(31.5);
    expect(dataRuns(progress).map((run) => run.length)).toEqual([2, 1, 2]);
  });

  it('labels the decision with its rule, in Spanish too', () => {
    const svg = renderProgressGraph(callOutProgress(), { lang: 'es', size: 'pdf' });
    expect(svg).toContain('viewBox="0 0 640 360"');
    expect(svg).toMatch(/Decisión \(regla de los 4 puntos\): /);
  });

  it('has a table row for every session, the gap written as no data', () => {
    const table = renderProgressTable(callOutProgress());
    expect(table.match(/<tr class="(measured|gap)">/g)).toHaveLength(6);
    expect(table).toContain('<th scope="row">Sep 21, 2026</th><td>0</td>');
    expect(table).toContain('<tr class="gap"><th scope="row">Sep 28, 2026</th><td>No data</td>');
    expect(table).toContain(
      '<caption>Behavior: progress toward the goal (call-outs per lesson): data table</caption>',
    );
  });

  it('escapes stored text', () => {
    const progress = callOutProgress([{ date: '2026-10-12', label: '<script>x</script>' }]);
    expect(renderProgressGraph(progress)).not.toContain('<script>');
    expect(renderProgressTable(progress)).toContain('&lt;script&gt;');
  });
});

describe('progress graph in every report language', () => {
  const legends: ReadonlyArray<readonly [GraphLang, readonly string[], string, string]> = [
    ['en', ['Data', 'Goal line', 'Trend', 'Projection', 'Criterion'], 'Sep 21', 'Date'],
    ['es', ['Datos', 'Línea de meta', 'Tendencia', 'Proyección', 'Criterio'], '21 sept', 'Fecha'],
    ['vi', ['Dữ liệu', 'Đường mục tiêu', 'Xu hướng', 'Dự báo', 'Tiêu chí'], '21 thg 9', 'Ngày'],
    ['zh', ['数据', '目标线', '趋势', '预测', '标准'], '9月21日', '日期'],
    ['ar', ['البيانات', 'خط الهدف', 'الاتجاه', 'التوقع', 'المعيار'], '21 سبتمبر', 'التاريخ'],
  ];

  it.each(legends)('writes the %s legend, axis title and tick dates', (lang, words, tick, axis) => {
    const svg = renderProgressGraph(callOutProgress(), { lang });
    const legend = /<g class="legend"[^>]*>([\s\S]*?)<\/g><\/svg>/.exec(svg)![1]!;
    const labels = [...legend.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

    expect(labels).toEqual(words.map((word) => isolated(word, lang)));
    expect(svg).toContain(`>${isolated(tick, lang)}</text>`);
    expect(svg).toContain(`>${isolated(axis, lang)}</text>`);
    expect(svg).toContain(`lang="${lang === 'zh' ? 'zh-Hans' : lang}" direction="ltr"`);
  });

  it('writes the title, decision and table headers in Vietnamese, Chinese and Arabic', () => {
    const progress = callOutProgress();
    const vi = renderProgressGraph(progress, { lang: 'vi' });
    const zh = renderProgressGraph(progress, { lang: 'zh' });
    const ar = renderProgressGraph(progress, { lang: 'ar' });

    expect(vi).toContain('Behavior: tiến bộ hướng tới mục tiêu (call-outs per lesson)</title>');
    expect(zh).toContain('Behavior：达成目标的进展（call-outs per lesson）</title>');
    expect(ar).toContain('Behavior: التقدم نحو الهدف (call-outs per lesson)</title>');
    expect(vi).toMatch(/Quyết định \(quy tắc 4 điểm\): /);
    expect(zh).toMatch(/决策（4点规则）：/);
    expect(ar).toContain('>\u2067القرار (قاعدة 4 نقاط متتالية): مواصلة التدخل\u2069</text>');
    expect(renderProgressTable(progress, { lang: 'zh' })).toContain(
      '<th scope="col">日期</th><th scope="col">数值（call-outs per lesson）</th>' +
        '<th scope="col">目标线</th><th scope="col">趋势</th><th scope="col">阶段</th>',
    );
    expect(renderProgressTable(progress, { lang: 'ar' })).toContain(
      '<tr class="gap"><th scope="row">28‏/09‏/2026</th><td>لا توجد بيانات</td>',
    );
  });

  it('formats y-axis ticks in the language: a decimal comma in Spanish and Vietnamese', () => {
    const progress = tenthsProgress();
    const ticks = (lang: GraphLang): string[] => {
      const axis = /<g class="y-axis">([\s\S]*?)<\/g><line/.exec(
        renderProgressGraph(progress, { lang }),
      )![1]!;
      return [...axis.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    };
    const expected = (lang: GraphLang): string[] =>
      [0, 0.2, 0.4, 0.6, 0.8].map((n) => new Intl.NumberFormat(lang).format(n));

    expect(ticks('en')).toEqual(['0', '0.2', '0.4', '0.6', '0.8']);
    expect(ticks('es')).toEqual(['0', '0,2', '0,4', '0,6', '0,8']);
    expect(ticks('vi')).toEqual(['0', '0,2', '0,4', '0,6', '0,8']);
    for (const lang of ['zh', 'ar'] as const) expect(ticks(lang)).toEqual(expected(lang));
  });

  it('describes the graph with no English left but the marked criterion sentence', () => {
    const zh = graphDescription(callOutProgress(), 'zh');
    const ar = graphDescription(callOutProgress(), 'ar');

    expect(zh).toContain(
      '从2026年9月14日到2026年10月19日共有5个数据点，最近一次为2；1个为零；1次课没有数据。',
    );
    expect(zh).toContain(
      '标准：at most 1 occurrence in 3 consecutive sessions（英文）；尚未达到：',
    );
    expect(ar).toContain('آخر 4 نقاط ليست كلها على جانب واحد من خط الهدف.');
    expect(ar).toContain('at most 1 occurrence in 3 consecutive sessions (بالإنجليزية)');
    expect(ar.replace(/[\w ]+\(بالإنجليزية\)/g, '')).not.toMatch(/[a-z]/i);
    expect(zh.replace(/[\w ]+（英文）/g, '')).not.toMatch(/[a-z]/i);
  });

  it('writes the decision reason for the trend rule from its slopes', () => {
    const base = callOutProgress();
    const progress: GoalProgress = {
      ...base,
      decision: {
        ...base.decision,
        value: 'change_intervention',
        rule: { kind: 'trend', minPoints: 8 },
      },
    };
    expect(decisionWords(progress, 'zh').why).toMatch(
      /^趋势（每周[-+]\d+(\.\d+)?）比目标线（每周-0\.5）更平缓。$/,
    );
    expect(decisionWords(progress, 'ar').ruleName).toBe('قاعدة الاتجاه (8 نقاط على الأقل)');
  });
});

describe('progress graph axes', () => {
  it('rounds the y axis up to a multiple of a round step', () => {
    expect(yAxis([20, 43.75])).toEqual({ max: 50, step: 10 });
    expect(yAxis([540])).toEqual({ max: 600, step: 200 });
    expect(yAxis([0])).toEqual({ max: 1, step: 0.25 });
    expect(yTicks(50, 10)).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it('ticks weekly over eight weeks and monthly over a school year', () => {
    expect(xTicks('2026-09-07', '2026-11-02')).toHaveLength(9);
    expect(xTicks('2026-09-07', '2027-06-07')).toEqual([
      '2026-10-01',
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
      '2027-02-01',
      '2027-03-01',
      '2027-04-01',
      '2027-05-01',
      '2027-06-01',
    ]);
  });
});
