// @ts-check
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Node built-ins the core may not import: it performs no I/O and reads no clock, process or host.
const nodeBuiltins = [
  'fs', 'path', 'crypto', 'http', 'https', 'net', 'os', 'child_process', 'worker_threads',
  'process', 'url', 'util', 'stream', 'events', 'timers', 'buffer', 'dns', 'tls', 'zlib',
  'perf_hooks', 'readline', 'cluster', 'vm', 'v8',
]
const impure = 'The core is pure: time, ids and randomness come in through the context; I/O lives in the adapters.'
// fp-ts has no exports map: 'fp-ts/Either' resolves in bundlers and TypeScript but not in Node's
// ESM loader, so the published packages would fail to load. 'fp-ts/lib/Either.js' works everywhere.
const fpTsDeepImports = { group: ['fp-ts/*', '!fp-ts/lib'], message: "Import fp-ts modules as 'fp-ts/lib/<Module>.js'." }

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    'docs/api/',
    '**/coverage/',
    '**/test-output/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    rules: {
      'no-restricted-imports': ['error', { patterns: [fpTsDeepImports] }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  // Tooling scripts and config files run on Node.
  {
    files: ['**/*.{js,mjs,cjs}', 'scripts/**', '**/*.config.ts'],
    languageOptions: { globals: globals.node },
  },

  // Purity of @imi-kit/core (tests are exempt: they may use Node and real timers).
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: impure })),
          patterns: [
            fpTsDeepImports,
            { group: ['node:*'], message: impure },
            { group: nodeBuiltins.map((name) => `${name}/*`), message: impure },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: `Take the time from the context. ${impure}` },
        { object: 'Math', property: 'random', message: `Take randomness from the context. ${impure}` },
        { object: 'performance', property: 'now', message: impure },
        { object: 'crypto', property: 'randomUUID', message: `Take ids from the context. ${impure}` },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'setTimeout', 'setInterval', 'fetch', 'require'].map((name) => ({
          name,
          message: impure,
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: `new Date() reads the clock: take the time from the context. ${impure}`,
        },
        {
          selector: "CallExpression[callee.name='Date']",
          message: `Date() reads the clock: take the time from the context. ${impure}`,
        },
      ],
    },
  },
])
