/**
 * The report service: generates reports on requests for a user, keeps them 30 days in the user's
 * activity panel through a {@link ReportStore}, and serves them back only to their owner, and only
 * while the owner may still see what they hold.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Actor, Viewer } from '../model/actor.js'
import { viewerOf } from '../model/actor.js'
import type { Directory } from '../model/directory.js'
import type { DomainError } from '../model/errors.js'
import { domainError } from '../model/errors.js'
import type { ExchangeId } from '../model/ids.js'
import type { ApplicationService } from '../application/service.js'
import type { Clock, ReportListing, ReportRecord, ReportStore } from '../application/ports.js'
import type { RequestPolicy } from '../procedures/request/facts.js'
import type { RequestState } from '../procedures/request/model.js'
import { REQUEST_PROCEDURE_ID } from '../procedures/request/model.js'
import { buildReport } from './build.js'
import type { ReportPermissions } from './permissions.js'
import { reportPermissions } from './permissions.js'

/**
 * The options of {@link createReportService}.
 *
 * @category reports
 */
export interface ReportServiceOptions {
  readonly app: Pick<ApplicationService, 'load'>
  readonly reports: ReportStore
  readonly directory: Directory | (() => Directory)
  readonly clock: Clock
  /** A new, unguessable report id (a random UUID in production). */
  readonly newId: () => string
  /** The operator's request policy, for the instant personal data is blocked. */
  readonly policy?: RequestPolicy
}

/**
 * Reports for signed-in users. Every answer is an `Either`; a storage failure is
 * `storage.unavailable`, never an exception.
 *
 * @category reports
 */
export interface ReportService {
  /** What `actor` may produce on an exchange now; `exchange.not-found` when they may not see it. */
  permissions(actor: Actor, exchangeId: ExchangeId): Promise<E.Either<DomainError, ReportPermissions>>
  /** Generates and stores a report; see `buildReport` for the refusals. */
  create(actor: Actor, exchangeId: ExchangeId, input: unknown): Promise<E.Either<DomainError, ReportListing>>
  /** The actor's reports that are still available: the activity panel. */
  list(actor: Actor): Promise<E.Either<DomainError, ReadonlyArray<ReportListing>>>
  /** One of the actor's reports with its document; `report.not-found` for anyone else's. */
  get(actor: Actor, reportId: string): Promise<E.Either<DomainError, ReportRecord>>
  /** Deletes one of the actor's reports. */
  delete(actor: Actor, reportId: string): Promise<E.Either<DomainError, { readonly deleted: true }>>
  /** Deletes every expired report (SRCH-REPORT-EXPIRED-DELETED); returns how many. */
  deleteExpired(): Promise<number>
}

const guarded = async <A>(call: () => Promise<A>): Promise<E.Either<DomainError, A>> => {
  try {
    return E.right(await call())
  } catch (_error) {
    return E.left(domainError('storage.unavailable', 'The storage did not answer; nothing was changed by this call'))
  }
}

const notFound = (id: ExchangeId) => domainError('exchange.not-found', `There is no exchange ${id} you may see`, undefined, { exchangeId: id })
const reportNotFound = (id: string) => domainError('report.not-found', 'There is no report of yours with that id', undefined, { reportId: id })

/**
 * Builds the report service over a report store and the application service.
 *
 * Reading a report checks again that its owner may see what it holds: a report with personal data
 * whose request's personal data has since been blocked or erased, or which its owner may no longer
 * produce, is deleted and refused (RET-BLOCKED-NO-USER-ACCESS, RET-PD-REPORTS-AFTER-PURGE); a report
 * of a request its owner may no longer see is refused.
 *
 * @example
 * ```ts
 * import { createReportService } from '@imi-kit/core'
 * // const reports = createReportService({ app, reports: storage.reports, directory, clock, newId: () => crypto.randomUUID() })
 * // await reports.create(actor, exchangeId, { kind: 'FULL_WITHOUT_PERSONAL_DATA', language: 'de' })
 * ```
 * @category reports
 */
export const createReportService = (o: ReportServiceOptions): ReportService => {
  const directory = () => (typeof o.directory === 'function' ? o.directory() : o.directory)

  const userOf = (actor: Actor): E.Either<DomainError, { readonly viewer: Viewer; readonly userId: string }> => {
    const viewer = actor.kind === 'user' ? viewerOf(directory(), actor) : undefined
    return viewer === undefined || actor.kind !== 'user'
      ? E.left(domainError('report.not-allowed', 'Only a registered user produces and reads reports', 'SRCH-REPORT-NO-ROLE'))
      : E.right({ viewer, userId: actor.userId })
  }

  /** The request the viewer may see, or `exchange.not-found` (nothing is told about others). */
  const requestFor = async (viewer: Viewer, exchangeId: ExchangeId): Promise<E.Either<DomainError, RequestState>> => {
    // The application service answers storage failures as values; it never throws.
    const loaded = await o.app.load(exchangeId)
    if (E.isLeft(loaded)) return loaded.left.code === 'storage.unavailable' ? loaded : E.left(notFound(exchangeId))
    const { procedure, state } = loaded.right
    if (procedure.view(state, viewer) === undefined) return E.left(notFound(exchangeId))
    if (procedure.id !== REQUEST_PROCEDURE_ID)
      return E.left(domainError('report.procedure-unsupported', 'Reports are produced on requests for information', 'SRCH-REPORT-KINDS', { procedure: procedure.id }))
    return E.right(state as RequestState)
  }

  /**
   * Whether the owner may still read a stored report. A report whose personal data is out of the
   * owner's reach now is deleted; one of a request the owner no longer sees is refused.
   */
  const stillReadable = async (viewer: Viewer, r: ReportListing): Promise<E.Either<DomainError, 'ok'>> => {
    const request = await requestFor(viewer, r.exchangeId)
    if (E.isLeft(request)) {
      if (request.left.code === 'storage.unavailable') return request
      return E.left(domainError('report.not-allowed', 'You may no longer see the request of this report', 'SRCH-REPORT-NO-ROLE', { reportId: r.id }))
    }
    const permissions = reportPermissions(viewer, request.right, directory(), o.clock.now(), o.policy)
    if (r.containsPersonalData && !permissions.personalData) {
      await o.reports.delete(r.id)
      const ruleId = permissions.withheld?.reason === 'blocked' ? 'RET-BLOCKED-NO-USER-ACCESS' : 'RET-PD-REPORTS-AFTER-PURGE'
      return E.left(
        domainError('report.personal-data-unavailable', 'The personal data of this report is no longer available to you; the report was deleted', ruleId, {
          reportId: r.id,
          reason: permissions.withheld?.reason,
        }),
      )
    }
    if (permissions.kinds.length === 0) return E.left(domainError('report.not-allowed', 'You may no longer see the request of this report', 'SRCH-REPORT-NO-ROLE', { reportId: r.id }))
    return E.right('ok')
  }

  return {
    permissions: async (actor, exchangeId) => {
      const user = userOf(actor)
      if (E.isLeft(user)) return user
      const request = await requestFor(user.right.viewer, exchangeId)
      return E.map((s: RequestState) => reportPermissions(user.right.viewer, s, directory(), o.clock.now(), o.policy))(request)
    },
    create: async (actor, exchangeId, input) => {
      const user = userOf(actor)
      if (E.isLeft(user)) return user
      const request = await requestFor(user.right.viewer, exchangeId)
      if (E.isLeft(request)) return request
      const built = buildReport({ state: request.right, who: user.right.viewer, directory: directory(), now: o.clock.now(), input, ...(o.policy === undefined ? {} : { policy: o.policy }) })
      if (E.isLeft(built)) return built
      const d = built.right
      const record: ReportRecord = {
        id: o.newId(),
        ownerId: user.right.userId,
        exchangeId: d.exchangeId,
        number: d.number,
        kind: d.kind,
        language: d.language,
        title: d.title,
        containsPersonalData: d.containsPersonalData,
        createdAt: d.generatedAt,
        expiresAt: d.expiresAt,
        document: d,
      }
      const saved = await guarded(() => o.reports.save(record))
      if (E.isLeft(saved)) return saved
      if (!saved.right) return E.left(notFound(exchangeId))
      const { document: _document, ...listing } = record
      return E.right(listing)
    },
    list: async (actor) => {
      const user = userOf(actor)
      if (E.isLeft(user)) return user
      const listed = await guarded(() => o.reports.listFor(user.right.userId, o.clock.now()))
      if (E.isLeft(listed)) return listed
      const out: ReportListing[] = []
      for (const r of listed.right) {
        if (!r.containsPersonalData) {
          out.push(r)
          continue
        }
        // A report whose personal data is out of its owner's reach now is deleted, not listed.
        const ok = await guarded(() => stillReadable(user.right.viewer, r))
        if (E.isLeft(ok)) return ok
        if (E.isRight(ok.right) || ok.right.left.code === 'report.not-allowed') out.push(r)
        else if (ok.right.left.code === 'storage.unavailable') return ok.right
      }
      return E.right(out)
    },
    get: async (actor, reportId) => {
      const user = userOf(actor)
      if (E.isLeft(user)) return user
      const found = await guarded(() => o.reports.get(reportId, o.clock.now()))
      if (E.isLeft(found)) return found
      const r = found.right
      if (r === undefined || r.ownerId !== user.right.userId) return E.left(reportNotFound(reportId))
      const ok = await guarded(() => stillReadable(user.right.viewer, r))
      if (E.isLeft(ok)) return ok
      return E.map((): ReportRecord => r)(ok.right)
    },
    delete: async (actor, reportId) => {
      const user = userOf(actor)
      if (E.isLeft(user)) return user
      const found = await guarded(() => o.reports.get(reportId, o.clock.now()))
      if (E.isLeft(found)) return found
      if (found.right === undefined || found.right.ownerId !== user.right.userId) return E.left(reportNotFound(reportId))
      const deleted = await guarded(() => o.reports.delete(reportId))
      if (E.isLeft(deleted)) return deleted
      return E.right({ deleted: true } as const)
    },
    deleteExpired: () => o.reports.deleteExpired(o.clock.now()),
  }
}
