// Lint for what bites: unhandled promises, non-exhaustive switches, loose equality.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // The portal's generated client, static files and build config are not ours to lint; its page objects
  // (Playwright, Node) are checked through the browser tests that import them.
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '*.js', '*.mjs', 'apps/portal/src/shared/api/schema.ts', 'apps/portal/public/**', 'apps/portal/*.{mjs,mts}', 'apps/portal/**/*.page.ts', 'apps/portal/src/**/catalogue-for-tests.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // Tests read loosely typed JSON bodies.
  { files: ['tests/**/*.ts', '**/*.spec.ts'], rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off' } },
  // Playwright reads a fixture's dependencies from its first parameter: one without any must take `{}`.
  { files: ['tests/browser/**/*.ts'], rules: { 'no-empty-pattern': 'off' } },
  // The portal: the rules of hooks as well.
  { files: ['apps/portal/src/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: { ...reactHooks.configs.recommended.rules } },
);
