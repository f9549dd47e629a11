// A back-office system drives a request for information through the core's application service.
import * as E from 'fp-ts/lib/Either.js'
import {
  createApplicationService,
  createProcedureRegistry,
  fixedClock,
  requestForInformation,
  sequentialIds,
} from '@imi-kit/core'
import type { Actor, ApplicationService, DomainError, ExchangeId } from '@imi-kit/core'
import { A, PQ, U, world } from '@imi-kit/core/testing'
import { createMemoryStorage } from '@imi-kit/storage-adapters'

// 1. Wire the service: procedures, storage, a clock, an id source and the directory.
export const app: ApplicationService = createApplicationService({
  registry: createProcedureRegistry([requestForInformation]),
  storage: createMemoryStorage(),
  clock: fixedClock(new Date('2026-03-02T09:00:00Z')),
  ids: sequentialIds('guide'),
  directory: world(),
})

// 2. The acting user comes from your own login: here a handler of a French competent authority,
//    and one of the German authority that will answer.
const camille: Actor = { kind: 'user', userId: U.frHandler, authorityId: A.frCa }
const lena: Actor = { kind: 'user', userId: U.deHandler, authorityId: A.deCa }

// 3. Every command returns Either a DomainError (with the rule that refused it) or what it did.
const run = async (actor: Actor, command: unknown): Promise<E.Either<DomainError, ExchangeId>> =>
  E.map((r: { exchangeId: ExchangeId }) => r.exchangeId)(await app.execute(actor, command))

export const askAndAnswer = async (): Promise<E.Either<DomainError, string>> => {
  const created = await run(camille, {
    type: 'request.create',
    legislativeArea: PQ,
    questionSetId: 'pq.general',
    addressee: A.deCa,
    caseData: { name: 'Dr Jean Dupont', profession: 'Médecin' },
    questions: [{ questionId: 'pq.establishment.legally-established', parameters: { profession: 'Arzt' } }],
    deadline: '2026-04-15',
  })
  if (E.isLeft(created)) return created
  const id = created.right
  for (const [actor, command] of [
    [camille, { type: 'request.send', exchangeId: id }],
    [lena, { type: 'request.accept', exchangeId: id }],
    [lena, { type: 'request.reply', exchangeId: id, answers: [{ questionId: 'pq.establishment.legally-established', answerId: 'yes' }] }],
    [camille, { type: 'request.close', exchangeId: id }],
  ] as const) {
    const r = await run(actor, command)
    if (E.isLeft(r)) return r
  }
  // 4. Read it back as the user sees it: status, content redacted to their rights, history.
  const view = await app.view(camille, id)
  return E.map((v: { status: string }) => v.status)(view)
}

// 5. A refused command names its rule: sending a draft without any question.
export const refusedSend = async (): Promise<string | undefined> => {
  const created = await run(camille, { type: 'request.create', legislativeArea: PQ, addressee: A.deCa })
  if (E.isLeft(created)) return created.left.ruleId
  const sent = await run(camille, { type: 'request.send', exchangeId: created.right })
  return E.isLeft(sent) ? sent.left.ruleId : undefined
}
