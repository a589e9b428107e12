// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layer rules of ../shared/DESIGN.md §1, enforced here (not by memory). Each entry:
 * which files, which imports are forbidden, and why. scripts/lint-rules.test.ts proves each
 * one fails lint on a file that breaks it.
 */
const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const noNode = {
  group: ['node:*'],
  message: 'Node built-ins run only on the Node side (electron/).',
};
const noElectronDir = {
  regex: '(^|/)electron/',
  message: 'Reach the Node side through the API contract (shared/api), not by importing electron/.',
};

/** Forbid `require('electron')` / `import('electron')` too, which no-restricted-imports misses. */
const noElectronSyntax = [
  {
    selector: "CallExpression[callee.name='require'][arguments.0.value='electron']",
    message: 'electron may only be required in electron/main and electron/preload.',
  },
  {
    selector: "ImportExpression[source.value='electron']",
    message: 'electron may only be imported in electron/main and electron/preload.',
  },
];

const layerRules = [
  {
    name: 'layers/shared',
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ is imported by every layer: no electron here.' },
            { name: 'vue', message: 'shared/ stays framework-free: no vue here.' },
            { name: 'pinia', message: 'shared/ stays framework-free: no pinia here.' },
            ...NODE_BUILTINS.map((name) => ({
              name,
              message: 'shared/ also runs in the page: no Node built-ins.',
            })),
          ],
          patterns: [
            noNode,
            {
              regex: '(^|/)(electron|renderer)/',
              message: 'shared/ imports nothing from the other folders.',
            },
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...noElectronSyntax],
    },
  },
  {
    name: 'layers/core',
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'electron/core runs on plain Node: inject Electron services as interfaces (Cipher, FileDialog, FeedSink).',
            },
          ],
          patterns: [
            {
              regex: '(^|/)(main|preload|web|cli)/|(^|/)renderer/',
              message: 'electron/core is the bottom layer: the faces import it, never the reverse.',
            },
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...noElectronSyntax],
    },
  },
  {
    name: 'layers/renderer',
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer talks only to `api` (renderer/src/api.ts).',
            },
            ...NODE_BUILTINS.map((name) => ({
              name,
              message: 'The renderer is a sandboxed page: no Node built-ins.',
            })),
          ],
          patterns: [noNode, noElectronDir],
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...noElectronSyntax,
        {
          // electronegativity (npm test) scans the minified page: a renamed function it cannot
          // resolve, passed to a timer, reads to it as code in a string (DANGEROUS_FUNCTIONS_JS_CHECK).
          selector:
            "CallExpression[callee.name=/^(setTimeout|setInterval)$/][arguments.0.type='Identifier']",
          message: 'Pass the timer an arrow, not a function name (the security scan of the build).',
        },
      ],
    },
  },
  {
    name: 'layers/preload',
    files: ['electron/preload/**/*.ts'],
    ignores: ['electron/preload/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Allowed: `electron`, files beside it (./x) and shared/ (../../shared/...).
              regex: '^(?!electron$)(?!\\./)(?!\\.\\./\\.\\./shared/)',
              message: 'The sandboxed preload may import only electron and shared/.',
            },
          ],
        },
      ],
    },
  },
];

/**
 * Test code stays out of the product (CONTRIBUTING.md, "Conventions"): files in electron/,
 * renderer/ and shared/ that are not tests import no test runner, test-only package or
 * tests/ helper, so nothing a test needs can end up in the build. A separate rule from the
 * layer rules' `no-restricted-imports`, because flat config replaces — not merges — a rule's
 * options when two blocks match the same file. scripts/lint-rules.test.ts proves it bites.
 */
const TEST_ONLY =
  'is test-only: import it from *.test.ts / *.spec.ts files and tests/, never from product code.';
const noTestCodeInProduct = {
  name: 'tests/not-in-product',
  files: ['electron/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.vue', 'shared/**/*.ts'],
  ignores: ['**/*.test.ts', '**/*.spec.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: [
          'vitest',
          'selfsigned',
          'fast-check',
          'playwright-core',
          '@vue/test-utils',
          'happy-dom',
        ].map((name) => ({ name, message: `${name} ${TEST_ONLY}` })),
        patterns: [
          {
            group: ['vitest/*', '@vitest/*', '@fast-check/*', 'playwright-core/*', 'selfsigned/*'],
            message: `This package ${TEST_ONLY}`,
          },
          {
            regex: '(^|/)tests/',
            message: `tests/ ${TEST_ONLY}`,
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'coverage/**',
      '.vitest/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Every user-visible text goes through vue-i18n (renderer/src/i18n), in every component.
    name: 'i18n/no-bare-strings',
    files: ['renderer/src/**/*.vue'],
    rules: {
      'vue/no-bare-strings-in-template': [
        'error',
        {
          // Symbols used as icons (each button also has an aria-label) and punctuation.
          allowlist: [
            '▶',
            '✎',
            '⋯',
            '✕',
            '＋',
            '⧉',
            '🗑',
            '⚙',
            '◉',
            '…',
            '·',
            '(',
            ')',
            ':',
            '—',
            '-',
            '/',
            '#',
            '?',
            '⟳',
            '⇩',
            '↻',
            '⤡',
            '⤢',
          ],
        },
      ],
    },
  },
  ...layerRules,
  noTestCodeInProduct,
);
