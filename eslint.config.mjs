import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.run/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // antd's heavy components are shared apart, each by its path (frontends/webpack.common.js,
    // `heavyAntdComponents`), so that no first page downloads them.
    files: [
      'frontends/*/src/**/*.{ts,tsx}',
      'packages/ui/src/**/*.{ts,tsx}',
      'packages/entry-ui/src/**/*.{ts,tsx}',
      'packages/consultation-ui/src/**/*.{ts,tsx}',
      'packages/question-ui/src/**/*.{ts,tsx}',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'antd',
              importNames: [
                'Table',
                'DatePicker',
                'Tree',
                'Tabs',
                'Steps',
                'Descriptions',
                'Pagination',
                'List',
                'Drawer',
                'Popconfirm',
                'Form',
                'Select',
              ],
              allowTypeImports: true,
              message:
                "Import it by its path (import Table from 'antd/es/table'): it is shared apart, off the first page.",
            },
          ],
        },
      ],
    },
  },
);
