/**
 * The pure parts of the student dashboard and portfolio: the student-facing sentences (and
 * their reading level), the tiny PNG encoder, file checks by content, safe download names, and
 * the family report's work-sample lines in every report language.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE } from '../../src/domain/scale.js';
import { WORK_SAMPLE_WORDS, buildWorkSamples } from '../../src/reports/family/work-samples.js';
import { REPORT_LANGUAGES } from '../../src/reports/i18n/index.js';
import { attachmentHeader } from '../../src/server/portfolio.routes.js';
import { checkFile, safeFileName } from '../../src/services/portfolio-files.js';
import { nextStepText, talkText } from '../../src/services/student-dashboard.service.js';
import { crc32, encodePng } from '../../src/services/tiny-png.js';
import type { Artifact } from '../../src/store/portfolio.repository.js';

const [beginning, developing, proficient, extending] = DEFAULT_SCALE.levels;
const settings = { dir: '/nonexistent', maxBytes: 1024 };

/** Syllables by vowel groups, a silent final e dropped, at least one per word. */
function syllables(word: string): number {
  const groups =
    word
      .toLowerCase()
      .replace(/e$/, '')
      .match(/[aeiouy]+/g) ?? [];
  return Math.max(1, groups.length);
}

/** Flesch-Kincaid grade: 0.39 × words/sentences + 11.8 × syllables/words − 15.59. */
function gradeLevel(texts: readonly string[]): number {
  const text = texts.join(' ');
  const sentences = Math.max(1, (text.match(/[.!?]+/g) ?? []).length);
  const words = text.match(/[A-Za-z']+/g) ?? [];
  const count = words.reduce((sum, word) => sum + syllables(word), 0);
  return 0.39 * (words.length / sentences) + 11.8 * (count / words.length) - 15.59;
}

describe('student sentences', () => {
  it('says what is next in the student level words', () => {
    const reading = {
      level: developing!,
      mastered: false,
      nextLevel: proficient!,
      outOfReach: false,
    };
    expect(nextStepText(reading, 'Check with an estimate.')).toBe(
      'Next, show work at the level "I can do all of this on my own." Your teacher says: Check with an estimate.',
    );
    expect(nextStepText({ ...reading, mastered: true }, null)).toBe(
      'You reached the goal. Keep it up!',
    );
    expect(nextStepText({ ...reading, level: null }, null)).toBe(
      'Your teacher has not checked this yet. Show what you know when you get the chance.',
    );
  });

  it('turns a difference into a talk, and says nothing when the levels agree', () => {
    expect(talkText(3, developing!)).toBe(
      'You rated yourself higher than your teacher did. Ask your teacher what would show your level.',
    );
    expect(talkText(1, developing!)).toBe(
      'You rated yourself lower than your teacher did. Ask your teacher what they saw in your work.',
    );
    expect(talkText(2, developing!)).toBeNull();
  });

  it('reads at or below a grade-5 level (Flesch-Kincaid)', () => {
    const reading = {
      level: beginning!,
      mastered: false,
      nextLevel: extending!,
      outOfReach: false,
    };
    const texts = [
      nextStepText(reading, null),
      nextStepText({ ...reading, mastered: true }, null),
      nextStepText({ ...reading, outOfReach: true }, null),
      nextStepText({ ...reading, level: null }, null),
      talkText(4, beginning!)!,
      talkText(1, extending!)!,
      talkText(2, null)!,
      'You have not rated yourself yet.',
      'Why? Say it in one or two sentences.',
      'My reflection: what did I learn?',
    ];
    expect(gradeLevel(texts)).toBeLessThanOrEqual(5);
  });
});

describe('tiny PNG encoder', () => {
  it('writes a 1 × 1 red PNG of 69 bytes with the PNG signature', () => {
    const png = encodePng(1, 1, () => [255, 0, 0]);
    expect(png.length).toBe(69);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('computes the CRC-32 of "IEND" as 0xAE426082', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });
});

describe('file checks by content', () => {
  it.each([
    ['a PNG', encodePng(2, 2, () => [0, 0, 0]), 'image/png', 'image'],
    [
      'a GIF',
      new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x00\x00\x00;'),
      'image/gif',
      'image',
    ],
    ['a PDF', new TextEncoder().encode('%PDF-1.4\n%\xe2\xe3\n1 0 obj\n'), 'application/pdf', 'pdf'],
  ])('accepts %s whatever its name', async (_, bytes, type, kind) => {
    expect(await checkFile(bytes, 'anything.txt', settings)).toEqual({
      ok: true,
      contentType: type,
      kind,
    });
  });

  it('refuses a Windows program named like a picture', async () => {
    const exe = new Uint8Array(200);
    exe.set([0x4d, 0x5a], 0);
    const result = await checkFile(exe, 'photo.jpg', settings);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^"photo\.jpg" is not a file we accept/);
  });
});

describe('safe names', () => {
  it('keeps only the last path part and plain characters', () => {
    expect(safeFileName('../../etc/pass wd\r\n.png')).toBe('pass wd.png');
    expect(safeFileName('"><script>.png')).toBe('script.png');
    expect(safeFileName('...')).toBe('work');
  });

  it('names a download by its checked type, with an ASCII fallback', () => {
    expect(attachmentHeader('Mi dibujo.png', 'image/jpeg')).toBe(
      `attachment; filename="Mi dibujo.jpg"; filename*=UTF-8''Mi%20dibujo.jpg`,
    );
    expect(attachmentHeader('Máy bay.pdf', 'application/pdf')).toBe(
      `attachment; filename="M_y bay.pdf"; filename*=UTF-8''M%C3%A1y%20bay.pdf`,
    );
  });
});

describe('work samples in the family report', () => {
  const artifact = {
    title: 'Pizza fractions',
    description: 'A pizza cut into 8 slices, 3 colored.',
    kind: 'image',
    contentType: 'image/png',
    observedOn: '2026-10-09',
    setting: 'therapy',
    reflection: 'I colored 3 of 8 slices.',
  } as Artifact;

  it('has every fixed word in every report language', () => {
    expect(Object.keys(WORK_SAMPLE_WORDS).sort()).toEqual([...REPORT_LANGUAGES].sort());
  });

  it.each([
    ['en', 'Work samples', 'Picture · October 9, 2026 · in therapy'],
    ['es', 'Muestras de trabajo', 'Imagen · 9 de octubre de 2026 · en terapia'],
    ['ar', 'نماذج من العمل', 'صورة، 9 أكتوبر 2026، في جلسة العلاج'],
  ] as const)('builds the %s section with the date in its own form', (lang, title, facts) => {
    const block = buildWorkSamples(
      [{ artifact, imageBytes: Uint8Array.from([1, 2]) }],
      lang,
      'Mateo',
    );
    expect(block?.title).toBe(title);
    expect(block?.samples[0]?.facts).toBe(facts);
    expect(block?.samples[0]?.imageUri).toBe('data:image/png;base64,AQI=');
    expect(block?.samples[0]?.openText).toBeNull();
  });

  it('says where to open work that cannot be shown on paper, and is null without work', () => {
    const audio = { ...artifact, kind: 'audio', contentType: 'audio/mpeg' } as Artifact;
    const block = buildWorkSamples([{ artifact: audio, imageBytes: null }], 'en', 'Mateo');
    expect(block?.samples[0]?.openText).toBe(
      'To open it, sign in to Trellis and choose Work samples.',
    );
    expect(buildWorkSamples([], 'en', 'Mateo')).toBeNull();
  });
});
