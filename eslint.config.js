// Lint rules: the recommended sets, type-aware, plus the few habits STYLE.md asks for.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'test-results/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      // We match control characters on purpose: refusing them is part of validating input.
      'no-control-regex': 'off',
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/config.ts.' }],
    },
  },
  {
    files: ['src/config.ts', 'test/**', 'bench/**', 'scripts/**', '**/*.test.ts', '**/*.test.tsx', 'vitest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  { files: ['*.js'], ...tseslint.configs.disableTypeChecked },
  {
    // The browser's small enhancement script: plain JavaScript, browser globals.
    files: ['src/public/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions, sourceType: 'script',
      globals: {
        document: 'readonly', window: 'readonly', HTMLFormElement: 'readonly', HTMLInputElement: 'readonly', Element: 'readonly',
        Event: 'readonly', fetch: 'readonly', URLSearchParams: 'readonly', AbortController: 'readonly',
        localStorage: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
      },
    },
  },
);
