// Lint rules for Trellis. The domain layer must stay pure: it may not import the store,
// server, reports, interop, web, cli or any I/O module, and it may not log.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ioModules = [
  'node:fs',
  'node:fs/promises',
  'node:http',
  'node:net',
  'fs',
  'pg',
  'better-sqlite3',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.map((name) => ({ name, message: 'The domain layer does no I/O.' })),
          patterns: [
            {
              group: [
                '**/store/**',
                '**/server/**',
                '**/reports/**',
                '**/interop/**',
                '**/web/**',
                '**/cli/**',
                '**/logger*',
              ],
              message: 'The domain layer imports nothing outside src/domain.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'bin/**/*.js', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly' } },
  },
);
