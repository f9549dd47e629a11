/**
 * Decoding of commands at the boundary, shared by the application service and the test harness.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { DomainError } from '../model/errors.js'
import { domainError, invalidInput } from '../model/errors.js'
import type { AnyProcedure, ProcedureRegistry } from '../procedure/procedure.js'

/**
 * Validates a command with its procedure's codec. A missing or empty justification is the rule that
 * justifications are mandatory (REQ-JUSTIFICATION-REQUIRED), and the error says so.
 *
 * @category application
 */
export const decodeCommand = (
  procedure: AnyProcedure,
  input: unknown,
): E.Either<DomainError, { readonly type: string; readonly exchangeId?: string }> => {
  const decoded = procedure.commands.decode(input)
  if (E.isRight(decoded)) return E.right(decoded.right as { type: string; exchangeId?: string })
  const error = invalidInput('command', decoded.left)
  const problems = (error.details?.problems ?? []) as ReadonlyArray<{ path: string }>
  return E.left(problems.some((p) => p.path.split('.').includes('justification')) ? { ...error, ruleId: 'REQ-JUSTIFICATION-REQUIRED' } : error)
}

/**
 * Finds the procedure of a command by its `type` and decodes the command with it.
 *
 * @category application
 */
export const decodeRegisteredCommand = (
  registry: ProcedureRegistry,
  input: unknown,
): E.Either<DomainError, { readonly procedure: AnyProcedure; readonly command: { readonly type: string; readonly exchangeId?: string } }> => {
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined
  const procedure = typeof type === 'string' ? registry.forAction(type) : undefined
  if (procedure === undefined)
    return E.left(domainError('command.unknown', 'The command type is unknown', undefined, { type: typeof type === 'string' ? type.slice(0, 100) : null }))
  return E.map((command: { readonly type: string; readonly exchangeId?: string }) => ({ procedure, command }))(decodeCommand(procedure, input))
}
