// @ts-check
/** Lint: typed rules for TypeScript, Astro files, and the import boundaries between layers. */
import astro from 'eslint-plugin-astro';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const root = new URL('..', import.meta.url).pathname;

/**
 * A forbidden group of imports. Type-only imports stay allowed across layers (`import type` costs
 * nothing at run time), so views and the PDF code share the domain's and the store's types.
 * @param {string[]} patterns @param {string} message
 */
const forbid = (patterns, message) => ({ group: patterns, message, allowTypeImports: true });

/** A folder and anything in it: '../pdf' (its index) as well as '../pdf/render'. */
const folder = (/** @type {string} */ name) => [`**/${name}`, `**/${name}/*`];

/** The import-boundary rule; typescript-eslint's version understands `import type`. */
const boundary = (/** @type {object[]} */ patterns) => ({
  'no-restricted-imports': /** @type {const} */ ('off'),
  '@typescript-eslint/no-restricted-imports': /** @type {['error', { patterns: object[] }]} */ (['error', { patterns }]),
});

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
    ...folder('storage'),
    ...folder('pdf'),
    ...folder('islands'),
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
    rules: boundary([frameworkFree]),
  },
  {
    files: ['src/storage/**'],
    rules: boundary([
      forbid(
        ['preact', 'preact/*', 'jspdf', 'jspdf-autotable', ...folder('pdf'), ...folder('islands')],
        'src/storage only persists domain records with idb; it knows nothing of the UI or the PDF.',
      ),
    ]),
  },
  {
    files: ['src/pdf/**'],
    rules: boundary([
      forbid(
        ['idb', 'preact', 'preact/*', ...folder('storage'), ...folder('islands')],
        'src/pdf turns a review into PDF bytes; it never reads storage or the UI.',
      ),
    ]),
  },
  {
    files: ['src/islands/**'],
    // The plugin's own types do not match ESLint's Plugin type (its legacy "configs"); the rules do.
    plugins: { 'react-hooks': /** @type {import('eslint').ESLint.Plugin} */ (/** @type {unknown} */ (reactHooks)) },
    rules: {
      // Preact hooks follow React's rules of hooks.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...boundary([
        forbid(
          ['jspdf', 'jspdf-autotable', ...folder('pdf')],
          'Islands load the PDF code only with `await import()` when the member asks, to keep first-load JavaScript small.',
        ),
        forbid(['idb'], 'Islands receive storage through the ReviewStore interface; only src/storage touches IndexedDB.'),
        {
          // Any storage module but the interface (storage/review-store).
          regex: '(^|/)storage(/(?!review-store$)[^/]*)?$',
          message: 'Views use storage only through the ReviewStore interface (storage/review-store); ReviewApp opens the store.',
          allowTypeImports: true,
        },
      ]),
    },
  },
  {
    // The composition root opens the store; erasing moves to a store method (issue 13 pt 2).
    files: ['src/islands/ReviewApp.tsx', 'src/islands/review/data/EraseSection.tsx'],
    rules: boundary([
      forbid(
        ['jspdf', 'jspdf-autotable', ...folder('pdf')],
        'Islands load the PDF code only with `await import()` when the member asks, to keep first-load JavaScript small.',
      ),
      forbid(['idb'], 'Islands receive storage through the ReviewStore interface; only src/storage touches IndexedDB.'),
    ]),
  },
  {
    files: ['src/pages/**', 'src/layouts/**', 'src/components/**'],
    rules: boundary([
      forbid(
        ['idb', 'jspdf', 'jspdf-autotable', ...folder('storage'), ...folder('pdf')],
        'Pages and layouts never touch IndexedDB or jsPDF; only islands do, lazily.',
      ),
    ]),
  },
);
