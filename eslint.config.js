// Lint rules: type-checked TypeScript, the layer boundaries of docs/architecture.md, and no import
// cycle among src/ files (import-x/no-cycle; test/unit/architecture.test.ts also sees cycles made
// only of `import type`).
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const layer = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
});

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'coverage', 'bin', 'dist', 'scripts', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      // Without these, import-x reads only .js files and sees no edge between our modules.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false } },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  layer(
    ['src/domain/**'],
    [
      '**/services/**',
      '**/storage/**',
      '**/http/**',
      '**/views/**',
      '**/cli/**',
      '**/jobs/**',
      'kysely',
      'pg',
      '@electric-sql/*',
      'hono',
      'hono/*',
      'node:fs',
      'node:fs/*',
    ],
    'domain/ is pure: it imports nothing outside itself',
  ),
  layer(
    ['src/storage/**'],
    ['**/services/**', '**/http/**', '**/views/**', '**/cli/**'],
    'storage/ is below services',
  ),
  layer(
    ['src/services/**'],
    ['**/http/**', '**/views/**', '**/cli/**'],
    'services/ do not know about HTTP, views or the CLI',
  ),
  layer(
    ['src/views/**'],
    ['**/services/**', '**/storage/**', '**/http/**', '**/cli/**', '**/jobs/**', 'kysely'],
    'views take view models defined beside them or domain types: no services, storage or HTTP',
  ),
  layer(
    ['src/i18n/**'],
    ['**/services/**', '**/storage/**', '**/http/**', '**/views/**', '**/cli/**', '**/jobs/**'],
    'the i18n catalogue depends only on domain types',
  ),
  layer(
    ['src/demo/**'],
    ['**/storage/**', '**/http/**', '**/views/**', '**/cli/**', 'kysely'],
    'the demo loads its data through services',
  ),
  layer(
    ['src/exports/**'],
    ['**/services/**', '**/storage/**', '**/http/**', '**/views/**', '**/cli/**', 'kysely'],
    'exports/ write tables of domain values: they never read the database or call services',
  ),
  layer(
    ['src/http/**', 'src/cli/**', 'src/jobs/**'],
    ['**/storage/*.repository*', 'kysely'],
    'routes, CLI and jobs call services',
  ),
  // Business time (today, deadlines, survey windows, the time a row records) comes from the one
  // injected clock (src/clock.ts, ADR 0019), so tests can fix it (exports too: an .xlsx is dated). Process time that is not
  // business time (cache expiry, intervals, elapsed seconds) is allowed line by line, each
  // exemption with `eslint-disable-next-line no-restricted-syntax -- <why>`.
  {
    files: [
      'src/services/**',
      'src/storage/**',
      'src/http/**',
      'src/jobs/**',
      'src/demo/**',
      'src/cli/**',
      'src/exports/**',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message:
            'Read the time from the injected clock (services.clock / ServiceContext.clock, src/clock.ts), not new Date()',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message:
            'Read the time from the injected clock (services.clock / ServiceContext.clock, src/clock.ts), not Date.now()',
        },
      ],
    },
  },
  // Browser scripts served from public/ (plain ES5 with the browser's globals; no type info).
  {
    files: ['public/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        URLSearchParams: 'readonly',
        FormData: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
