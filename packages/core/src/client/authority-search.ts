/**
 * The directory of competent authorities as users search it (spec §2; every user may search
 * registered competent authorities with basic rights): public data only, never users.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import type { AccessStatus, AlertWorkflowRole, LegislativeAreaRole, RequestWorkflowRole } from '../model/authorities.js'
import type { Directory } from '../model/directory.js'
import type { DomainError } from '../model/errors.js'
import { invalidInput } from '../model/errors.js'
import type { AuthorityId, LegislativeAreaId } from '../model/ids.js'
import type { MemberState } from '../model/member-states.js'
import type { FreeText, Language, LocalizedText } from '../i18n/languages.js'

/**
 * What the directory shows of an authority.
 *
 * @category client
 */
export interface AuthorityCard {
  readonly id: AuthorityId
  readonly name: string
  readonly memberState: MemberState
  readonly region?: string
  readonly languages: ReadonlyArray<Language>
  /** The informal name in every official language (I18N-AUTHORITY-INFORMAL-NAME). */
  readonly informalName?: LocalizedText
  /** The description, in the authority's own language, which it declares (I18N-DESCRIPTION-LANGUAGE). */
  readonly description?: FreeText
  readonly areas: ReadonlyArray<{
    readonly legislativeArea: LegislativeAreaId
    readonly role: LegislativeAreaRole
    readonly request?: RequestWorkflowRole
    readonly alert?: AlertWorkflowRole
    readonly incomingAlertMailbox?: boolean
  }>
}

const Short = t.refinement(t.string, (s) => s.length <= 200, 'ShortString')

/** Codec of {@link AuthorityQuery}. @category codecs */
export const AuthorityQueryCodec = t.readonly(
  t.partial({
    text: Short,
    memberState: Short,
    legislativeArea: Short,
    workflow: t.keyof({ request: null, alert: null }),
    limit: t.refinement(t.number, (n) => Number.isInteger(n) && n >= 1 && n <= 200, 'Limit (1-200)'),
  }),
  'AuthorityQuery',
)

/** A search of the directory. @category client */
export type AuthorityQuery = t.TypeOf<typeof AuthorityQueryCodec>

const active = (s: AccessStatus) => s === 'active'

/**
 * The active authorities matching a query, by name: a case-insensitive part of the name, a member
 * state, a legislative area, a workflow. At most `limit` (default 50).
 *
 * @example
 * ```ts
 * import { searchAuthorities } from '@imi-kit/core'
 * import { world } from '@imi-kit/core/testing'
 * searchAuthorities(world(), { memberState: 'DE', workflow: 'alert' })
 * ```
 * @category client
 */
export const searchAuthorities = (directory: Directory, query: AuthorityQuery): ReadonlyArray<AuthorityCard> => {
  const text = query.text?.trim().toLowerCase()
  const out: AuthorityCard[] = []
  for (const a of directory.authorities()) {
    if (!active(a.status)) continue
    if (query.memberState !== undefined && a.memberState !== query.memberState) continue
    if (text !== undefined && text !== '' && !a.name.toLowerCase().includes(text)) continue
    const areas = a.access
      .filter((l) => active(l.status) && (query.legislativeArea === undefined || l.legislativeArea === query.legislativeArea))
      .filter((l) => query.workflow === undefined || (query.workflow === 'request' ? l.request?.status === 'active' : l.alert?.status === 'active'))
    if (areas.length === 0) continue
    out.push({
      id: a.id,
      name: a.name,
      memberState: a.memberState,
      ...(a.region === undefined ? {} : { region: a.region }),
      languages: a.languages,
      ...(a.informalName === undefined ? {} : { informalName: a.informalName }),
      ...(a.description === undefined ? {} : { description: a.description }),
      areas: areas.map((l) => ({
        legislativeArea: l.legislativeArea,
        role: l.role,
        ...(l.request?.status === 'active' ? { request: l.request.role } : {}),
        ...(l.alert?.status === 'active' ? { alert: l.alert.role, incomingAlertMailbox: l.alert.role === 'alert-coordinator' && l.alert.incomingMailbox } : {}),
      })),
    })
  }
  return out.sort((x, y) => x.name.localeCompare(y.name)).slice(0, query.limit ?? 50)
}

/** Validates a directory search. @category client */
export const decodeAuthorityQuery = (u: unknown): E.Either<DomainError, AuthorityQuery> => {
  const d = AuthorityQueryCodec.decode(u)
  return E.isLeft(d) ? E.left(invalidInput('authority-query', d.left)) : E.right(d.right)
}
