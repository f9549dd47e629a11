/**
 * The read-only directory a decision is taken against: authorities, users, legislative areas and
 * question sets. The core never loads it; callers pass a snapshot in the {@link Context}.
 *
 * @module
 */
import type { Authority } from './authorities.js'
import type { User } from './users.js'
import type { LegislativeArea, QuestionSet } from './legislative-areas.js'
import type { AuthorityId, LegislativeAreaId, QuestionSetId, UserId } from './ids.js'

/**
 * Read-only access to the directory.
 *
 * @category ports
 */
export interface Directory {
  authority(id: AuthorityId): Authority | undefined
  user(id: UserId): User | undefined
  usersOf(authority: AuthorityId): ReadonlyArray<User>
  legislativeArea(id: LegislativeAreaId): LegislativeArea | undefined
  questionSet(id: QuestionSetId): QuestionSet | undefined
  authorities(): ReadonlyArray<Authority>
}

/**
 * The data behind an in-memory {@link Directory}.
 *
 * @category model
 */
export interface DirectoryData {
  readonly authorities: ReadonlyArray<Authority>
  readonly users: ReadonlyArray<User>
  readonly legislativeAreas: ReadonlyArray<LegislativeArea>
  readonly questionSets: ReadonlyArray<QuestionSet>
}

/**
 * Builds an immutable, indexed {@link Directory} from plain data.
 *
 * @example
 * ```ts
 * import { createDirectory, LEGISLATIVE_AREAS, QUESTION_SETS } from '@imi-kit/core'
 * const directory = createDirectory({ authorities: [], users: [], legislativeAreas: LEGISLATIVE_AREAS, questionSets: QUESTION_SETS })
 * directory.authorities().length // 0
 * ```
 * @category constructors
 */
export const createDirectory = (data: DirectoryData): Directory => {
  const authorities = new Map(data.authorities.map((a) => [a.id, a]))
  const users = new Map(data.users.map((u) => [u.id, u]))
  const usersByAuthority = new Map<AuthorityId, User[]>()
  for (const u of data.users) usersByAuthority.set(u.authorityId, [...(usersByAuthority.get(u.authorityId) ?? []), u])
  const areas = new Map(data.legislativeAreas.map((l) => [l.id, l]))
  const sets = new Map(data.questionSets.map((q) => [q.id, q]))
  return {
    authority: (id) => authorities.get(id),
    user: (id) => users.get(id),
    usersOf: (id) => usersByAuthority.get(id) ?? [],
    legislativeArea: (id) => areas.get(id),
    questionSet: (id) => sets.get(id),
    authorities: () => data.authorities,
  }
}
