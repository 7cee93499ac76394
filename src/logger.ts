/**
 * The one logger. Categories (http, db, mastery, report, import, auth) are child loggers;
 * personal data never goes into a log line, and the redaction list is a second guard.
 */
import { pino, type Logger } from 'pino';

export type LogCategory = 'http' | 'db' | 'mastery' | 'report' | 'import' | 'auth' | 'app';

const root = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  redact: {
    paths: [
      'password',
      '*.password',
      'token',
      '*.token',
      'cookie',
      '*.cookie',
      'req.headers.cookie',
      'name',
      '*.name',
      'email',
      '*.email',
    ],
    censor: '[redacted]',
  },
});

/** A logger for one category, with structured context. */
export function logger(category: LogCategory): Logger {
  return root.child({ category });
}
