// ESLint flat config. The second block is an architecture rule: the planner, the renderers, the
// filter/field logic and the config rules must stay pure (no file system, network, clock, randomness
// or process state), so plans are deterministic and testable without I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const pureFolders = [
  'src/plan/**',
  'src/render/**',
  'src/filter/**',
  'src/fields/**',
  'src/model/**',
  'src/config/rules/**',
  'src/config/types.ts',
  'src/config/defaults.ts',
];

const ioModules = [
  'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'http', 'node:http', 'https', 'node:https',
  'net', 'node:net', 'child_process', 'node:child_process', 'node:process', 'process', 'os', 'node:os',
  'undici', 'commander', '@googleapis/admin', 'google-auth-library', '@actions/core', '@actions/github',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'lib/**', 'dist/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly', process: 'readonly', URL: 'readonly', URLSearchParams: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly',
        fetch: 'readonly', Response: 'readonly', Request: 'readonly', Headers: 'readonly', AbortController: 'readonly',
        AbortSignal: 'readonly', Buffer: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly',
        structuredClone: 'readonly', queueMicrotask: 'readonly', setImmediate: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: pureFolders,
    rules: {
      'no-restricted-imports': ['error', {
        paths: ioModules.map((name) => ({ name, message: 'This folder is pure: no I/O. Move I/O to src/app, src/google, src/halo or the CLI.' })),
        patterns: [{
          group: ['**/google/**', '**/halo/**', '**/sandbox/**', '**/app/**', '**/cli/**', '**/action/**', '**/config/load*'],
          message: 'Pure code must not depend on I/O layers.',
        }],
      }],
      'no-restricted-globals': ['error',
        { name: 'fetch', message: 'No network in pure code.' },
        { name: 'process', message: 'No process state in pure code: pass values in.' },
        { name: 'console', message: 'Pure code returns values; the shells print.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'No clock in pure code.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No clock in pure code.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'No randomness in pure code.' },
      ],
    },
  },
);
