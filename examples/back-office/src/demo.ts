import * as E from 'fp-ts/lib/Either.js'
import {
  createApplicationService,
  createProcedureRegistry,
  fixedClock,
  localize,
  requestForInformation,
  sequentialIds,
  PROFESSIONAL_QUALIFICATIONS_GENERAL,
  findQuestion,
} from '@imi-kit/core'
import type { Actor, ApplicationService, DomainError, ExchangeId, RequestContent, UserId } from '@imi-kit/core'
import { A, PQ, U, world } from '@imi-kit/core/testing'
import { createMemoryStorage } from '@imi-kit/storage-adapters'

const DAY = 24 * 60 * 60 * 1000

/** What the demo did: the printed lines and the final status, for the example's own test. */
export interface DemoResult {
  readonly lines: ReadonlyArray<string>
  readonly finalStatus: string
  readonly exchangeId: ExchangeId
}

/** Runs the demo: a French medical council asks a German one about a doctor, who answers. */
export const runBackOfficeDemo = async (): Promise<DemoResult> => {
  const directory = world()
  const clock = fixedClock(new Date('2026-03-02T08:30:00Z'))
  const app: ApplicationService = createApplicationService({
    registry: createProcedureRegistry([requestForInformation]),
    storage: createMemoryStorage(),
    clock,
    ids: sequentialIds('demo'),
    directory,
  })
  const lines: string[] = []
  const as = (id: UserId): Actor => ({ kind: 'user', userId: id, authorityId: directory.user(id)?.authorityId ?? A.frCa })
  const name = (id: UserId) => {
    const u = directory.user(id)
    return u === undefined ? id : `${u.firstName} ${u.lastName} (${directory.authority(u.authorityId)?.name ?? u.authorityId})`
  }
  const run = async (who: UserId, command: Record<string, unknown>): Promise<ExchangeId> => {
    const r = await app.execute(as(who), command)
    if (E.isLeft(r)) throw new Error(describe(r.left))
    lines.push(`${clock.now().toISOString().slice(0, 16)}  ${String(command.type).padEnd(16)} by ${name(who)}`)
    clock.advance(DAY)
    return r.right.exchangeId
  }

  const id = await run(U.frHandler, {
    type: 'request.create',
    legislativeArea: PQ,
    questionSetId: 'pq.general',
    addressee: A.deCa,
    caseData: { name: 'Dr Jean Dupont', 'date-of-birth': '1975-05-14', profession: 'Médecin', reference: 'ONM-2026-0042' },
    questions: [
      { questionId: 'pq.establishment.legally-established', parameters: { profession: 'Arzt' } },
      { questionId: 'pq.establishment.suspension', comment: { text: 'Période 2020–2025 en particulier.', language: 'fr' } },
    ],
    deadline: '2026-04-15',
  })
  await run(U.frHandler, { type: 'request.send', exchangeId: id })

  const before = await app.view(as(U.deHandler), id)
  if (E.isRight(before)) {
    const content = before.right.content as RequestContent | undefined
    lines.push(`  the German handler sees the name before acceptance as: ${JSON.stringify(content?.caseData.name)}`)
  }
  await run(U.deHandler, { type: 'request.accept', exchangeId: id, deadline: '2026-04-20' })
  const after = await app.view(as(U.deHandler), id)
  if (E.isRight(after)) {
    const content = after.right.content as RequestContent | undefined
    lines.push(`  and after acceptance as: ${JSON.stringify(content?.caseData.name)}`)
  }
  await run(U.deHandler, {
    type: 'request.reply',
    exchangeId: id,
    answers: [
      { questionId: 'pq.establishment.legally-established', answerId: 'yes' },
      { questionId: 'pq.establishment.suspension', answerId: 'no', comment: { text: 'Keine Maßnahmen bekannt.', language: 'de' } },
    ],
  })
  await run(U.frHandler, { type: 'request.close', exchangeId: id })

  const final = await app.view(as(U.frHandler), id)
  if (E.isLeft(final)) throw new Error(describe(final.left))
  const question = findQuestion(PROFESSIONAL_QUALIFICATIONS_GENERAL, 'pq.establishment.suspension')
  lines.push('')
  lines.push(`Request ${final.right.number}: ${final.right.status}`)
  if (question !== undefined) {
    lines.push(`  asked in French: ${localize(question.text, 'fr')[0]}`)
    lines.push(`  read in German:  ${localize(question.text, 'de')[0]}`)
  }
  lines.push('')
  lines.push('Management information — history:')
  for (const h of final.right.history) {
    const who = h.actor.kind === 'user' ? name(h.actor.userId) : 'system'
    lines.push(`  ${h.at.slice(0, 16)}  ${h.action.padEnd(18)} ${(h.from ?? '—').padEnd(20)} → ${h.to.padEnd(20)} ${who}`)
  }
  return { lines, finalStatus: final.right.status, exchangeId: id }
}

const describe = (e: DomainError) => `${e.code}${e.ruleId === undefined ? '' : ` [${e.ruleId}]`}: ${e.message}`
