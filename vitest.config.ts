import { fileURLToPath } from 'node:url'
import type { Reporter, TestModule } from 'vitest/node'
import { defineConfig } from 'vitest/config'

const source = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

// After vitest's own summary, one closing line in the form CI reads from any runner:
// `vitest: 120 passed, 0 failed, 3 skipped`.
const summaryLine: Reporter = {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const testModule of testModules) {
      for (const testCase of testModule.children.allTests()) {
        const { state } = testCase.result()
        if (state === 'passed') passed += 1
        else if (state === 'failed') failed += 1
        else skipped += 1
      }
      // A file that failed to load (syntax error, failing import) has no tests, yet it failed.
      if (testModule.state() === 'failed' && testModule.children.size === 0) failed += 1
    }
    process.stdout.write(`vitest: ${passed} passed, ${failed} failed, ${skipped} skipped\n`)
  },
}

export default defineConfig({
  resolve: {
    // Tests run on the workspace sources, never on a stale dist/.
    alias: [
      { find: /^@imi-kit\/core$/, replacement: source('./packages/core/src/index.ts') },
      { find: /^@imi-kit\/core\/testing$/, replacement: source('./packages/core/src/testing/index.ts') },
      {
        find: /^@imi-kit\/storage-adapters$/,
        replacement: source('./packages/storage-adapters/src/index.ts'),
      },
      {
        find: /^@imi-kit\/storage-adapters\/contract$/,
        replacement: source('./packages/storage-adapters/src/contract/storage-contract.ts'),
      },
      { find: /^@imi-kit\/server-adapter$/, replacement: source('./packages/server-adapter/src/index.ts') },
      { find: /^@imi-kit\/server-adapter\/client$/, replacement: source('./packages/server-adapter/src/client/index.ts') },
    ],
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'examples/**/*.test.ts',
      'docs/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**', 'docs/api/**'],
    // PGlite suites take ~4 s to create a database, more under a parallel run.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', summaryLine],
  },
})
