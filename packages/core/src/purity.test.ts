import { ESLint } from 'eslint'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const eslint = new ESLint({ cwd: root })
const PURITY_RULES = new Set(['no-restricted-imports', 'no-restricted-properties', 'no-restricted-globals', 'no-restricted-syntax'])

const purityViolations = async (code: string, file = 'packages/core/src/procedures/example.ts') => {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` })
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && PURITY_RULES.has(m.ruleId))
}

describe('the core is pure', () => {
  it('has no impure call or import in any of its source files', async () => {
    const results = await eslint.lintFiles(['packages/core/src/**/*.ts'])
    const impure = results.flatMap((r) => r.messages.filter((m) => m.ruleId !== null && PURITY_RULES.has(m.ruleId)).map((m) => `${r.filePath}:${m.line} ${m.message}`))
    expect(results.length).toBeGreaterThan(20)
    expect(impure).toEqual([])
  })

  it.each([
    ['Date.now()', 'export const t = Date.now()'],
    ['new Date()', 'export const t = new Date()'],
    ['Math.random()', 'export const r = Math.random()'],
    ['crypto.randomUUID()', 'export const r = crypto.randomUUID()'],
    ['a node: import', "import { readFileSync } from 'node:fs'\nexport const f = readFileSync"],
    ['a bare built-in import', "import { join } from 'path'\nexport const j = join"],
    ['process', 'export const e = process.env'],
    ['setTimeout', 'setTimeout(() => undefined, 1)'],
  ])('refuses %s in core source', async (_name, code) => {
    expect((await purityViolations(code)).length).toBeGreaterThan(0)
  })

  it('lets the same code pass outside the core', async () => {
    expect(await purityViolations('export const t = Date.now()', 'packages/storage-adapters/src/x.ts')).toEqual([])
  })
})
