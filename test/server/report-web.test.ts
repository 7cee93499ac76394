/**
 * The report pages of the web app on a real database: a guardian's language setting and the
 * family report in the frame, its PDF, the IEP progress report page with "mark sent", and a
 * class's reports made as one job by the in-process worker, each behind its access rule.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { AppEnv } from '../../src/server/env.js';
import { seedDemoSchool, type DemoSchool } from '../../src/services/demo-school.js';
import {
  confirmProgressCode,
  suggestProgressCode,
} from '../../src/services/progress-monitoring.service.js';
import { reportWorkerFor } from '../../src/services/report-job.service.js';
import { closePdfBrowser } from '../../src/reports/pdf.js';
import { listCurrentGoals } from '../../src/store/iep-records.repository.js';
import { savePreferredLanguage } from '../../src/store/language.repository.js';
import {
  linkGuardian,
  makeAccount,
  makeClass,
  makeEvidence,
  makePerson,
  makeSchool,
  makeStandards,
} from '../support/factories.js';
import { get, postForm, signedIn, type Browser } from '../support/http.js';
import { createTestStore, testDatabaseKind, type TestStore } from '../support/test-store.js';

let store: TestStore;
let app: Hono<AppEnv>;
let demo: DemoSchool;

const demoSignIn = (username: string) => {
  const signIn = demo.signIns.find((s) => s.username === username)!;
  return signedIn(app, signIn.username, signIn.password);
};

beforeAll(async () => {
  store = await createTestStore();
  demo = await seedDemoSchool(store.db);
  app = createApp({ store });
});

afterAll(async () => {
  await reportWorkerFor(store).idle();
  await closePdfBrowser();
  await store.destroy();
});

async function preferenceOf(personId: string): Promise<string> {
  const row = await store.db
    .selectFrom('people')
    .select('preferred_language')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  return row.preferred_language;
}

async function guardianPersonOf(username: string): Promise<string> {
  const row = await store.db
    .selectFrom('accounts')
    .select('person_id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.person_id!;
}

describe(`a guardian's language on ${testDatabaseKind}`, () => {
  let parent: Browser;
  const child = () => demo.studentIds[demo.guardianChildKey]!;

  beforeAll(async () => {
    parent = await demoSignIn('parent');
  });

  it('opens the demo parent’s report in English before they choose a language', async () => {
    const html = await (await get(app, `/students/${child()}/report`, parent)).text();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('Progress report for Mateo Hernández');
  });

  it('saves the chosen language to the guardian’s record and shows the page in it', async () => {
    const page = await get(app, '/settings/language', parent);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Preferred language');

    const saved = await postForm(app, '/settings/language', parent, { language: 'es' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/settings/language?saved=1');
    expect(await preferenceOf(await guardianPersonOf('parent'))).toBe('es');

    const after = await (await get(app, '/settings/language?saved=1', parent)).text();
    expect(after).toContain('<html lang="es" dir="ltr">');
    expect(after).toContain('Guardado. Los informes se abren ahora en este idioma.');
    expect(after).toContain('>Inicio<');
  });

  it('opens the report in the saved language, with every language and the PDF linked', async () => {
    const html = await (await get(app, `/students/${child()}/report`, parent)).text();
    expect(html).toContain('<html lang="es" dir="ltr">');
    expect(html).toContain('Informe de progreso de Mateo Hernández');
    expect(html).toContain('Leer este informe en otro idioma');
    for (const lang of ['en', 'es', 'vi', 'zh', 'ar']) {
      expect(html).toContain(`/students/${child()}/report?lang=${lang}`);
    }
    expect(html).toContain(`href="/students/${child()}/report.pdf?lang=es"`);
    expect(html).toContain('Descargar PDF');
  });

  it('refuses a language that is not offered and keeps the saved one', async () => {
    const refused = await postForm(app, '/settings/language', parent, { language: 'fr' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Elija uno de los idiomas.');
    expect(await preferenceOf(await guardianPersonOf('parent'))).toBe('es');
  });

  it('gives dir="rtl" and Arabic text for ?lang=ar, with no script allowed', async () => {
    const response = await get(app, `/students/${child()}/report?lang=ar`, parent);
    const html = await response.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('class="family-report" lang="ar" dir="rtl"');
    expect(html).toContain('تقرير تقدم Mateo Hernández');
    expect(html).toContain('>الرئيسية<');

    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain('script-src');
    expect(policy).toMatch(/style-src 'self' 'unsafe-hashes' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).not.toContain('<script');
  });

  it('answers the PDF as an attachment that is never stored', async () => {
    const pdf = await get(app, `/students/${child()}/report.pdf?lang=ar`, parent);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(
      'attachment; filename="family-report-ar.pdf"',
    );
    expect(pdf.headers.get('cache-control')).toBe('no-store');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('opens the Spanish-reading demo guardian’s report in Spanish from the start', async () => {
    const parentEs = await demoSignIn('parent-es');
    const own = demo.studentIds[demo.spanishFamilyChildKey]!;
    const html = await (await get(app, `/students/${own}/report`, parentEs)).text();
    expect(html).toContain('Informe de progreso de Sofía Quispe');
  });

  it('shows the settings page only to guardians', async () => {
    expect((await get(app, '/settings/language', await demoSignIn('teacher'))).status).toBe(404);
  });
});

describe("another family's child", () => {
  it('answers 404 on every report route, the PDFs included', async () => {
    const parent = await demoSignIn('parent');
    const other = demo.studentIds[demo.otherFamilyChildKey]!;
    const iepChild = demo.studentIds.s04!;
    const paths = [
      `/students/${other}/report`,
      `/students/${other}/report?lang=ar`,
      `/students/${other}/report.pdf`,
      `/students/${other}/report.pdf?lang=es`,
      `/students/${iepChild}/iep-progress`,
      `/students/${iepChild}/iep-progress.pdf`,
      `/students/${demo.studentIds[demo.guardianChildKey]}/iep-progress`,
    ];
    for (const path of paths) {
      const response = await get(app, path, parent);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.headers.get('content-type')).not.toBe('application/pdf');
    }
  });
});

describe('a class’s family reports as one job', () => {
  let teacher: Browser;
  let otherTeacher: Browser;
  let classId: string;
  let otherClassId: string;
  let jobPath: string;

  beforeAll(async () => {
    const { schoolId } = await makeSchool(store.db, 'Willow Bend Elementary (test)');
    const staff = await makePerson(store.db, { kind: 'staff', schoolId });
    const otherStaff = await makePerson(store.db, { kind: 'staff', schoolId });
    const ana = await makePerson(store.db, { kind: 'student', schoolId, givenName: 'Ana' });
    const ben = await makePerson(store.db, { kind: 'student', schoolId, givenName: 'Ben' });
    const guardian = await makePerson(store.db, { kind: 'guardian', schoolId });
    await linkGuardian(store.db, guardian, ana);
    await savePreferredLanguage(store.db, guardian, 'ar');

    const standards = await makeStandards(store.db, 2);
    classId = await makeClass(store.db, {
      schoolId,
      staffIds: [staff],
      studentIds: [ana, ben],
      standardIds: standards,
    });
    otherClassId = await makeClass(store.db, {
      schoolId,
      staffIds: [otherStaff],
      studentIds: [ben],
      standardIds: standards,
    });
    await makeEvidence(store.db, { studentId: ana, standardId: standards[0]!, score: 3 });
    await makeEvidence(store.db, { studentId: ben, standardId: standards[1]!, score: 2 });

    const account = await makeAccount(store.db, { role: 'teacher', personId: staff });
    const other = await makeAccount(store.db, { role: 'teacher', personId: otherStaff });
    teacher = await signedIn(app, account.username, account.password);
    otherTeacher = await signedIn(app, other.username, other.password);
  });

  it('runs for the teacher’s class: one PDF per student in each family’s language', async () => {
    const page = await get(app, `/classes/${classId}/family-reports`, teacher);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Each family&#39;s preferred language');

    const started = await postForm(app, `/classes/${classId}/family-reports`, teacher, {
      lang: 'guardian',
      from: '',
      to: '',
    });
    expect(started.status).toBe(303);
    jobPath = started.headers.get('location')!;
    expect(jobPath).toMatch(new RegExp(`^/classes/${classId}/family-reports/jobs/[0-9a-f-]{36}$`));

    await reportWorkerFor(store).idle();
    const status = await get(app, `${jobPath}/status`, teacher);
    expect(status.status).toBe(286);
    const fragment = await status.text();
    expect(fragment).toContain('2 of 2 reports made.');
    expect(fragment).toContain('hx-swap-oob="true"');

    const job = await store.db.selectFrom('report_jobs').selectAll().executeTakeFirstOrThrow();
    expect(job).toMatchObject({ state: 'done', total: 2, done: 2, failed: 0, lang: 'guardian' });
    const files = await store.db
      .selectFrom('report_job_files')
      .select(['file_name', 'lang'])
      .where('job_id', '=', job.id)
      .orderBy('list_order')
      .execute();
    expect(files.map((file) => file.lang).sort()).toEqual(['ar', 'en']);
  });

  it('hands out the zip and each PDF as attachments', async () => {
    const zip = await get(app, `${jobPath}/reports.zip`, teacher);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(zip.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await zip.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('hex')).toBe('504b0304');
    expect(bytes.toString('latin1')).toMatch(/-ar\.pdf[\s\S]*-en\.pdf|-en\.pdf[\s\S]*-ar\.pdf/);

    const page = await (await get(app, jobPath, teacher)).text();
    const link = /href="([^"]+\/files\/[^"]+)"/.exec(page)![1]!;
    const pdf = await get(app, link, teacher);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(
      /^attachment; filename=".+-(ar|en)\.pdf"$/,
    );
  });

  it('answers 404 to a teacher of another class, and to a guardian, on every job route', async () => {
    const parent = await demoSignIn('parent');
    const page = await (await get(app, jobPath, teacher)).text();
    const file = /href="([^"]+\/files\/[^"]+)"/.exec(page)![1]!;
    const jobId = jobPath.split('/').at(-1)!;
    const paths = [
      `/classes/${classId}/family-reports`,
      jobPath,
      `${jobPath}/status`,
      `${jobPath}/reports.zip`,
      file,
      `/classes/${otherClassId}/family-reports/jobs/${jobId}`,
      `/classes/${otherClassId}/family-reports/jobs/${jobId}/reports.zip`,
    ];
    for (const path of paths.slice(0, 5)) {
      expect({ path, status: (await get(app, path, otherTeacher)).status }).toEqual({
        path,
        status: 404,
      });
      expect({ path, status: (await get(app, path, parent)).status }).toEqual({
        path,
        status: 404,
      });
    }
    // The job belongs to its own class: asked for under another class, it does not exist.
    for (const path of paths.slice(5)) {
      expect((await get(app, path, otherTeacher)).status).toBe(404);
    }
    const refused = await postForm(app, `/classes/${classId}/family-reports`, otherTeacher, {
      lang: 'es',
      from: '',
      to: '',
    });
    expect(refused.status).toBe(404);
    const jobs = await store.db.selectFrom('report_jobs').select('id').execute();
    expect(jobs).toHaveLength(1);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const refused = await postForm(app, `/classes/${classId}/family-reports`, teacher, {
      lang: 'es',
      from: '2026-11-06',
      to: '2026-08-31',
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('The period must end on or after the day it starts.');
  });
});

describe('the IEP progress report page', () => {
  const q1 = 'from=2026-08-31&to=2026-11-06';
  const mateo = () => demo.studentIds.s02!;

  it('shows the special educator the report for a period with what was sent', async () => {
    const sped = await demoSignIn('sped');
    const response = await get(app, `/students/${mateo()}/iep-progress?${q1}&lang=en`, sped);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('IEP progress report for Mateo Hernández');
    expect(html).toContain('Sent on ');
    expect(html).toContain(`href="/students/${mateo()}/iep"`);
    expect(response.headers.get('content-security-policy')).not.toContain('script-src');
  });

  it('answers the PDF for the period in the language asked for', async () => {
    const sped = await demoSignIn('sped');
    const pdf = await get(app, `/students/${mateo()}/iep-progress.pdf?${q1}&lang=es`, sped);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(
      'attachment; filename="iep-progress-2026-08-31-2026-11-06-es.pdf"',
    );
  });

  it('marks the confirmed goal reports of a period as sent, for the special educator only', async () => {
    const q2 = { start: '2026-11-09', end: '2027-01-22' };
    const iep = await store.db
      .selectFrom('ieps')
      .select('id')
      .where('student_id', '=', mateo())
      .executeTakeFirstOrThrow();
    const [goal] = await listCurrentGoals(store.db, iep.id);
    const suggested = await suggestProgressCode(store.db, goal!.id, q2);
    if (!suggested.ok) throw new Error('no suggestion for the demo goal');
    await confirmProgressCode(
      store.db,
      {
        goalId: goal!.id,
        periodStart: q2.start,
        periodEnd: q2.end,
        code: suggested.value.districtCode,
        narrative: 'Steady growth this quarter.',
      },
      { personId: null, accountId: null, requestId: null },
      new Date(),
    );
    const fields = { from: q2.start, to: q2.end, lang: 'en' };
    const path = `/students/${mateo()}/iep-progress/sent`;

    const teacher = await demoSignIn('teacher');
    expect((await postForm(app, path, teacher, fields)).status).toBe(404);

    const sped = await demoSignIn('sped');
    const page = await (
      await get(app, `/students/${mateo()}/iep-progress?from=${q2.start}&to=${q2.end}`, sped)
    ).text();
    expect(page).toContain('Mark 1 confirmed report as sent today');
    const sent = await postForm(app, path, sped, fields);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toContain('sent=1');

    const row = await store.db
      .selectFrom('progress_reports')
      .select('sent_at')
      .where('goal_id', '=', goal!.id)
      .where('period_start', '=', q2.start)
      .executeTakeFirstOrThrow();
    expect(row.sent_at).not.toBeNull();
  });
});
