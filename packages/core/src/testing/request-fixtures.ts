/**
 * Fixtures for examples of the request procedure: complete draft commands, standard answers, a
 * harness already bound to the procedure, the steps that drive a request to sent, accepted or
 * replied, directory changes the request workflow reads, and extractors of refusals.
 *
 * Each draft and step takes parameters for what an example varies, so that an example states only
 * what it is about.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Viewer } from '../model/actor.js'
import { requestWorkflowAccess } from '../model/authorities.js'
import type { RequestCoordinatorParameters } from '../model/authorities.js'
import type { DirectoryData } from '../model/directory.js'
import type { DomainError } from '../model/errors.js'
import type { AuthorityId, ExchangeId, LegislativeAreaId, UserId } from '../model/ids.js'
import type { Language } from '../i18n/languages.js'
import type { AnyProcedure } from '../procedure/procedure.js'
import type { RequestState } from '../procedures/request/model.js'
import type { RequestContent } from '../procedures/request/view.js'
import { requestForInformation } from '../procedures/request/index.js'
import { SERVICES_DEROGATION_REQUEST, SERVICES_MEASURES_NOTIFICATION } from '../data/question-sets.js'
import type { Harness } from './harness.js'
import { createHarness } from './harness.js'
import { A, PQ, SERVICES_LA, U, withRequestAccess, world, worldData } from './world.js'

// ---------------------------------------------------------------------------------------------
// data

/** The instant request harnesses start at: Monday 2 March 2026, 09:00 UTC. @category testing */
export const REQUEST_START: Date = new Date('2026-03-02T09:00:00Z')

/** A question of the general PQ question set: is the professional legally established? @category testing */
export const Q1 = 'pq.establishment.legally-established'
/** A question of the general PQ question set: is the professional suspended or prohibited? @category testing */
export const Q2 = 'pq.establishment.suspension'
/** A question of the general PQ question set: were disciplinary measures taken? @category testing */
export const Q3 = 'pq.establishment.disciplinary'

/**
 * Free text in a language, as commands carry it.
 *
 * @example
 * ```ts
 * import { freeText } from '@imi-kit/core/testing'
 * freeText('fr', 'Merci de confirmer.') // { text: 'Merci de confirmer.', language: 'fr' }
 * ```
 * @category testing
 */
export const freeText = <L extends Language>(language: L, text: string): { readonly text: string; readonly language: L } => ({ text, language })

/**
 * A draft command with some fields replaced: the fields of `O` replace those of `Base`.
 *
 * @category testing
 */
export type WithOverrides<Base, O> = Omit<Base, keyof O> & O

/** The fields of `base` replaced by those of `overrides`, leaving out every field set to `undefined`. */
const overridden = <B extends object, O extends object>(base: B, overrides: O): WithOverrides<B, O> =>
  Object.fromEntries(Object.entries({ ...base, ...overrides }).filter(([, value]) => value !== undefined)) as WithOverrides<B, O>

const PQ_DRAFT = {
  type: 'request.create',
  legislativeArea: PQ,
  questionSetId: 'pq.general',
  addressee: A.deCa,
  caseData: { name: 'Jean Dupont', 'date-of-birth': '1980-05-17', profession: 'Médecin', reference: 'DOS-42' },
  questions: [{ questionId: Q1, parameters: { profession: 'Médecin' }, comment: freeText('fr', 'Merci de vérifier le registre.') }, { questionId: Q2 }],
  deadline: '2026-04-01',
  attachments: [{ fileName: 'diplome.pdf', mediaType: 'application/pdf', size: 1024, contentRef: 'blob:diplome', relevance: 'evidence-of-qualifications' }],
} as const

const SERVICES_DRAFT = {
  type: 'request.create',
  legislativeArea: SERVICES_LA,
  questionSetId: 'services.provider',
  addressee: A.deCa,
  caseData: { name: 'Dupont Services SARL', activity: 'Plomberie' },
  questions: [{ questionId: 'services.establishment.lawful' }],
  justification: freeText('fr', 'Le prestataire déclare une prestation temporaire en France.'),
} as const

/** Every checklist item of a question set with a derogation part, all to be confirmed. */
const checklistOf = (set: typeof SERVICES_DEROGATION_REQUEST): ReadonlyArray<string> => (set.derogation?.checklist ?? []).map((i) => i.id)

/**
 * The derogation content of {@link derogationDraft}: the 10 checklist steps confirmed, the case
 * described and the derogation justified (spec §8.2, step 1).
 *
 * @category testing
 */
export const DEROGATION_REQUEST_CONTENT = {
  confirmed: checklistOf(SERVICES_DEROGATION_REQUEST),
  freeTexts: {
    'case-description': freeText('fr', "Le prestataire installe des chaudières à gaz chez des particuliers à Strasbourg sans contrôle d'étanchéité."),
    'derogation-justification': freeText('fr', "Deux intoxications au monoxyde de carbone ont été signalées ; la sécurité des destinataires est en jeu."),
  },
} as const

/**
 * The derogation content of {@link measuresNotificationDraft}: the checklist confirmed, both
 * explanations given, the normal procedure (step 3) and the number of the earlier request.
 *
 * @category testing
 */
export const MEASURES_NOTIFICATION_CONTENT = {
  confirmed: checklistOf(SERVICES_MEASURES_NOTIFICATION),
  freeTexts: {
    'mse-measures-inadequate': freeText('fr', "L'État membre d'établissement n'a envisagé qu'un rappel écrit, sans contrôle des installations."),
    'measures-justified': freeText('fr', "L'interdiction temporaire d'installer des chaudières est limitée à six mois et au seul prestataire."),
  },
  procedure: 'normal-step3',
  relatedRequestNumber: 'REQ-000001',
} as const

const DEROGATION_DRAFT = {
  type: 'request.create',
  legislativeArea: SERVICES_LA,
  questionSetId: SERVICES_DEROGATION_REQUEST.id,
  addressee: A.deCa,
  caseData: { name: 'Dupont Chauffage SARL', address: '4 rue des Tanneurs, Kehl', activity: 'Installation de chaudières à gaz' },
  questions: [{ questionId: 'services.derogation.measures' }],
  justification: freeText('fr', 'Demande de mesures au titre de l’article 35, paragraphe 2, de la directive 2006/123/CE.'),
  derogation: DEROGATION_REQUEST_CONTENT,
} as const

const MEASURES_NOTIFICATION_DRAFT = {
  ...DEROGATION_DRAFT,
  questionSetId: SERVICES_MEASURES_NOTIFICATION.id,
  questions: [{ questionId: 'services.measures.observations' }],
  justification: freeText('fr', 'Notification de mesures au titre de l’article 35, paragraphe 3, de la directive 2006/123/CE.'),
  derogation: MEASURES_NOTIFICATION_CONTENT,
} as const

/**
 * A complete, sendable step-1 derogation request («Demande de dérogation individuelle à l'État membre
 * d'établissement») from the French competent authority to the German one: a gas-boiler installer
 * established in Germany, the measures question asked, the 10 checklist steps confirmed and both free
 * texts filled. Fields of `overrides` replace the defaults, and fields of `derogation` those of
 * {@link DEROGATION_REQUEST_CONTENT}; a field set to `undefined` is left out.
 *
 * @example
 * ```ts
 * import { derogationDraft } from '@imi-kit/core/testing'
 * const nineSteps = derogationDraft({}, { confirmed: ['safety-of-services'] })
 * ```
 * @category testing
 */
export const derogationDraft = <O extends Readonly<Record<string, unknown>> = Record<never, never>>(
  overrides?: O,
  derogation: Readonly<Record<string, unknown>> = {},
): WithOverrides<typeof DEROGATION_DRAFT, O> =>
  overridden({ ...DEROGATION_DRAFT, derogation: overridden(DEROGATION_REQUEST_CONTENT, derogation) }, overrides ?? ({} as O)) as WithOverrides<typeof DEROGATION_DRAFT, O>

/**
 * A complete, sendable notification of individual measures («Notification de mesures individuelles»)
 * from the French competent authority to the German one, under the normal procedure (step 3) and
 * naming the earlier request `REQ-000001`. Fields of `overrides` replace the defaults, and fields of
 * `derogation` those of {@link MEASURES_NOTIFICATION_CONTENT}; a field set to `undefined` is left out.
 *
 * @example
 * ```ts
 * import { measuresNotificationDraft } from '@imi-kit/core/testing'
 * const urgency = measuresNotificationDraft({}, { procedure: 'urgency', relatedRequestNumber: undefined })
 * ```
 * @category testing
 */
export const measuresNotificationDraft = <O extends Readonly<Record<string, unknown>> = Record<never, never>>(
  overrides?: O,
  derogation: Readonly<Record<string, unknown>> = {},
): WithOverrides<typeof MEASURES_NOTIFICATION_DRAFT, O> =>
  overridden({ ...MEASURES_NOTIFICATION_DRAFT, derogation: overridden(MEASURES_NOTIFICATION_CONTENT, derogation) }, overrides ?? ({} as O)) as WithOverrides<
    typeof MEASURES_NOTIFICATION_DRAFT,
    O
  >

/**
 * A complete, sendable Professional Qualifications draft from the French competent authority to the
 * German one: case data of a doctor, questions {@link Q1} (with a parameter and a comment) and
 * {@link Q2}, a deadline and a diploma attached. Fields of `overrides` replace the defaults; a field
 * set to `undefined` is left out of the command.
 *
 * @example
 * ```ts
 * import { pqDraft, A } from '@imi-kit/core/testing'
 * const toStuttgart = pqDraft({ addressee: A.deCa2 })
 * const withoutAttachments = pqDraft({ attachments: undefined })
 * ```
 * @category testing
 */
export const pqDraft = <O extends Readonly<Record<string, unknown>> = Record<never, never>>(
  overrides?: O,
): WithOverrides<typeof PQ_DRAFT, O> => overridden(PQ_DRAFT, overrides ?? ({} as O))

/**
 * A complete, sendable Services draft from the French competent authority to the German one, which
 * has a justification but no deadline. Fields of `overrides` replace the defaults; a field set to
 * `undefined` is left out of the command.
 *
 * @example
 * ```ts
 * import { servicesDraft } from '@imi-kit/core/testing'
 * const withoutJustification = servicesDraft({ justification: undefined })
 * ```
 * @category testing
 */
export const servicesDraft = <O extends Readonly<Record<string, unknown>> = Record<never, never>>(
  overrides?: O,
): WithOverrides<typeof SERVICES_DRAFT, O> => overridden(SERVICES_DRAFT, overrides ?? ({} as O))

/**
 * The German authority's answers to the questions of {@link pqDraft}: {@link Q1} yes, {@link Q2} no
 * with a comment.
 *
 * @category testing
 */
export const standardAnswers = [
  { questionId: Q1, answerId: 'yes' },
  { questionId: Q2, answerId: 'no', comment: freeText('de', 'Keine Untersagung bekannt.') },
] as const

// ---------------------------------------------------------------------------------------------
// harness and steps

/** A harness of the request procedure. @category testing */
export type RequestHarness = Harness<RequestState>

/**
 * A harness of the request procedure over the fixture directory, or over the given data.
 *
 * @param data The directory's data; the fixture world by default.
 * @param start The harness's first instant; {@link REQUEST_START} by default.
 * @param procedure The procedure to run, for a request procedure with another policy.
 * @example
 * ```ts
 * import { requestHarness, allocationOn, worldData, A } from '@imi-kit/core/testing'
 * const h = requestHarness(allocationOn(worldData(), A.deCa))
 * ```
 * @category testing
 */
export const requestHarness = (
  data: DirectoryData = worldData(),
  start: Date = REQUEST_START,
  procedure: AnyProcedure = requestForInformation,
): RequestHarness => createHarness<RequestState>(procedure, world(data), start)

/**
 * A command on an existing exchange: `{ type, exchangeId, ...rest }`.
 *
 * @example
 * ```ts
 * import { cmd, requestHarness, sendRequest, U } from '@imi-kit/core/testing'
 * const h = requestHarness()
 * const id = sendRequest(h)
 * h.ok(U.deHandler, cmd('request.accept', id, { deadline: '2026-04-20' }))
 * ```
 * @category testing
 */
export const cmd = (type: string, exchangeId: ExchangeId, rest: Readonly<Record<string, unknown>> = {}) => ({ type, exchangeId, ...rest })

/**
 * Creates a draft as `by` and returns its exchange id.
 *
 * @category testing
 */
export const createRequest = (h: RequestHarness, draft: Readonly<Record<string, unknown>> = pqDraft(), by: UserId = U.frHandler): ExchangeId => {
  h.ok(by, draft)
  return h.last()
}

/**
 * Creates a draft and sends it, both as `by`, and returns its exchange id. Fails the test when a step
 * is refused.
 *
 * @example
 * ```ts
 * import { requestHarness, sendRequest, pqDraft, A } from '@imi-kit/core/testing'
 * const h = requestHarness()
 * const id = sendRequest(h, pqDraft({ addressee: A.deCa2 }))
 * h.state(id).status // 'awaiting-acceptance'
 * ```
 * @category testing
 */
export const sendRequest = (h: RequestHarness, draft: Readonly<Record<string, unknown>> = pqDraft(), by: UserId = U.frHandler): ExchangeId => {
  const id = createRequest(h, draft, by)
  h.ok(by, { type: 'request.send', exchangeId: id })
  return id
}

/**
 * A request sent by `requester` and accepted by the German request handler ({@link U}.deHandler).
 *
 * @category testing
 */
export const acceptedRequest = (h: RequestHarness, draft: Readonly<Record<string, unknown>> = pqDraft(), requester: UserId = U.frHandler): ExchangeId => {
  const id = sendRequest(h, draft, requester)
  h.ok(U.deHandler, { type: 'request.accept', exchangeId: id })
  return id
}

/**
 * A request sent by `requester`, then accepted and replied with `answers` by the German request
 * handler.
 *
 * @example
 * ```ts
 * import { requestHarness, repliedRequest } from '@imi-kit/core/testing'
 * const h = requestHarness()
 * const id = repliedRequest(h)
 * h.state(id).status // 'replied'
 * ```
 * @category testing
 */
export const repliedRequest = (
  h: RequestHarness,
  draft: Readonly<Record<string, unknown>> = pqDraft(),
  answers: ReadonlyArray<unknown> = standardAnswers,
  requester: UserId = U.frHandler,
): ExchangeId => {
  const id = acceptedRequest(h, draft, requester)
  h.ok(U.deHandler, { type: 'request.reply', exchangeId: id, answers })
  return id
}

/**
 * What `as` sees of a request's content, if anything.
 *
 * @category testing
 */
export const contentOf = (h: RequestHarness, as: UserId | Viewer, id: ExchangeId): RequestContent | undefined =>
  h.view(as, id)?.content as RequestContent | undefined

// ---------------------------------------------------------------------------------------------
// directory changes

/**
 * Switches allocation on for one authority, in every legislative area or in `legislativeArea` only.
 *
 * @category testing
 */
export const allocationOn = (data: DirectoryData, id: AuthorityId, legislativeArea?: LegislativeAreaId): DirectoryData =>
  legislativeArea === undefined
    ? withRequestAccess(data, id, (r) => ({ ...r, allocation: true }))
    : {
        ...data,
        authorities: data.authorities.map((a) =>
          a.id !== id
            ? a
            : {
                ...a,
                access: a.access.map((l) =>
                  l.legislativeArea !== legislativeArea || l.request === undefined ? l : { ...l, request: { ...l.request, allocation: true } },
                ),
              },
        ),
      }

/**
 * Changes some coordinator parameters of one coordinator, in every legislative area.
 *
 * @category testing
 */
export const coordinatorParametersOn = (data: DirectoryData, id: AuthorityId, parameters: Partial<RequestCoordinatorParameters>): DirectoryData =>
  withRequestAccess(data, id, (r) => requestWorkflowAccess({ ...r, coordinatorParameters: { ...r.coordinatorParameters, ...parameters } }))

/**
 * Makes one authority's requests and replies need approval by a coordinator, in every area.
 *
 * @category testing
 */
export const approvalRequiredOn = (data: DirectoryData, id: AuthorityId): DirectoryData =>
  withRequestAccess(data, id, (r) => ({ ...r, parameters: { ...r.parameters, approvalRequired: true } }))

/**
 * Request approval: the French competent authority needs approval, and the French NIMIC approves
 * requests.
 *
 * @category testing
 */
export const requestApprovalOn = (data: DirectoryData): DirectoryData =>
  coordinatorParametersOn(approvalRequiredOn(data, A.frCa), A.frNimic, { approveRequests: true })

/**
 * Reply approval: the German competent authority needs approval, and the German NIMIC approves
 * replies.
 *
 * @example
 * ```ts
 * import { requestHarness, replyApprovalOn, requestApprovalOn, worldData } from '@imi-kit/core/testing'
 * const h = requestHarness(replyApprovalOn(requestApprovalOn(worldData())))
 * ```
 * @category testing
 */
export const replyApprovalOn = (data: DirectoryData): DirectoryData =>
  coordinatorParametersOn(approvalRequiredOn(data, A.deCa), A.deNimic, { approveReplies: true })

// ---------------------------------------------------------------------------------------------
// refusals

/**
 * The error a command was refused with; throws, failing the test, when the command was allowed.
 *
 * @example
 * ```ts
 * import { cmd, refusalOf, requestHarness, sendRequest, U } from '@imi-kit/core/testing'
 * const h = requestHarness()
 * const id = sendRequest(h)
 * refusalOf(h.exec(U.frHandler, cmd('request.close', id))).ruleId // 'REQ-CLOSE-ONLY-STATES'
 * ```
 * @category testing
 */
export const refusalOf = (result: E.Either<DomainError, unknown>): DomainError => {
  if (E.isRight(result)) throw new Error('expected the command to be refused')
  return result.left
}

/**
 * The code and rule of the error a command was refused with, or `undefined` when it was allowed.
 *
 * @example
 * ```ts
 * import { allocationOn, cmd, refusalCodeOf, requestHarness, sendRequest, worldData, A, U } from '@imi-kit/core/testing'
 * const h = requestHarness(allocationOn(worldData(), A.deCa))
 * const id = sendRequest(h)
 * refusalCodeOf(h.exec(U.deHandler, cmd('request.accept', id))) // { code: 'request.not-allocated', ruleId: 'REQ-ALLOC-ONLY-ALLOCATED' }
 * refusalCodeOf(h.exec(U.deAllocator, cmd('request.allocate', id, { side: 'responding', users: [U.deHandler] }))) // undefined
 * ```
 * @category testing
 */
export const refusalCodeOf = (result: E.Either<DomainError, unknown>): { code: string; ruleId: string | undefined } | undefined =>
  E.isLeft(result) ? { code: result.left.code, ruleId: result.left.ruleId } : undefined
