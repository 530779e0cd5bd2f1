// Lints the add-in with eslint-plugin-office-addins' recommended rules, which catch at lint time
// what otherwise only shows in a real Excel (reading before load and sync, sync in a loop…).
// The preset names the TypeScript parser through a default export the parser does not have, so the
// parser is given here. Formatting is not linted: the project has no Prettier style.

import officeAddins from 'eslint-plugin-office-addins';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['dist/**', 'node_modules/**'] },
  ...officeAddins.configs.recommended.map((config) => ({ ...config, files: ['addin/**/*.ts'] })),
  {
    files: ['addin/**/*.ts'],
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
