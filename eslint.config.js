// One lint over every source folder. eslint-plugin-office-addins' recommended set (ESLint's and
// typescript-eslint's recommended rules plus its own) applies to all TypeScript; its Office rules
// (reading before load and sync, sync in a loop…) only to the code that talks to Excel, since they
// misread exceljs cells in the service and its tests as Excel ranges. The preset names the
// TypeScript parser through a default export the parser does not have, so the parser is given here.
// Formatting is Prettier's (`npm run format`, checked by `npm run lint`); max-len catches the long
// strings and comments Prettier leaves alone.

import officeAddins from 'eslint-plugin-office-addins';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SOURCES = ['service', 'addin', 'client', 'web', 'tools', 'bench', 'scripts', 'test'].map((folder) => `${folder}/**/*.ts`);
const EXCEL_CODE = ['addin/**/*.ts'];
const officeRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.keys(config.rules ?? {}))
    .filter((rule) => rule.startsWith('office-addins/'))
    .map((rule) => [rule, 'off']),
);

export default [
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**'] },
  ...officeAddins.configs.recommended.map((config) => ({ ...config, files: SOURCES })),
  {
    files: SOURCES,
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node, Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' },
    },
    rules: {
      'prettier/prettier': 'off',
      // TypeScript checks names (npm run typecheck); the JavaScript rule does not know type-only names.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'max-len': ['error', { code: 140, ignoreUrls: true, ignoreRegExpLiterals: true }],
    },
  },
  { files: SOURCES, ignores: EXCEL_CODE, rules: officeRules },
];
