/**
 * The TSDoc examples of the retention and time API compile: each `@example` block of these modules is
 * type-checked by the TypeScript compiler as a module of its own, importing `@imi-kit/core` as a user
 * would (resolved to these sources). A renamed export, a changed signature or a wrong literal type in
 * an example fails here.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

const MODULES = ['./explain.ts', './policies.ts', './early-removal.ts', '../time/calendar.ts', '../time/brussels.ts', '../client/client.ts']

const examplesOf = (file: string): ReadonlyArray<string> => {
  const source = readFileSync(here(file), 'utf8')
  return [...source.matchAll(/@example\n \* ```ts\n((?: \*.*\n)*?) \* ```/g)].map((m) =>
    (m[1] ?? '')
      .split('\n')
      .map((l) => l.replace(/^ \* ?/, ''))
      .join('\n'),
  )
}

describe('the TSDoc examples of the retention and time API', () => {
  it('compile against @imi-kit/core', () => {
    const files = new Map<string, string>()
    for (const m of MODULES)
      examplesOf(m).forEach((code, i) => {
        // Each example is a module; a bare expression statement is fine, its value is shown in a comment.
        files.set(here(`./__example-${m.replace(/\W+/g, '-')}-${i}.ts`), `${code}\nexport {}\n`)
      })
    expect(files.size).toBeGreaterThanOrEqual(15)
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      skipLibCheck: true,
      types: [],
      baseUrl: here('../../../..'),
      paths: { '@imi-kit/core': ['./packages/core/src/index.ts'], '@imi-kit/core/testing': ['./packages/core/src/testing/index.ts'] },
    }
    const host = ts.createCompilerHost(options)
    const read = host.readFile.bind(host)
    const exists = host.fileExists.bind(host)
    host.readFile = (name) => files.get(name) ?? read(name)
    host.fileExists = (name) => files.has(name) || exists(name)
    const program = ts.createProgram([...files.keys()], options, host)
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file !== undefined && files.has(d.file.fileName))
      .map((d) => `${d.file?.fileName.replace(/.*__example-/, '')}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}\n${files.get(d.file?.fileName ?? '')}`)
    expect(problems).toEqual([])
  }, 120_000)
})
