/**
 * `ImiClient`: the port through which user interfaces (the web components) reach IMI on behalf of one
 * signed-in user. Two implementations: over HTTP (`@imi-kit/server-adapter/client`) and local, over an
 * application service in the same process (tests, in-browser demos, back offices).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ApplicationService } from '../application/service.js'
import type { DashboardCounts, ReportListing, ReportRecord, SearchPage, Storage } from '../application/ports.js'
import type { ReportInput } from '../reports/model.js'
import type { ReportPermissions } from '../reports/permissions.js'
import type { ReportService } from '../reports/service.js'
import type { Actor } from '../model/actor.js'
import { viewerOf } from '../model/actor.js'
import type { Directory } from '../model/directory.js'
import type { DomainError } from '../model/errors.js'
import { domainError } from '../model/errors.js'
import type { AuthorityId, ExchangeId, UserId } from '../model/ids.js'
import type { MemberState } from '../model/member-states.js'
import { listedStatus, listingScope } from '../procedure/listing.js'
import type { ActionId, ExchangeSummary, ExchangeView } from '../procedure/procedure.js'
import type { AuthorityCard, AuthorityQuery } from './authority-search.js'
import { decodeAuthorityQuery, searchAuthorities } from './authority-search.js'
import type { SearchInput } from './search-input.js'
import type { FreeText, Language } from '../i18n/languages.js'
import type { LanguagePair, MachineTranslation, Translator } from '../i18n/translation.js'
import { decodeTranslationInput, translateFreeText } from '../i18n/translation.js'
import { decodeSearchInput } from './search-input.js'

/**
 * What a command did, as a client sees it.
 *
 * @category client
 */
export interface CommandResult {
  readonly exchangeId: ExchangeId
  readonly version: number
  readonly spawned: ReadonlyArray<ExchangeId>
}

/**
 * A summary in a list, with the status as the caller sees it (see `listedStatus`).
 *
 * @category client
 */
export type ListedSummary = ExchangeSummary & { readonly displayedStatus: string }

/**
 * Who is signed in, as the elements need it: the user, their authority and its member state, and the
 * language of their system e-mails (their main working language). The system actor, which fires
 * timers, is `{ kind: 'system' }`.
 *
 * @category client
 */
export type SignedIn =
  | {
      readonly kind: 'user'
      readonly userId: UserId
      readonly authorityId: AuthorityId
      readonly firstName: string
      readonly lastName: string
      readonly language: Language
      readonly authorityName: string
      readonly memberState: MemberState
    }
  | { readonly kind: 'system' }

/**
 * Describes an actor against the directory: a user must be registered, active, and a member of the
 * authority the actor names, or the answer is `actor.unknown`.
 *
 * @example
 * ```ts
 * import { createDirectory, signedIn } from '@imi-kit/core'
 * import { U, worldData } from '@imi-kit/core/testing'
 * import * as E from 'fp-ts/lib/Either.js'
 * const directory = createDirectory(worldData())
 * const user = directory.user(U.frHandler)
 * const me = user && signedIn(directory, { kind: 'user', userId: user.id, authorityId: user.authorityId })
 * me && E.isRight(me) && me.right.kind === 'user' ? me.right.memberState : undefined // 'FR'
 * ```
 * @category client
 */
export const signedIn = (directory: Directory, actor: Actor): E.Either<DomainError, SignedIn> => {
  if (actor.kind === 'system') return E.right({ kind: 'system' })
  const user = directory.user(actor.userId)
  const authority = directory.authority(actor.authorityId)
  if (user === undefined || authority === undefined || user.authorityId !== authority.id || user.status !== 'active')
    return E.left(domainError('actor.unknown', 'The signed-in user is not an active user of that authority'))
  return E.right({
    kind: 'user',
    userId: user.id,
    authorityId: authority.id,
    firstName: user.firstName,
    lastName: user.lastName,
    language: user.language,
    authorityName: authority.name,
    memberState: authority.memberState,
  })
}

/** A page of a search as a client sees it. @category client */
export interface ListedPage {
  readonly items: ReadonlyArray<ListedSummary>
  readonly next?: string
}

/**
 * The operations a user interface needs, for one signed-in user. Every answer is an `Either`: a
 * refusal is a value carrying the rule that refuses, never an exception.
 *
 * @category client
 */
export interface ImiClient {
  /**
   * Who is signed in: the user, their authority and member state, so that the elements need no
   * `authority` or `member-state` attribute. Absent on clients that cannot tell.
   */
  me?(): Promise<E.Either<DomainError, SignedIn>>
  /** Runs a command of any registered procedure (creation included). */
  execute(command: unknown): Promise<E.Either<DomainError, CommandResult>>
  /** What the user may see of an exchange. */
  view(exchangeId: ExchangeId): Promise<E.Either<DomainError, ExchangeView>>
  /** The actions the user may take on an exchange now: the toolbar. */
  actions(exchangeId: ExchangeId): Promise<E.Either<DomainError, ReadonlyArray<ActionId>>>
  search(input: SearchInput): Promise<E.Either<DomainError, ListedPage>>
  dashboard(): Promise<E.Either<DomainError, DashboardCounts>>
  /** Exchanges waiting for the user's action, drafts of its authority included. */
  actionList(): Promise<E.Either<DomainError, ReadonlyArray<ListedSummary>>>
  /** The directory of competent authorities. */
  authorities(query: AuthorityQuery): Promise<E.Either<DomainError, ReadonlyArray<AuthorityCard>>>
  /**
   * The machine translation of a free text into `to`, from the language the text declares
   * (I18N-MT-SOURCE-TAG), for supported pairs only (I18N-MT-PAIRS). Absent when the portal has no
   * translator (I18N-MT-PORT).
   */
  translate?(text: FreeText, to: Language): Promise<E.Either<DomainError, MachineTranslation>>
  /** The language pairs machine translation is offered for (I18N-MT-PAIRS). */
  translationPairs?(): Promise<E.Either<DomainError, ReadonlyArray<LanguagePair>>>
  /** The report kinds and parts the user may produce on a request now (spec §6.16). Absent where reports are not kept. */
  reportOptions?(exchangeId: ExchangeId): Promise<E.Either<DomainError, ReportPermissions>>
  /** Generates a report on a request and keeps it 30 days in the user's activity panel (SRCH-REPORT-30-DAYS). */
  createReport?(exchangeId: ExchangeId, input: ReportInput): Promise<E.Either<DomainError, ReportListing>>
  /** The user's reports still available: the activity panel. */
  reports?(): Promise<E.Either<DomainError, ReadonlyArray<ReportListing>>>
  /** One of the user's reports, with its document. */
  report?(reportId: string): Promise<E.Either<DomainError, ReportRecord>>
  /** Deletes one of the user's reports. */
  deleteReport?(reportId: string): Promise<E.Either<DomainError, { readonly deleted: true }>>
}

/**
 * The options of {@link createLocalImiClient}.
 *
 * @category client
 */
export interface LocalClientOptions {
  readonly app: ApplicationService
  readonly storage: Storage
  readonly directory: Directory | (() => Directory)
  readonly clock: { now(): Date }
  /** The signed-in user. */
  readonly actor: Actor
  /** The machine-translation service (I18N-MT-PORT); without it the client offers no translation. */
  readonly translator?: Translator
  /** The language pairs the translator supports (I18N-MT-PAIRS); none when absent. */
  readonly translationPairs?: ReadonlyArray<LanguagePair>
  /** The report service (see `createReportService`); without it the client offers no reports. */
  readonly reports?: ReportService
}

/**
 * An {@link ImiClient} over an application service in the same process.
 *
 * @example
 * ```ts
 * import { createLocalImiClient } from '@imi-kit/core'
 * // const client = createLocalImiClient({ app, storage, directory, clock, actor })
 * // await client.dashboard()
 * ```
 * @category client
 */
export const createLocalImiClient = (o: LocalClientOptions): ImiClient => {
  const directory = () => (typeof o.directory === 'function' ? o.directory() : o.directory)
  const scope = () => {
    const viewer = viewerOf(directory(), o.actor)
    if (viewer === undefined) return E.left(domainError('actor.unknown', 'The acting user is not registered with that authority'))
    const s = listingScope(viewer)
    return s === undefined ? E.left(domainError('listing.no-scope', 'This user lists no exchange')) : E.right(s)
  }
  const guarded = async <A>(f: () => Promise<A>): Promise<E.Either<DomainError, A>> => {
    try {
      return E.right(await f())
    } catch {
      return E.left(domainError('storage.unavailable', 'The storage did not answer; nothing was changed by this call'))
    }
  }
  return {
    execute: async (command) =>
      E.map((r: { exchangeId: ExchangeId; version: number; spawned: ReadonlyArray<ExchangeId> }) => ({ exchangeId: r.exchangeId, version: r.version, spawned: r.spawned }))(
        await o.app.execute(o.actor, command),
      ),
    view: (id) => o.app.view(o.actor, id),
    actions: (id) => o.app.availableActions(o.actor, id),
    search: async (input) => {
      const decoded = decodeSearchInput(input)
      if (E.isLeft(decoded)) return decoded
      const s = scope()
      if (E.isLeft(s)) return s
      const page = await guarded<SearchPage>(() => o.storage.projections.search({ ...decoded.right, scope: s.right }))
      return E.map((p: SearchPage) => ({ ...p, items: p.items.map((i) => ({ ...i, displayedStatus: listedStatus(i, s.right) })) }))(page)
    },
    dashboard: async () => {
      const s = scope()
      if (E.isLeft(s)) return s
      return guarded(() => o.storage.projections.dashboard(s.right, o.clock.now()))
    },
    actionList: async () => {
      const s = scope()
      const listed = await o.app.actionList(o.actor)
      if (E.isLeft(listed)) return listed
      return E.right(listed.right.map((i) => ({ ...i, displayedStatus: E.isRight(s) ? listedStatus(i, s.right) : i.status })))
    },
    authorities: async (query) => E.map((q: AuthorityQuery) => searchAuthorities(directory(), q))(decodeAuthorityQuery(query)),
    me: async () => signedIn(directory(), o.actor),
    ...(o.translator === undefined ? {} : translationOf(o.translator, o.translationPairs ?? [])),
    ...(o.reports === undefined ? {} : reportsOf(o.reports, o.actor)),
  }
}

/** The report operations of a local client over a report service. */
const reportsOf = (reports: ReportService, actor: Actor): Required<Pick<ImiClient, 'reportOptions' | 'createReport' | 'reports' | 'report' | 'deleteReport'>> => ({
  reportOptions: (exchangeId) => reports.permissions(actor, exchangeId),
  createReport: (exchangeId, input) => reports.create(actor, exchangeId, input),
  reports: () => reports.list(actor),
  report: (reportId) => reports.get(actor, reportId),
  deleteReport: (reportId) => reports.delete(actor, reportId),
})

/** The translation operations of a local client over a translator. */
const translationOf = (translator: Translator, pairs: ReadonlyArray<LanguagePair>): Required<Pick<ImiClient, 'translate' | 'translationPairs'>> => ({
  translate: async (text, to) => {
    const input = decodeTranslationInput({ text: text.text, language: text.language, to })
    if (E.isLeft(input)) return input
    try {
      return await translateFreeText(translator, { pairs }, { text: input.right.text, language: input.right.language }, input.right.to)
    } catch {
      return E.left(domainError('translation.unavailable', 'The translation service did not answer'))
    }
  },
  translationPairs: async () => E.right(pairs),
})
