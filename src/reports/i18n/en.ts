/**
 * English messages for the reports, in ICU MessageFormat. This file is the source of truth for
 * the message keys: every other language file must carry the same keys. Keep sentences short
 * and plain: a test holds the fixed text at or below a sixth-grade reading level. The default
 * scale's words repeat DEFAULT_SCALE (src/domain/scale.ts); a test checks that they match.
 */
export const en = {
  'family.title': 'Progress report for {name}',
  'family.grade': 'Grade {grade}',
  'family.school': 'School: {school}',
  'family.reportDate': 'Report date: {date}',
  'family.summary':
    '{name} has reached the goal in {met} of {total, plural, one {# skill} other {# skills}}.',
  'family.summary.none': 'There is no work to report yet.',
  'family.legend.title': 'How to read this report',
  'family.legend.intro':
    'Each skill has a level. A level has a color, a word and a shape. The goal is {goal}.',
  'family.legend.goal': 'This is the goal.',
  'family.standards.title': 'Where {name} is now',
  'family.standards.empty': 'No skills have been checked yet.',
  'family.standard.now': 'Level now',
  'family.standard.started': 'First level',
  'family.standard.status.met': 'Goal reached',
  'family.standard.status.notYet': 'Not at the goal yet',
  'family.standard.status.noLevel': 'No level yet',
  'family.standard.strength': 'What went well',
  'family.standard.nextStep': 'Next step',
  'family.standard.basis':
    'Based on {count, plural, one {# piece of work} other {# pieces of work}}.',
  'family.standard.lastDate': 'Last checked: {date}.',
  'family.standard.score': 'Score: {score} out of {max}.',
  'family.iep.title': 'IEP goals',
  'family.iep.intro': 'An IEP is a plan for special education. Here are the goals in the plan.',
  'family.iep.dates': 'Plan dates: {start} to {end}.',
  'family.iep.review': 'Next review: {date}.',
  'family.iep.setting': 'Where help is given',
  'family.iep.noGoals': 'No goals are written in this plan yet.',
  'family.goal.area': 'Area',
  'family.goal.baseline': 'Start',
  'family.goal.target': 'Target',
  'family.goal.date': 'Goal date',
  'family.questions': 'Do you have questions? Please talk to the teacher.',
  'family.untranslated': 'in English',
  'family.untranslated.note': 'Some text has no translation yet. It is shown in English.',
  'report.page': 'Page {page} of {total}',
  'report.notGiven': 'not given',
  'level.default.1.label': 'Beginning',
  'level.default.1.family': 'Your child is starting to learn this and does parts of it with help.',
  'level.default.2.label': 'Developing',
  'level.default.2.family':
    'Your child does the simpler parts on their own and is still learning the rest.',
  'level.default.3.label': 'Proficient',
  'level.default.3.family': 'Your child has learned this and does it on their own.',
  'level.default.4.label': 'Extending',
  'level.default.4.family':
    'Your child uses this in new and harder situations, beyond what is expected.',
} as const;

/** A key of the report messages. */
export type MessageKey = keyof typeof en;

/** A whole set of report messages in one language: every key, no more. */
export type Catalog = Readonly<Record<MessageKey, string>>;
