/**
 * Renders a procedure's statechart as a Mermaid state diagram, for the documentation.
 *
 * @module
 */
import type { AnyStateMachine } from 'xstate'

interface TransitionConfig {
  readonly target?: string
  readonly guard?: unknown
}

const guardName = (g: unknown): string | undefined => {
  if (typeof g === 'string') return g
  if (typeof g === 'function') {
    // xstate's and()/not() higher-order guards carry their arguments.
    const h = g as { name: string; guards?: ReadonlyArray<unknown> }
    const inner = (h.guards ?? []).map(guardName).filter((x): x is string => x !== undefined)
    if (h.name === 'not' && inner[0] !== undefined) return `not ${inner[0]}`
    if ((h.name === 'and' || h.name === 'or') && inner.length > 0) return inner.join(` ${h.name} `)
  }
  return undefined
}

/**
 * The Mermaid `stateDiagram-v2` source of a machine: every status and every transition, labelled
 * with its action and guards.
 *
 * @example
 * ```ts
 * import { machineToMermaid, requestMachine } from '@imi-kit/core'
 * machineToMermaid(requestMachine).startsWith('stateDiagram-v2') // true
 * ```
 * @category docs
 */
export const machineToMermaid = (machine: AnyStateMachine): string => {
  const states = (machine.config.states ?? {}) as Record<string, { on?: Record<string, TransitionConfig | ReadonlyArray<TransitionConfig>> }>
  const id = (s: string) => s.replace(/-/g, '_')
  const lines = ['stateDiagram-v2', `  [*] --> ${id(String(machine.config.initial))}`]
  for (const [name, node] of Object.entries(states)) {
    lines.push(`  ${id(name)}: ${name}`)
    for (const [action, def] of Object.entries(node.on ?? {})) {
      const branches: ReadonlyArray<TransitionConfig> = Array.isArray(def) ? def : [def as TransitionConfig]
      for (const b of branches) {
        const guard = guardName(b.guard)
        lines.push(`  ${id(name)} --> ${id(b.target ?? name)}: ${action}${guard === undefined ? '' : ` [${guard}]`}`)
      }
    }
  }
  return `${lines.join('\n')}\n`
}
