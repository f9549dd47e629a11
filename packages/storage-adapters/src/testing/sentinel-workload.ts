/**
 * A workload for the erasure tests: many requests whose every personal-data field and attachment
 * holds a sentinel string, driven to closure and then past their erasure date. Internal to the
 * package's tests.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { createApplicationService, createProcedureRegistry, createReportService, fixedClock, requestForInformation, sequentialIds } from '@imi-kit/core'
import type { Actor, Storage, UserId } from '@imi-kit/core'
import { A, PQ, U, world } from '@imi-kit/core/testing'

/** Written into every personal-data field; it must be found nowhere once erased. */
export const SENTINEL = 'SENTINEL-3f9d-personal-data'

/** What the workload did. */
export interface SentinelFigures {
  readonly exchanges: number
  readonly timersFired: number
}

/**
 * Creates `count` requests full of the sentinel, with reports holding it where the storage keeps
 * reports, closes them and lets the retention timers erase them.
 */
export const runSentinelWorkload = async (storage: Storage, count: number): Promise<SentinelFigures> => {
  const directory = world()
  const clock = fixedClock(new Date('2026-03-02T09:00:00Z'))
  const app = createApplicationService({ registry: createProcedureRegistry([requestForInformation]), storage, clock, ids: sequentialIds('sentinel'), directory })
  const as = (id: UserId): Actor => ({ kind: 'user', userId: id, authorityId: directory.user(id)?.authorityId ?? A.frCa })
  let reportIds = 0
  const reports =
    storage.reports === undefined ? undefined : createReportService({ app, reports: storage.reports, directory, clock, newId: () => `sentinel-report-${++reportIds}` })
  const run = async (who: UserId, command: unknown) => {
    const r = await app.execute(as(who), command)
    if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`)
    return r.right.exchangeId
  }
  for (let i = 0; i < count; i++) {
    const id = await run(U.frHandler, {
      type: 'request.create',
      legislativeArea: PQ,
      questionSetId: 'pq.general',
      addressee: A.deCa,
      caseData: { name: `${SENTINEL} ${i}`, 'date-of-birth': SENTINEL, profession: 'Médecin' },
      questions: [{ questionId: 'pq.qualifications.authentic', attachmentId: 'new:0' }],
      attachments: [{ fileName: `${SENTINEL}-${i}.pdf`, mediaType: 'application/pdf', size: 1, contentRef: `blob:${SENTINEL}-${i}`, relevance: 'certificate' }],
      deadline: '2026-04-01',
    })
    await run(U.frHandler, { type: 'request.send', exchangeId: id })
    await run(U.deHandler, { type: 'request.accept', exchangeId: id })
    if (reports !== undefined) {
      // Reports holding the sentinel are sealed with the exchange's personal data, and go with it.
      for (const [who, kind] of [[U.frHandler, 'FULL_WITH_PERSONAL_DATA'], [U.deHandler, 'CONSENT_FORM']] as const) {
        const r = await reports.create(as(who), id, { kind })
        if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`)
      }
    }
    await run(U.deHandler, { type: 'request.add-attachment', exchangeId: id, attachment: { fileName: `${SENTINEL}-reply.pdf`, mediaType: 'application/pdf', size: 1, contentRef: `blob:${SENTINEL}`, relevance: 'decision' } })
    await run(U.deHandler, { type: 'request.reply', exchangeId: id, answers: [{ questionId: 'pq.qualifications.authentic', answerId: 'yes' }] })
    await run(U.frHandler, { type: 'request.close', exchangeId: id })
  }
  clock.set(new Date('2030-01-01T00:00:00Z'))
  let timersFired = 0
  for (let fired = -1; fired !== 0; timersFired += fired) fired = await app.fireDueTimers(500)
  return { exchanges: count, timersFired }
}
