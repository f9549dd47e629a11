/**
 * The commands of the request procedure, validated at the boundary by io-ts codecs.
 *
 * @module
 */
import * as t from 'io-ts'
import { AttachmentIdCodec, AuthorityIdCodec, ExchangeIdCodec, LegislativeAreaIdCodec, QuestionSetIdCodec, UserIdCodec } from '../../model/ids.js'
import { DraftFreeTextCodec, FreeTextCodec } from '../../i18n/languages.js'
import { earlyRemovalFields } from '../../retention/early-removal.js'
import { AnswerCodec, AttachmentInputCodec, CalendarDateCodec, DerogationInputCodec, RequestQuestionInputCodec } from './model.js'

const draftFields = t.partial({
  questionSetId: QuestionSetIdCodec,
  addressee: AuthorityIdCodec,
  requestingCoordinator: AuthorityIdCodec,
  caseData: t.readonly(t.record(t.string, t.string)),
  questions: t.readonlyArray(RequestQuestionInputCodec),
  justification: DraftFreeTextCodec,
  deadline: CalendarDateCodec,
  attachments: t.readonlyArray(AttachmentInputCodec),
  /** The derogation content, on a request using a derogation question set (spec §8). */
  derogation: DerogationInputCodec,
})

const cmd = <T extends string, P extends t.Props>(type: T, props: P) =>
  t.readonly(t.type({ type: t.literal(type), exchangeId: ExchangeIdCodec, ...props }))

const cmdWith = <T extends string, P extends t.Props, O extends t.Props>(type: T, props: P, optional: O) =>
  t.readonly(t.intersection([t.type({ type: t.literal(type), exchangeId: ExchangeIdCodec, ...props }), t.partial(optional)]))

const Side = t.keyof({ requesting: null, responding: null })
const AllocationSide = t.keyof({ requesting: null, responding: null, 'requesting-coordinator': null, 'responding-coordinator': null })
const NonEmptyStrings = t.refinement(t.readonlyArray(t.string), (a) => a.length > 0, 'NonEmptyArray')
const DecisionReference = t.refinement(t.string, (s) => s.trim().length > 0 && s.length <= 200, 'DecisionReference')
const NonEmptyUsers = t.refinement(t.readonlyArray(UserIdCodec), (a) => a.length > 0 && a.length <= 100, 'NonEmptyUserList')

/**
 * Every command of the request procedure.
 *
 * @category codecs
 */
export const RequestCommandCodec = t.union([
  t.readonly(t.intersection([t.type({ type: t.literal('request.create'), legislativeArea: LegislativeAreaIdCodec }), draftFields])),
  t.readonly(t.intersection([t.type({ type: t.literal('request.edit'), exchangeId: ExchangeIdCodec }), draftFields])),
  cmd('request.delete-draft', {}),
  cmd('request.allocate', { side: AllocationSide, users: NonEmptyUsers }),
  cmd('request.send', {}),
  cmd('request.approve', {}),
  cmd('request.return', { suggestions: FreeTextCodec }),
  cmdWith('request.accept', {}, { coordinator: AuthorityIdCodec, deadline: CalendarDateCodec }),
  cmd('request.refuse', { justification: FreeTextCodec, noOtherCompetentAuthority: t.boolean }),
  cmd('request.forward', { to: AuthorityIdCodec, justification: FreeTextCodec }),
  cmd('request.split', {
    to: AuthorityIdCodec,
    justification: FreeTextCodec,
    questions: NonEmptyStrings,
    attachments: t.readonlyArray(AttachmentIdCodec),
  }),
  cmd('request.save-reply', { answers: t.readonlyArray(AnswerCodec) }),
  cmdWith('request.reply', {}, { answers: t.readonlyArray(AnswerCodec) }),
  cmd('request.approve-reply', {}),
  cmd('request.return-reply', { suggestions: FreeTextCodec }),
  cmd('request.add-message', { text: FreeTextCodec }),
  cmd('request.add-attachment', { attachment: AttachmentInputCodec }),
  cmd('request.change-coordinator', { side: Side, coordinator: AuthorityIdCodec }),
  cmd('request.close', {}),
  cmd('request.request-additional-info', { justification: FreeTextCodec, questions: NonEmptyStrings }),
  cmd('request.accept-additional-info', {}),
  cmd('request.reject-additional-info', { justification: FreeTextCodec }),
  cmd('request.accept-refusal', {}),
  cmd('request.insist', {}),
  cmdWith('request.find-reply-satisfactory', {}, { comment: FreeTextCodec }),
  cmdWith('request.find-reply-unsatisfactory', {}, { comment: FreeTextCodec }),
  cmd('request.reconsider', {}),
  cmd('request.maintain-position', { justification: FreeTextCodec }),
  cmd('request.copy', {
    include: t.readonly(t.type({ addressee: t.boolean, questions: t.boolean, attachments: t.boolean, caseData: t.boolean })),
  }),
  cmd('request.block-personal-data', {}),
  cmd('request.erase-personal-data', {}),
  // Early removal, before the scheduled date, with a mandatory reason and optionally who asked (RET-EARLY-REMOVAL).
  cmdWith('request.remove-personal-data', earlyRemovalFields.required, earlyRemovalFields.optional),
  // The platform operator transcribes a Commission decision against notified measures (DEROG-CONTRARY-DECISION).
  cmdWith('request.record-contrary-decision', {}, { decidedOn: CalendarDateCodec, reference: DecisionReference }),
])

/** A command of the request procedure. @category model */
export type RequestCommand = t.TypeOf<typeof RequestCommandCodec>

/** The type of a request command, which is also its action id. @category model */
export type RequestAction = RequestCommand['type']

/** The command of a given type. @category model */
export type RequestCommandOf<T extends RequestAction> = Extract<RequestCommand, { readonly type: T }>

/** Every action of the procedure, in the order a toolbar lists them. @category constants */
export const REQUEST_ACTIONS: ReadonlyArray<RequestAction> = [
  'request.create',
  'request.edit',
  'request.delete-draft',
  'request.send',
  'request.approve',
  'request.return',
  'request.accept',
  'request.refuse',
  'request.forward',
  'request.split',
  'request.save-reply',
  'request.reply',
  'request.approve-reply',
  'request.return-reply',
  'request.close',
  'request.request-additional-info',
  'request.accept-additional-info',
  'request.reject-additional-info',
  'request.accept-refusal',
  'request.insist',
  'request.find-reply-satisfactory',
  'request.find-reply-unsatisfactory',
  'request.reconsider',
  'request.maintain-position',
  'request.add-message',
  'request.add-attachment',
  'request.change-coordinator',
  'request.allocate',
  'request.copy',
  'request.block-personal-data',
  'request.erase-personal-data',
  'request.remove-personal-data',
  'request.record-contrary-decision',
]
