// @ts-check
/** Lint: typed rules for TypeScript, Astro files, and the import boundaries between layers. */
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const root = new URL('..', import.meta.url).pathname;

/** @param {string[]} patterns @param {string} message */
const forbid = (patterns, message) => ({ group: patterns, message });

const frameworkFree = forbid(
  [
    'preact',
    'preact/*',
    'astro',
    'astro:*',
    'astro/*',
    'idb',
    'jspdf',
    'jspdf-autotable',
    '**/storage/*',
    '**/pdf/*',
    '**/islands/*',
  ],
  'src/domain is pure TypeScript: no DOM framework, storage, PDF or UI imports, so it runs and is tested in Node.',
);

export default defineConfig(
  {
    ignores: ['dist/**', '.astro/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'public/**'],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...astro.configs.recommended,
  {
    files: ['**/*.astro', '**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/domain/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [frameworkFree] }] },
  },
  {
    files: ['src/storage/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              ['preact', 'preact/*', 'jspdf', 'jspdf-autotable', '**/pdf/*', '**/islands/*'],
              'src/storage only persists domain records with idb; it knows nothing of the UI or the PDF.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/pdf/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              ['idb', 'preact', 'preact/*', '**/storage/*', '**/islands/*'],
              'src/pdf turns a review into PDF bytes; it never reads storage or the UI.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/islands/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              ['jspdf', 'jspdf-autotable', '**/pdf/*'],
              'Islands load the PDF code only with `await import()` when the member asks, to keep first-load JavaScript small.',
            ),
            forbid(['idb'], 'Islands receive storage through the ReviewStore interface; only src/storage touches IndexedDB.'),
          ],
          paths: [],
        },
      ],
    },
  },
  {
    files: ['src/pages/**', 'src/layouts/**', 'src/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              ['idb', 'jspdf', 'jspdf-autotable', '**/storage/*', '**/pdf/*'],
              'Pages and layouts never touch IndexedDB or jsPDF; only islands do, lazily.',
            ),
          ],
        },
      ],
    },
  },
);
