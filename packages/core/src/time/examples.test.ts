import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as time from './index.js'

/**
 * The TSDoc examples of this folder run: every example line `call(…) // 'result' (comment)` is evaluated with
 * the folder's exports in scope and must give the result it shows; every name it imports must be exported
 * from `@imi-kit/core` under that name.
 */
const examples = (file: string): ReadonlyArray<{ readonly imports: ReadonlyArray<string>; readonly lines: ReadonlyArray<{ readonly code: string; readonly result: string }> }> => {
  const source = readFileSync(new URL(file, import.meta.url), 'utf8')
  return [...source.matchAll(/@example\n \* ```ts\n((?: \*.*\n)*?) \* ```/g)].map((m) => {
    const body = (m[1] ?? '').split('\n').map((l) => l.replace(/^ \* ?/, '')).filter((l) => l.trim() !== '')
    const imports = body.filter((l) => l.startsWith('import ')).flatMap((l) => /\{([^}]*)\}/.exec(l)?.[1]?.split(',').map((s) => s.trim()) ?? [])
    const lines = body
      .filter((l) => !l.startsWith('import '))
      .map((l) => {
        const [, code = '', result = ''] = /^(.*?) \/\/ ('[^']*'|true|false)/.exec(l) ?? []
        return { code, result }
      })
    return { imports, lines }
  })
}

const scope = time as unknown as Record<string, unknown>
const run = (code: string): unknown => {
  const names = Object.keys(scope)
  return new Function(...names, `return (${code})`)(...names.map((n) => scope[n]))
}

describe('the TSDoc examples of the time functions', () => {
  for (const file of ['./calendar.ts', './brussels.ts']) {
    it(`${file}: each example gives the result it shows`, async () => {
      const core: Record<string, unknown> = await import('../index.js')
      const found = examples(file)
      expect(found.length).toBeGreaterThanOrEqual(file === './calendar.ts' ? 7 : 1)
      for (const ex of found) {
        for (const name of ex.imports) expect(core[name], `${name} is exported from @imi-kit/core`).toBeDefined()
        expect(ex.lines.length).toBeGreaterThan(0)
        for (const { code, result } of ex.lines) {
          expect(code, 'an example line with a shown result').not.toBe('')
          expect(run(code)).toBe(run(result))
        }
      }
    })
  }
})
