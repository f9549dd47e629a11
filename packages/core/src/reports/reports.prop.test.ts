/**
 * A law of request reports over random command sequences: for random request states reached by
 * random commands of random users (the toolbar steering most steps, the system blocking and erasing
 * personal data now and then), and for random viewers, a report of any kind the viewer is allowed
 * never contains a personal value that the viewer's own view hides, and a kind without personal data
 * contains none at all.
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Actor, AuthorityId, ExchangeId, ReportKind, ReportPart, RequestAction, RequestState, UserId, Viewer } from '../index.js'
import { PERSONAL_DATA_KINDS, REPORT_LANGUAGES, SYSTEM, buildReport, reportPermissions, renderReportHtml, requestForInformation, viewerOf } from '../index.js'
import type { RequestHarness } from '../testing/index.js'
import { A, PQ, U, freeText, requestHarness, standardAnswers } from '../testing/index.js'

/** Put in every personal-data field and attachment; found nowhere else. */
const SENTINEL = 'zq-prop-report-8d41'
const USERS: ReadonlyArray<UserId> = Object.values(U)
const DAY = 24 * 3_600_000
const TEXTS = ['Merci de vérifier ce point.', 'Bitte prüfen Sie die Niederlassung.', 'Please check the register.'] as const

/** Actions that do not move a request on; steered steps mostly skip them. */
const HOUSEKEEPING: ReadonlyArray<RequestAction> = ['request.copy', 'request.add-message', 'request.add-attachment', 'request.allocate', 'request.change-coordinator', 'request.save-reply', 'request.edit', 'request.delete-draft']

const attachment = (n: number) => ({ fileName: `piece-${SENTINEL}-${n}.pdf`, mediaType: 'application/pdf', size: 10 + n, contentRef: `blob:${SENTINEL}:${n}`, relevance: 'certificate' })

const seedDraft = (addressee: AuthorityId) => ({
  type: 'request.create',
  legislativeArea: PQ,
  questionSetId: 'pq.general',
  addressee,
  caseData: { name: `Camille ${SENTINEL}`, 'date-of-birth': `1980-05-04 ${SENTINEL}`, profession: 'Médecin' },
  questions: [
    { questionId: 'pq.establishment.legally-established', parameters: { profession: 'Médecin' }, comment: freeText('fr', TEXTS[0]) },
    { questionId: 'pq.establishment.suspension' },
  ],
  attachments: [attachment(0)],
  deadline: '2026-06-30',
})

/** A plausible payload for an action, from the request as it stands; now and then a wrong one. */
const payloadOf = (type: RequestAction, s: RequestState, n: number): Record<string, unknown> => {
  const text = freeText(n % 2 === 0 ? 'fr' : 'de', TEXTS[n % TEXTS.length] ?? TEXTS[0])
  const sameState = (Object.values(A) as AuthorityId[]).filter((a) => a !== s.responding.authorityId && a.startsWith(s.responding.memberState === 'DE' ? 'de-' : 'fr-'))
  switch (type) {
    case 'request.return':
    case 'request.return-reply':
      return { suggestions: text }
    case 'request.refuse':
      return { justification: text, noOtherCompetentAuthority: n % 3 === 0 }
    case 'request.forward':
      return { to: sameState[n % Math.max(1, sameState.length)] ?? A.deCa2, justification: text }
    case 'request.split':
      return { to: sameState[0] ?? A.deCa2, justification: text, questions: [s.questions[0]?.questionId ?? 'x'], attachments: [] }
    case 'request.reply':
    case 'request.save-reply':
      return { answers: n % 5 === 0 ? [] : standardAnswers }
    case 'request.add-message':
      return { text }
    case 'request.add-attachment':
      return { attachment: attachment(n) }
    case 'request.request-additional-info':
      return { justification: text, questions: [s.questions[0]?.questionId ?? 'x'] }
    case 'request.reject-additional-info':
    case 'request.maintain-position':
      return { justification: text }
    case 'request.copy':
      return { include: { addressee: true, questions: true, attachments: n % 2 === 0, caseData: n % 3 === 0 } }
    case 'request.allocate':
      return { side: 'responding', users: [U.deHandler] }
    case 'request.change-coordinator':
      return { side: 'requesting', coordinator: A.frNimic }
    case 'request.remove-personal-data':
      return { reason: text }
    case 'request.edit':
      return { justification: text }
    default:
      return {}
  }
}

const stepArb = fc.record({
  who: fc.nat(),
  action: fc.nat(),
  n: fc.nat(99),
  /** Days the clock moves before the step: mostly none, sometimes past the blocking instant. */
  advance: fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: fc.integer({ min: 150, max: 400 }) }),
  system: fc.oneof({ weight: 10, arbitrary: fc.constant('none' as const) }, { weight: 1, arbitrary: fc.constantFrom('block' as const, 'erase' as const) }),
})

const runArb = fc.record({
  creator: fc.constantFrom(U.frHandler, U.deHandler),
  steps: fc.array(stepArb, { minLength: 3, maxLength: 18 }),
  checks: fc.array(
    fc.record({ viewer: fc.nat(), kind: fc.nat(), parts: fc.array(fc.nat(), { maxLength: 4 }), language: fc.constantFrom(...REPORT_LANGUAGES) }),
    { minLength: 4, maxLength: 12 },
  ),
})

const actorOf = (h: RequestHarness, u: UserId): Actor => ({ kind: 'user', userId: u, authorityId: h.directory.user(u)?.authorityId ?? A.frCa })

const viewers = (h: RequestHarness): ReadonlyArray<Viewer> => [
  ...USERS.map((u) => viewerOf(h.directory, actorOf(h, u))).filter((v): v is Viewer => v !== undefined),
  { kind: 'commission' },
  { kind: 'helpdesk' },
  { kind: 'system-administrator' },
]

/** Checks one report of one viewer on one request. */
const check = (h: RequestHarness, id: ExchangeId, viewer: Viewer, c: { kind: number; parts: ReadonlyArray<number>; language: string }): void => {
  const state = h.state(id)
  const permissions = reportPermissions(viewer, state, h.directory, h.now)
  const kind: ReportKind | undefined = permissions.kinds[c.kind % Math.max(1, permissions.kinds.length)]
  if (kind === undefined) {
    // No report at all: refused with a typed error.
    const r = buildReport({ state, who: viewer, directory: h.directory, now: h.now, input: { kind: 'FULL_WITHOUT_PERSONAL_DATA' } })
    expect(E.isLeft(r) && r.left.code).toBe('report.not-allowed')
    return
  }
  const parts: ReadonlyArray<ReportPart> = [...new Set(c.parts.map((i) => permissions.customParts[i % permissions.customParts.length] as ReportPart))]
  const input = kind === 'CUSTOM' ? { kind, parts: parts.length === 0 ? ['subject'] : parts, language: c.language } : { kind, language: c.language }
  const built = buildReport({ state, who: viewer, directory: h.directory, now: h.now, input })
  // Every kind offered is produced.
  expect(E.isRight(built), JSON.stringify([kind, E.isLeft(built) && built.left])).toBe(true)
  if (E.isLeft(built)) return
  const doc = built.right
  const text = `${JSON.stringify(doc)}\n${renderReportHtml(doc)}`
  const view = requestForInformation.view(state, viewer)
  const viewShows = JSON.stringify(view ?? null).includes(SENTINEL)
  if (!viewShows) expect(text.includes(SENTINEL), `${kind} leaks what the view hides`).toBe(false)
  if (!doc.containsPersonalData) expect(text.includes(SENTINEL), `${kind} without personal data leaks`).toBe(false)
  if (PERSONAL_DATA_KINDS.includes(kind)) {
    // Only a viewer who sees the personal data now gets it, and the data is neither blocked nor erased…
    const holds = JSON.stringify([state.caseData, state.attachments]).includes(SENTINEL)
    if (holds) expect(viewShows).toBe(true)
    expect(state.personalData).toBe('available')
    // …and then gets it: redaction is not blanket.
    if (holds) expect(text.includes(SENTINEL)).toBe(true)
  }
}

describe('request reports over random command sequences', () => {
  it('[SRCH-REPORT-NO-PD-CLEAN][SRCH-REPORT-CUSTOM-PD][RET-BLOCKED-NO-USER-ACCESS][RET-PD-REPORTS-AFTER-PURGE][SRCH-REPORT-COORD-NO-PD][SRCH-REPORT-VIEWER-NO-PD] a report of any allowed kind never holds a personal value the viewer’s view hides', () => {
    let built = 0
    let personal = 0
    const statuses = new Set<string>()
    const retention = new Set<string>()
    fc.assert(
      fc.property(runArb, (run) => {
        const h = requestHarness()
        h.ok(run.creator, seedDraft(run.creator === U.frHandler ? A.deCa : A.frCa))
        const id = h.last()
        const all = viewers(h)
        for (const step of run.steps) {
          h.advance(step.advance * DAY)
          if (step.system !== 'none' && h.exists(id)) h.exec(SYSTEM, { type: step.system === 'block' ? 'request.block-personal-data' : 'request.erase-personal-data', exchangeId: id })
          const exchanges = h.exchanges()
          // A deleted draft leaves no exchange behind.
          const target = h.exists(id) && step.n % 3 !== 0 ? id : exchanges[step.n % Math.max(1, exchanges.length)]
          if (target === undefined) break
          // Steered: the first user, from a random one, whom the toolbar offers an action that moves the request on.
          let who = USERS[step.who % USERS.length] as UserId
          let offered: ReadonlyArray<RequestAction> = []
          for (let k = 0; k < USERS.length && offered.length === 0; k++) {
            const u = USERS[(step.who + k) % USERS.length] as UserId
            const moving = (h.actions(u, target) as ReadonlyArray<RequestAction>).filter((a) => step.n % 4 === 0 || !HOUSEKEEPING.includes(a))
            if (moving.length > 0) {
              who = u
              offered = moving
            }
          }
          const type = offered[step.action % Math.max(1, offered.length)]
          if (type !== undefined) h.exec(who, { type, exchangeId: target, ...payloadOf(type, h.state(target), step.n) })
          if (h.exists(id)) {
            statuses.add(h.state(id).status)
            retention.add(h.state(id).personalData)
          }
          // One random viewer after each step, on the main request.
          if (h.exists(id)) check(h, id, all[step.who % all.length] as Viewer, { kind: step.action, parts: [step.n, step.who], language: 'en' })
        }
        for (const exchange of h.exchanges()) {
          statuses.add(h.state(exchange).status)
          retention.add(h.state(exchange).personalData)
          for (const c of run.checks) {
            const viewer = all[c.viewer % all.length] as Viewer
            check(h, exchange, viewer, c)
            built++
            if (reportPermissions(viewer, h.state(exchange), h.directory, h.now).personalData) personal++
          }
        }
      }),
      { numRuns: 250, interruptAfterTimeLimit: 100_000, markInterruptAsFailure: true },
    )
    // The runs reached both sides of the rule.
    expect(built).toBeGreaterThan(1_000)
    expect(personal).toBeGreaterThan(50)
    expect(statuses.size, [...statuses].join()).toBeGreaterThanOrEqual(6)
    expect([...retention].sort()).toEqual(['available', 'blocked', 'erased'])
  }, 120_000)
})
