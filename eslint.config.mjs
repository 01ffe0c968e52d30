// Lint: typescript-eslint's recommended type-aware rules, with formatting left to prettier.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Unused names fail the build already (tsconfig noUnusedLocals); `_` marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      // An implementation of a promise-returning interface is async whether or not it awaits.
      '@typescript-eslint/require-await': 'off',
      // botbuilder's ActivityTypes are string enums compared with the activity's plain string type.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  {
    // expect(object.method) and jest's mocks pass methods around without calling them.
    files: ['test/**/*.ts'],
    // botbuilder's StoreItems and jest's asymmetric matchers (expect.any) are typed any.
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  prettier,
);
