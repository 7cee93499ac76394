/**
 * "Work samples" in the family report: the portfolio pieces the student and teacher shared
 * with the family, in the student's chosen order, each with its date, where it was done, the
 * student's own words, and for a picture the picture itself (embedded, so the PDF carries it).
 * The fixed words are here in every report language; the titles, descriptions and reflections
 * are the student's own and are shown as written.
 */
import type { Kysely } from 'kysely';
import { portfolioSettings, readStoredFile } from '../../services/portfolio-files.js';
import { listArtifacts, type Artifact } from '../../store/portfolio.repository.js';
import type { ArtifactKind, Database, PortfolioSetting } from '../../store/schema.js';
import { formatDate, type ReportLang } from '../i18n/index.js';

/** One work sample as the report shows it. */
export interface WorkSample {
  readonly title: string;
  /** "Picture · October 14, 2026 · in class". */
  readonly facts: string;
  /** The picture as a data: URI, or null for other kinds (and pictures too big to embed). */
  readonly imageUri: string | null;
  /** The text alternative of the picture: the description the uploader wrote, or the title. */
  readonly alt: string;
  readonly reflectionLabel: string;
  readonly reflection: string | null;
  /** Said for a piece that cannot be shown on paper: where to open it. */
  readonly openText: string | null;
}

/** The section: its heading, a line of introduction, and the samples. */
export interface WorkSamplesBlock {
  readonly title: string;
  readonly intro: string;
  readonly samples: readonly WorkSample[];
}

/** The fixed words of the section in one language. */
interface Words {
  readonly title: string;
  readonly intro: (name: string) => string;
  readonly inWords: (name: string) => string;
  readonly open: string;
  readonly kinds: Readonly<Record<ArtifactKind, string>>;
  readonly settings: Readonly<Record<PortfolioSetting, string>>;
}

/** The section's words in every report language (a new language must add its own). */
export const WORK_SAMPLE_WORDS: Readonly<Record<ReportLang, Words>> = {
  en: {
    title: 'Work samples',
    intro: (name) => `Pieces of ${name}'s work, chosen to share with you.`,
    inWords: (name) => `In ${name}'s words: `,
    open: 'To open it, sign in to Trellis and choose Work samples.',
    kinds: { image: 'Picture', pdf: 'PDF document', audio: 'Sound recording', video: 'Video' },
    settings: {
      class: 'in class',
      therapy: 'in therapy',
      home: 'at home',
      community: 'in the community',
    },
  },
  es: {
    title: 'Muestras de trabajo',
    intro: (name) => `Trabajos de ${name} elegidos para compartir con ustedes.`,
    inWords: (name) => `En palabras de ${name}: `,
    open: 'Para abrirlo, entre en Trellis y elija Muestras de trabajo.',
    kinds: {
      image: 'Imagen',
      pdf: 'Documento PDF',
      audio: 'Grabación de sonido',
      video: 'Video',
    },
    settings: {
      class: 'en clase',
      therapy: 'en terapia',
      home: 'en casa',
      community: 'en la comunidad',
    },
  },
  vi: {
    title: 'Bài làm mẫu',
    intro: (name) => `Các bài làm của ${name} được chọn để chia sẻ với gia đình.`,
    inWords: (name) => `Lời của ${name}: `,
    open: 'Để mở, hãy đăng nhập Trellis và chọn Bài làm mẫu.',
    kinds: { image: 'Hình ảnh', pdf: 'Tài liệu PDF', audio: 'Bản ghi âm', video: 'Video' },
    settings: {
      class: 'ở lớp',
      therapy: 'trong giờ trị liệu',
      home: 'ở nhà',
      community: 'ở cộng đồng',
    },
  },
  zh: {
    title: '作品样本',
    intro: (name) => `为您挑选的${name}的作品。`,
    inWords: (name) => `${name}的话：`,
    open: '如需打开，请登录 Trellis 并选择“作品样本”。',
    kinds: { image: '图片', pdf: 'PDF 文档', audio: '录音', video: '视频' },
    settings: { class: '在课堂上', therapy: '在治疗课上', home: '在家里', community: '在社区' },
  },
  ar: {
    title: 'نماذج من العمل',
    intro: (name) => `أعمال من إنجاز ${name} اختيرت لمشاركتها معكم.`,
    inWords: (name) => `بكلمات ${name}: `,
    open: 'لفتحه، سجّلوا الدخول إلى Trellis واختاروا نماذج من العمل.',
    kinds: { image: 'صورة', pdf: 'مستند PDF', audio: 'تسجيل صوتي', video: 'فيديو' },
    settings: {
      class: 'في الصف',
      therapy: 'في جلسة العلاج',
      home: 'في البيت',
      community: 'في المجتمع',
    },
  },
};

/** A shared artifact with its picture's bytes when it is a picture small enough to embed. */
export interface SharedWork {
  readonly artifact: Artifact;
  readonly imageBytes: Uint8Array | null;
}

/** At most this many samples, and pictures up to this size, go into a report. */
export const MAX_SAMPLES = 6;
export const MAX_EMBEDDED_BYTES = 1024 * 1024;

/**
 * Builds the section from the shared work (in order); null when nothing is shared. Pure.
 * Example: one shared picture done in class on 2026-10-14 gives, in English, facts
 * "Picture · October 14, 2026 · in class".
 */
export function buildWorkSamples(
  shared: readonly SharedWork[],
  lang: ReportLang,
  givenName: string,
): WorkSamplesBlock | null {
  if (shared.length === 0) return null;
  const words = WORK_SAMPLE_WORDS[lang];
  const separator = lang === 'zh' ? '，' : lang === 'ar' ? '، ' : ' · ';
  return {
    title: words.title,
    intro: words.intro(givenName),
    samples: shared.slice(0, MAX_SAMPLES).map(({ artifact, imageBytes }) => ({
      title: artifact.title,
      facts: [
        words.kinds[artifact.kind],
        formatDate(artifact.observedOn, lang),
        words.settings[artifact.setting],
      ].join(separator),
      imageUri: imageBytes
        ? `data:${artifact.contentType};base64,${Buffer.from(imageBytes).toString('base64')}`
        : null,
      alt: artifact.description ?? artifact.title,
      reflectionLabel: words.inWords(givenName),
      reflection: artifact.reflection,
      openText: imageBytes ? null : words.open,
    })),
  };
}

/** Loads the student's shared work, in order, with the bytes of each picture small enough. */
export async function loadSharedWork(
  db: Kysely<Database>,
  studentId: string,
): Promise<SharedWork[]> {
  const artifacts = (await listArtifacts(db, studentId, { sharedOnly: true })).slice(
    0,
    MAX_SAMPLES,
  );
  const settings = portfolioSettings();
  const shared: SharedWork[] = [];
  for (const artifact of artifacts) {
    const embed = artifact.kind === 'image' && artifact.sizeBytes <= MAX_EMBEDDED_BYTES;
    const bytes = embed ? await readStoredFile(artifact.storedName, settings) : null;
    shared.push({ artifact, imageBytes: bytes ? new Uint8Array(bytes) : null });
  }
  return shared;
}
