/**
 * English words of the app frame and the family-facing pages (navigation, language settings,
 * the report page's tools), in ICU MessageFormat. The other languages' files have the same keys.
 */
export const en = {
  'frame.skip': 'Skip to main content',
  'frame.footer': 'Trellis · mastery-based grading and progress reporting',
  'nav.label': 'Main',
  'nav.home': 'Home',
  'nav.search': 'Find a student',
  'nav.caseload': 'My caseload',
  'nav.masterySettings': 'Mastery settings',
  'nav.help': 'How mastery is calculated',
  'nav.accounts': 'Accounts',
  'nav.account': 'My account',
  'nav.language': 'Language',
  'nav.signOut': 'Sign out',
  'role.admin': 'Administrator',
  'role.teacher': 'Teacher',
  'role.special_educator': 'Special educator',
  'role.guardian': 'Family',
  'role.student': 'Student',
  'role.related_service_provider': 'Related-service provider',
  'report.languages': 'Read this report in another language',
  'report.download': 'Download PDF',
  'report.pdfHint': 'The PDF has the same content and prints well in black and white.',
  'settings.intro': "Choose the language for your child's reports and for these pages.",
  'settings.legend': 'Preferred language',
  'settings.save': 'Save',
  'settings.saved': 'Saved. Reports now open in this language.',
  'settings.invalid': 'Choose one of the languages.',
  'settings.children': "Your children's reports",
  'settings.childReport': 'Report for {name}',
} as const;

/** A message of the app frame. */
export type UiKey = keyof typeof en;

/** Every message of one language. */
export type UiCatalog = Readonly<Record<UiKey, string>>;
