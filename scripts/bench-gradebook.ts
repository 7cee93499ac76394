/**
 * Times the class gradebook page at the size the issue names: 35 students by 40 standards,
 * three pieces of evidence per cell (4,200 in all), over a temporary SQLite database (or the
 * PostgreSQL URL in BENCH_DATABASE_URL). Prints the median and slowest of 20 page loads, for
 * current mastery and for a past day (`?asOf=`, computed by the engine from the evidence).
 *
 *   npx tsx scripts/bench-gradebook.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/server/app.js';
import { refreshMastery } from '../src/services/mastery.service.js';
import { migrate, openStore } from '../src/store/database.js';
import { insertEvidence } from '../src/store/gradebook.repository.js';
import { ensureDefaultScale } from '../src/store/mastery.repository.js';
import {
  makeAccount,
  makeClass,
  makePerson,
  makeSchool,
  makeStandards,
} from '../test/support/factories.js';
import { get, signedIn } from '../test/support/http.js';

const STUDENTS = 35;
const STANDARDS = 40;
const PER_CELL = 3;
const RUNS = 20;
/** A day between the seeded observations (Oct 1, 8, 15): two of three pieces count. */
const PAST_DAY = '2026-10-10';

async function main(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-bench-'));
  const store = openStore(process.env.BENCH_DATABASE_URL ?? path.join(folder, 'bench.sqlite'));
  await migrate(store);
  const db = store.db;

  const seeded = performance.now();
  await ensureDefaultScale(db);
  const { schoolId } = await makeSchool(db, 'Benchmark Elementary');
  const teacherId = await makePerson(db, { kind: 'staff', schoolId });
  const studentIds: string[] = [];
  for (let i = 0; i < STUDENTS; i += 1) {
    studentIds.push(await makePerson(db, { kind: 'student', schoolId, givenName: `Student${i}` }));
  }
  const standardIds = await makeStandards(db, STANDARDS);
  const classId = await makeClass(db, { schoolId, staffIds: [teacherId], studentIds, standardIds });
  await seedEvidence(db, studentIds, standardIds, teacherId);
  const account = await makeAccount(db, { role: 'teacher', personId: teacherId });
  const seedSeconds = (performance.now() - seeded) / 1000;

  const app = createApp({ store });
  const browser = await signedIn(app, account.username, account.password);
  const load = (path: string) => timeLoads(() => get(app, path, browser));
  const current = await load(`/classes/${classId}`);
  const past = await load(`/classes/${classId}?asOf=${PAST_DAY}`);
  process.stdout.write(
    [
      `gradebook ${STUDENTS} students x ${STANDARDS} standards, ${STUDENTS * STANDARDS * PER_CELL} pieces of evidence (${store.kind})`,
      `seeded in ${seedSeconds.toFixed(1)} s; page ${(current.bytes / 1024).toFixed(0)} KiB`,
      `current, ${RUNS} loads after 2 warm-ups: ${current.text}`,
      `as of ${PAST_DAY}, ${RUNS} loads after 2 warm-ups: ${past.text}`,
      '',
    ].join('\n'),
  );
  await store.close();
  fs.rmSync(folder, { recursive: true, force: true });
}

/** Loads a page RUNS times after two warm-ups; the median and slowest time, and its size. */
async function timeLoads(load: () => Promise<Response>) {
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS + 2; run += 1) {
    const started = performance.now();
    const response = await load();
    const html = await response.text();
    if (response.status !== 200) throw new Error(`gradebook answered ${response.status}`);
    if (run >= 2) times.push(performance.now() - started);
    bytes = html.length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const text = `median ${median.toFixed(0)} ms, slowest ${times.at(-1)!.toFixed(0)} ms`;
  return { bytes, text };
}

async function seedEvidence(
  db: Parameters<typeof insertEvidence>[0],
  studentIds: readonly string[],
  standardIds: readonly string[],
  judgeId: string,
): Promise<void> {
  const pairs = studentIds.flatMap((studentId) =>
    standardIds.map((standardId) => ({ studentId, standardId })),
  );
  await db.transaction().execute(async (trx) => {
    for (const [i, pair] of pairs.entries()) {
      await insertEvidence(
        trx,
        Array.from({ length: PER_CELL }, (_, k) => ({
          student_id: pair.studentId,
          standard_id: pair.standardId,
          score: 1 + ((i + k) % 4),
          observed_at: `2026-10-${String(1 + k * 7).padStart(2, '0')}`,
          recorded_at: new Date().toISOString(),
          judged_by: judgeId,
          format: 'written',
          strength: 'Clear steps.',
          next_step: 'Check with an estimate.',
          origin: 'bench',
        })),
      );
    }
    await refreshMastery(trx, pairs);
  });
}

await main();
