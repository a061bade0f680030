import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'apps/web/**', '*.js', '*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/unbound-method': 'off',
      eqeqeq: 'error',
      curly: 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@app/*/src/*', '@app/*/src'], message: 'Import libs through their barrel (@app/<lib>).' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox and is bundled through relative paths: only the
    // workflow SDK and this lib's pure files (type-only imports are erased). See libs/workflows/README.md.
    files: [
      'libs/workflows/src/temporal/*.workflow.ts',
      'libs/workflows/src/temporal/workflows.ts',
      'libs/workflows/src/temporal/workflow-ids.ts',
      'libs/workflows/src/temporal/workflow-support.ts',
      'libs/workflows/src/policy/**/*.ts',
      'test/temporal/recorder.interceptors.ts',
      'test/temporal/variants/*.workflow.ts',
    ],
    ignores: ['**/*.spec.ts', 'libs/workflows/src/policy/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.{1,2}/|@temporalio/workflow$)',
              allowTypeImports: true,
              message:
                'Workflow code imports only @temporalio/workflow and relative pure files of libs/workflows: no Node built-ins, no other packages.',
            },
          ],
        },
      ],
    },
  },
);
