import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The engine's determinism contract (ARCHITECTURE.md): randomness and time are arguments.
const determinism = {
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'Use the seeded Rng from src/core/rng (determinism contract).' },
    { object: 'Date', property: 'now', message: 'The engine never reads the wall clock; take time from the simulated clock.' },
    { object: 'performance', property: 'now', message: 'The engine never reads the wall clock.' },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'new Date() reads the wall clock; pass an explicit instant.',
    },
  ],
  'no-restricted-globals': ['error', { name: 'crypto', message: 'Use the seeded id streams in src/core/ids.' }],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/results', 'out', 'build', 'dist-*', '.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // advice for the React Compiler, which this project does not use (TanStack Virtual is fine without it)
      'react-hooks/incompatible-library': 'off',
    },
  },
  { files: ['src/core/**/*.ts'], ignores: ['src/core/**/*.test.ts'], rules: determinism },
);
