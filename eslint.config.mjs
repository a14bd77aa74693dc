// Lint for what bites: unhandled promises, non-exhaustive switches, loose equality.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // The portal (React, its own tsconfig) is not part of the API's type check and lint.
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '*.js', '*.mjs', 'apps/portal/**'] },
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
);
