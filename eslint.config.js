// Lints the add-in with eslint-plugin-office-addins' recommended rules, which catch at lint time
// what otherwise only shows in a real Excel (reading before load and sync, sync in a loop…). The
// shared service client and the web page are linted with the same rules, as one lint.
// The preset names the TypeScript parser through a default export the parser does not have, so the
// parser is given here. Formatting is not linted: the project has no Prettier style.

import officeAddins from 'eslint-plugin-office-addins';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const BROWSER_CODE = ['addin/**/*.ts', 'client/**/*.ts', 'web/**/*.ts'];

export default [
  { ignores: ['dist/**', 'node_modules/**'] },
  ...officeAddins.configs.recommended.map((config) => ({ ...config, files: BROWSER_CODE })),
  {
    files: BROWSER_CODE,
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' },
    },
    rules: {
      'prettier/prettier': 'off',
      // TypeScript checks names (npm run typecheck); the JavaScript rule does not know type-only names.
      'no-undef': 'off',
    },
  },
];
