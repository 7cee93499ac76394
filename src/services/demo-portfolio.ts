/**
 * The demo portfolio: a few pictures of invented student work, drawn in code as small PNGs,
 * with dates, settings, links to standards and the students' reflections. The student account
 * (Kofi) has chosen two pieces in order and shared one with his family; the demo guardian's
 * child (Mateo) has shared one of two. Also a few of Kofi's own goals, one self-assessment, and
 * one of Mateo's IEP goals in his own words.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { portfolioSettings, storeFile, type PortfolioSettings } from './portfolio-files.js';
import { encodePng, type Rgb } from './tiny-png.js';
import {
  insertArtifact,
  listCurrentGoals,
  setChosen,
  setShared,
} from '../store/portfolio.repository.js';
import {
  insertPersonalGoal,
  insertSelfAssessment,
  saveGoalStudentWording,
  setPersonalGoalDone,
} from '../store/student-dashboard.repository.js';
import type { Database, PortfolioSetting } from '../store/schema.js';

type Db = Kysely<Database>;

/** The demo students and standards the portfolio uses, by demo key. */
export interface DemoPortfolioIds {
  readonly studentIds: Readonly<Record<string, string>>;
  readonly standardIds: Readonly<Record<string, string>>;
}

interface DemoArtifact {
  readonly student: string;
  readonly title: string;
  readonly description: string;
  readonly fileName: string;
  readonly picture: () => Buffer;
  readonly observedOn: string;
  readonly setting: PortfolioSetting;
  readonly standards: readonly string[];
  readonly reflection: string;
  /** Position among the chosen (1 = first), or null when not chosen. */
  readonly chosen: number | null;
  readonly shared: boolean;
}

const PAPER: Rgb = [250, 248, 240];
const INK: Rgb = [40, 40, 40];

/** Fraction strips: a whole, then halves, thirds and quarters, every other part colored. */
function fractionStrips(): Buffer {
  const colors: readonly Rgb[] = [
    [232, 93, 74],
    [244, 180, 60],
    [90, 170, 110],
    [70, 130, 200],
  ];
  return encodePng(160, 120, (x, y) => {
    const row = Math.floor((y - 8) / 27);
    const inside = y >= 8 && (y - 8) % 27 < 22 && row < 4 && x >= 8 && x < 152;
    if (!inside) return PAPER;
    const parts = row + 1;
    const part = Math.floor(((x - 8) * parts) / 144);
    const edge = ((x - 8) * parts) % 144 < parts;
    return edge ? INK : part % 2 === 0 ? colors[row]! : PAPER;
  });
}

/** A place-value chart: columns of dots for ones, tenths, hundredths and thousandths. */
function placeValueChart(): Buffer {
  const heights = [3, 0, 5, 0];
  return encodePng(160, 120, (x, y) => {
    if (x % 40 === 0 || y === 20) return INK;
    if (y < 20) return [220, 230, 245];
    const column = Math.floor(x / 40);
    const dot = Math.floor((y - 24) / 18);
    const cx = column * 40 + 20;
    const cy = 24 + dot * 18 + 8;
    const near = (x - cx) ** 2 + (y - cy) ** 2 <= 49;
    return near && dot < (heights[column] ?? 0) ? [70, 130, 200] : PAPER;
  });
}

/** A reading log as a bar chart: minutes read each day of a week. */
function readingLog(): Buffer {
  const minutes = [20, 25, 15, 30, 20, 35, 25];
  return encodePng(160, 120, (x, y) => {
    if (y === 110 || x === 10) return INK;
    const day = Math.floor((x - 14) / 20);
    const bar = x >= 14 && (x - 14) % 20 < 14 && day < minutes.length;
    return bar && 110 - y <= (minutes[day] ?? 0) * 2.8 ? [90, 170, 110] : PAPER;
  });
}

/** A pizza cut into eighths with three slices colored: 3/8. */
function fractionPizza(): Buffer {
  return encodePng(160, 120, (x, y) => {
    const dx = x - 80;
    const dy = y - 60;
    const radius = Math.sqrt(dx * dx + dy * dy);
    if (radius > 52) return PAPER;
    if (radius > 48) return [200, 140, 60];
    const angle = (Math.atan2(dy, dx) + Math.PI * 2) % (Math.PI * 2);
    const slice = Math.floor(angle / (Math.PI / 4));
    // A cut is the ray at angle k × 45°: a pixel is on it within 1.2 px of the ray.
    const onCut = [0, 1, 2, 3, 4, 5, 6, 7].some((k) => {
      const off = angle - (k * Math.PI) / 4;
      return Math.cos(off) > 0 && Math.abs(radius * Math.sin(off)) < 1.2;
    });
    if (onCut) return INK;
    return slice < 3 ? [232, 93, 74] : [250, 225, 150];
  });
}

const ARTIFACTS: readonly DemoArtifact[] = [
  {
    student: 's10',
    title: 'Fraction strips I made',
    description:
      'Four paper strips: one whole, then halves, thirds and quarters, with every other part colored.',
    fileName: 'fraction-strips.png',
    picture: fractionStrips,
    observedOn: '2026-10-14',
    setting: 'class',
    standards: ['nf-a1'],
    reflection:
      'I can see that 2 quarters are the same as 1 half. The strips helped me add 1/2 and 1/4.',
    chosen: 1,
    shared: true,
  },
  {
    student: 's10',
    title: 'My place-value chart for 3.05',
    description:
      'A chart with columns for ones, tenths, hundredths and thousandths: 3 ones and 5 hundredths.',
    fileName: 'place-value.png',
    picture: placeValueChart,
    observedOn: '2026-09-22',
    setting: 'home',
    standards: ['nbt-a3'],
    reflection: 'At first I wrote 3.5. The chart showed me the 5 goes in the hundredths place.',
    chosen: 2,
    shared: false,
  },
  {
    student: 's10',
    title: 'My library reading log',
    description: 'A bar chart of minutes read each day for a week, from 15 to 35 minutes.',
    fileName: 'reading-log.png',
    picture: readingLog,
    observedOn: '2026-10-03',
    setting: 'community',
    standards: ['rl-2'],
    reflection: 'I read more on the weekend at the library. I want to read 25 minutes every day.',
    chosen: null,
    shared: false,
  },
  {
    student: 's02',
    title: 'Pizza fractions',
    description: 'A drawing of a pizza cut into 8 slices, with 3 slices colored red to show 3/8.',
    fileName: 'pizza-fractions.png',
    picture: fractionPizza,
    observedOn: '2026-10-09',
    setting: 'therapy',
    standards: ['nf-b4'],
    reflection: 'I colored 3 of 8 slices. That is 3/8 of the pizza.',
    chosen: 1,
    shared: true,
  },
  {
    student: 's02',
    title: 'Fraction strips practice',
    description: 'Paper fraction strips with halves and quarters.',
    fileName: 'strips.png',
    picture: fractionStrips,
    observedOn: '2026-09-30',
    setting: 'class',
    standards: ['nf-a1'],
    reflection: 'I matched the halves and the quarters.',
    chosen: null,
    shared: false,
  },
];

/** Seeds the demo portfolio, goals and self-assessment; files go to PORTFOLIO_DIR. */
export async function seedDemoPortfolio(
  db: Db,
  ids: DemoPortfolioIds,
  now: Date,
  settings: PortfolioSettings = portfolioSettings(),
): Promise<void> {
  for (const item of ARTIFACTS) await seedArtifact(db, ids, item, now, settings);
  await seedGoals(db, ids, now);
}

async function seedArtifact(
  db: Db,
  ids: DemoPortfolioIds,
  item: DemoArtifact,
  now: Date,
  settings: PortfolioSettings,
): Promise<void> {
  const studentId = ids.studentIds[item.student]!;
  const bytes = item.picture();
  const id = randomUUID();
  await insertArtifact(
    db,
    {
      id,
      student_id: studentId,
      title: item.title,
      description: item.description,
      file_name: item.fileName,
      stored_name: await storeFile(bytes, settings),
      content_type: 'image/png',
      kind: 'image',
      size_bytes: bytes.length,
      observed_on: item.observedOn,
      setting: item.setting,
      reflection: item.reflection,
      uploaded_by: null,
      uploaded_at: now.toISOString(),
    },
    item.standards.map((key) => ({ kind: 'standard' as const, targetId: ids.standardIds[key]! })),
  );
  if (item.chosen !== null) await setChosen(db, studentId, id, true);
  if (item.shared)
    await setShared(db, studentId, id, { shared: true, by: 'demo', at: now.toISOString() });
}

async function seedGoals(db: Db, ids: DemoPortfolioIds, now: Date): Promise<void> {
  const kofi = ids.studentIds.s10!;
  const at = now.toISOString();
  const reading = await insertPersonalGoal(db, kofi, 'Read for 25 minutes every day.', at);
  await insertPersonalGoal(db, kofi, 'Explain my steps out loud when I divide.', at);
  await setPersonalGoalDone(db, kofi, reading, true, at);
  await insertSelfAssessment(db, {
    studentId: kofi,
    standardId: ids.standardIds['nf-a1']!,
    levelValue: 4,
    why: 'I used fraction strips to add fractions and I can show how.',
    at,
  });

  const goals = await listCurrentGoals(db, ids.studentIds.s02!);
  const fluency = goals.find((goal) => goal.area === 'Reading fluency');
  if (fluency) {
    const wording = 'I can read a page out loud smoothly, about 100 words in a minute.';
    await saveGoalStudentWording(db, fluency.id, wording, null, at);
  }
}
