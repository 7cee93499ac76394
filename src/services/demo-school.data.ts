/**
 * The synthetic demo school's content: invented people, plain-language standards, tasks and
 * feedback. Every person here is fictional. The standard codes and their meaning follow the
 * Common Core grade 5 standards (NGA Center and CCSSO); all wording is Trellis's own.
 */

/** A standard of the demo framework, in three wordings. */
export interface DemoStandard {
  readonly key: string;
  readonly code: string;
  readonly statement: string;
  readonly studentWording: string;
  readonly familyWording: string;
}

export const MATH_STANDARDS: readonly DemoStandard[] = [
  {
    key: 'nbt-a1',
    code: 'CCSS.Math.Content.5.NBT.A.1',
    statement:
      'Explain that in a multi-digit number each place is worth ten times the place to its ' +
      'right and one tenth of the place to its left.',
    studentWording:
      'I can explain how each place in a number is worth 10 times the place to its right.',
    familyWording:
      'Understands how the places in a number (ones, tens, tenths) relate to each other.',
  },
  {
    key: 'nbt-a3',
    code: 'CCSS.Math.Content.5.NBT.A.3',
    statement: 'Read, write and compare decimals to the thousandths place.',
    studentWording: 'I can read, write and compare decimals like 0.305 and 0.35.',
    familyWording: 'Reads, writes and compares decimal numbers such as 2.45 and 2.405.',
  },
  {
    key: 'nbt-b5',
    code: 'CCSS.Math.Content.5.NBT.B.5',
    statement: 'Multiply multi-digit whole numbers fluently using the standard method.',
    studentWording: 'I can multiply big numbers like 346 × 27 using the standard method.',
    familyWording: 'Multiplies larger whole numbers accurately, such as 346 × 27.',
  },
  {
    key: 'nbt-b6',
    code: 'CCSS.Math.Content.5.NBT.B.6',
    statement:
      'Divide numbers of up to four digits by two-digit numbers, and explain the strategy used.',
    studentWording: 'I can divide a number like 1,260 by 15 and explain how I did it.',
    familyWording: 'Divides larger numbers, such as 1,260 ÷ 15, and explains the steps.',
  },
  {
    key: 'nf-a1',
    code: 'CCSS.Math.Content.5.NF.A.1',
    statement:
      'Add and subtract fractions with unlike denominators by finding equivalent fractions.',
    studentWording:
      'I can add and subtract fractions like 2/3 + 1/4 by finding a common denominator.',
    familyWording: 'Adds and subtracts fractions with different bottom numbers, such as 2/3 + 1/4.',
  },
  {
    key: 'nf-b4',
    code: 'CCSS.Math.Content.5.NF.B.4',
    statement: 'Multiply a fraction by a whole number or by another fraction.',
    studentWording: 'I can multiply fractions, like 3/4 of 8 or 2/3 × 1/2.',
    familyWording: 'Multiplies with fractions, such as finding 3/4 of 8 or 2/3 × 1/2.',
  },
  {
    key: 'md-c5',
    code: 'CCSS.Math.Content.5.MD.C.5',
    statement:
      'Find the volume of a rectangular box by packing it with unit cubes and with the ' +
      'formulas V = l × w × h and V = b × h.',
    studentWording:
      'I can find how much space is inside a box using cubes or length × width × height.',
    familyWording: 'Finds how much space a box holds (its volume) with cubes and with a formula.',
  },
];

export const READING_STANDARDS: readonly DemoStandard[] = [
  {
    key: 'rl-1',
    code: 'CCSS.ELA-Literacy.RL.5.1',
    statement: 'Quote accurately from a story when explaining what it says and what it suggests.',
    studentWording: 'I can use exact words from a story to back up what I think it means.',
    familyWording: 'Uses exact words from a story to support ideas about it.',
  },
  {
    key: 'rl-2',
    code: 'CCSS.ELA-Literacy.RL.5.2',
    statement: 'Find the theme of a story or poem and summarize it.',
    studentWording: 'I can name the big message of a story and retell it in a few sentences.',
    familyWording: 'Finds the main message of a story or poem and sums it up briefly.',
  },
  {
    key: 'ri-2',
    code: 'CCSS.ELA-Literacy.RI.5.2',
    statement: 'Find two or more main ideas of an informational text and summarize it.',
    studentWording: 'I can find the main ideas in a nonfiction text and summarize it.',
    familyWording: 'Finds the main ideas in a nonfiction text and sums them up.',
  },
  {
    key: 'w-1',
    code: 'CCSS.ELA-Literacy.W.5.1',
    statement: 'Write an opinion piece that supports a point of view with reasons and information.',
    studentWording: 'I can write my opinion and back it up with reasons and facts.',
    familyWording: 'Writes an opinion and supports it with reasons and facts.',
  },
];

/** A demo task: what students did, how, when, and which standard it shows. */
export interface DemoTask {
  readonly key: string;
  readonly title: string;
  readonly kind: 'quiz' | 'project' | 'oral' | 'performance' | 'observation';
  readonly format: 'written' | 'verbal' | 'hands-on' | 'multimodal';
  readonly date: string;
  readonly standardKey: string;
}

export const MATH_TASKS: readonly DemoTask[] = [
  task('pv-ticket', 'Place value exit ticket', 'quiz', 'written', '2026-09-10', 'nbt-a1'),
  task('pv-talk', 'Powers of ten number talk', 'oral', 'verbal', '2026-09-24', 'nbt-a1'),
  task('dec-line', 'Decimal number line sort', 'performance', 'hands-on', '2026-09-17', 'nbt-a3'),
  task('dec-quiz', 'Comparing decimals quiz', 'quiz', 'written', '2026-10-08', 'nbt-a3'),
  task('mult-area', 'Area model to standard method', 'quiz', 'written', '2026-10-01', 'nbt-b5'),
  task('mult-store', 'School store order project', 'project', 'multimodal', '2026-10-22', 'nbt-b5'),
  task('div-explain', 'Explain your division strategy', 'oral', 'verbal', '2026-10-29', 'nbt-b6'),
  task('div-check', 'Division check-in', 'quiz', 'written', '2026-11-12', 'nbt-b6'),
  task(
    'frac-strips',
    'Fraction strips investigation',
    'performance',
    'hands-on',
    '2026-11-05',
    'nf-a1',
  ),
  task('frac-quiz', 'Unlike denominators quiz', 'quiz', 'written', '2026-11-19', 'nf-a1'),
  task('recipe', 'Scaling a recipe project', 'project', 'multimodal', '2026-11-24', 'nf-b4'),
  task('cubes', 'Cube-packing volume lab', 'performance', 'hands-on', '2026-11-17', 'md-c5'),
];

export const READING_TASKS: readonly DemoTask[] = [
  task('rl-quotes', 'Story evidence sticky notes', 'observation', 'written', '2026-09-15', 'rl-1'),
  task('rl-theme', 'Theme conversation', 'oral', 'verbal', '2026-10-06', 'rl-2'),
  task('ri-summary', 'Nonfiction summary podcast', 'project', 'multimodal', '2026-10-27', 'ri-2'),
  task('w-opinion', 'Opinion letter to the principal', 'project', 'written', '2026-11-18', 'w-1'),
];

function task(
  key: string,
  title: string,
  kind: DemoTask['kind'],
  format: DemoTask['format'],
  date: string,
  standardKey: string,
): DemoTask {
  return { key, title, kind, format, date, standardKey };
}

/** A fifth-grader of the demo school: invented names from many cultures. */
export interface DemoStudent {
  readonly key: string;
  readonly givenName: string;
  readonly familyName: string;
  /** Where this student's work usually sits on the 1-4 scale. */
  readonly typicalLevel: number;
  readonly language: string;
}

export const STUDENTS: readonly DemoStudent[] = [
  student('s01', 'Amara', 'Okafor', 3.4),
  student('s02', 'Mateo', 'Hernández', 2.1, 'es'),
  student('s03', 'Aiyana', 'Begay', 3.0),
  student('s04', 'Sione', 'Tuilagi', 2.3),
  student('s05', 'Priya', 'Raman', 3.6),
  student('s06', 'Liam', "O'Connell", 2.8),
  student('s07', 'Mei-Lin', 'Chen', 3.8, 'zh'),
  student('s08', 'Yusuf', 'Haddad', 2.6, 'ar'),
  student('s09', 'Ingrid', 'Solberg', 3.1),
  student('s10', 'Kofi', 'Mensah', 3.0),
  student('s11', 'Nadia', 'Petrova', 2.9),
  student('s12', 'Tomás', 'Álvarez', 2.4, 'es'),
  student('s13', 'Hana', 'Sato', 2.2),
  student('s14', 'Ravi', 'Deshmukh', 3.3),
  student('s15', 'Zainab', 'Bello', 2.7),
  student('s16', 'Elias', 'Lindqvist', 3.2),
  student('s17', 'Leilani', 'Kahale', 2.9),
  student('s18', 'Omar', 'Farouk', 2.5, 'ar'),
  student('s19', 'Sofía', 'Quispe', 3.1, 'es'),
  student('s20', 'Dmitri', 'Volkov', 2.8),
  student('s21', 'Lan', 'Nguyễn', 3.5, 'vi'),
  student('s22', 'Chloé', 'Dubois', 2.6),
  student('s23', 'Tariq', 'Rahman', 3.0),
  student('s24', 'Ayşe', 'Yılmaz', 3.3),
];

function student(
  key: string,
  givenName: string,
  familyName: string,
  typicalLevel: number,
  language = 'en',
): DemoStudent {
  return { key, givenName, familyName, typicalLevel, language };
}

/** Feedback phrases by level band: a strength and a next step for each. */
export const FEEDBACK: Readonly<
  Record<'low' | 'mid' | 'high', { strengths: string[]; nextSteps: string[] }>
> = {
  low: {
    strengths: [
      'You stuck with it and tried a second strategy when the first one did not work.',
      'Your drawing shows you know what the problem is asking.',
      'You explained the first step clearly in your own words.',
    ],
    nextSteps: [
      'Use the place value chart to line up each digit before you start.',
      'Try the problem again with manipulatives, then write what you did.',
      'Check each step against the worked example on your desk card.',
    ],
  },
  mid: {
    strengths: [
      'Your steps are in order and easy to follow.',
      'You used a model that fits the problem well.',
      'You caught and fixed your own mistake in step two.',
    ],
    nextSteps: [
      'Explain why your answer makes sense with an estimate.',
      'Try a problem with one more digit, then compare strategies with a partner.',
      'Label your units so a reader knows what each number means.',
    ],
  },
  high: {
    strengths: [
      'You explained your reasoning precisely and checked it two ways.',
      'You connected the model to the written method without help.',
      'Your explanation would help a classmate understand the idea.',
    ],
    nextSteps: [
      'Write your own challenge problem and solve it.',
      'Show a second, different strategy and say which is faster.',
      'Help a partner explain their method in their own words.',
    ],
  },
};

/** Supports staff note beside evidence; an empty string means none were used. */
export const SUPPORTS: readonly string[] = [
  '',
  '',
  'Read aloud',
  'Extra time',
  'Manipulatives (base-ten blocks)',
  'Small-group check-in',
  'Graphic organizer',
];
