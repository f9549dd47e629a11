import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const guide = readFileSync(new URL('../../../docs/guides/web-components.md', import.meta.url), 'utf8')

describe('guide: web components in React, Vue and Angular', () => {
  it.each([
    ['react.tsx', 'tsx'],
    ['vue.ts', 'ts'],
    ['angular.ts', 'ts'],
  ])('prints %s in the guide exactly as the suite compiles it', (file, language) => {
    const code = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8').trim()
    expect(guide).toContain(`\`\`\`${language}\n${code}\n\`\`\``)
  })
})
