/**
 * The forms of the toolbar's actions, as data: which fields each action's command needs, and how
 * the values of a submitted form become the command. Actions not listed need no payload and run on
 * a click. The server validates every command: these forms only collect what it asks for.
 *
 * @module
 */

/** How a field is entered. @internal */
export type FieldKind =
  /** A free text and its declared language: `{ text, language }`. */
  | 'free-text'
  | 'text'
  | 'date'
  | 'boolean'
  | 'select'
  /** Several values from a list: always an array, possibly empty. */
  | 'checkboxes'
  /** Values typed and separated by commas: an array. */
  | 'list'
  /** One answer per question of the request: predefined answer and/or comment. */
  | 'answers'
  /** A document to upload, with its relevance: an attachment input. */
  | 'file'

/** Where the choices of a `select` or `checkboxes` field come from. @internal */
export type OptionSource =
  | 'request-coordinators'
  | 'request-authorities'
  | 'alert-coordinators'
  | 'alert-authorities'
  | 'questions'
  | 'attachments'
  | 'recipients'
  | 'information'
  | 'closure-comments'
  | 'new-recipient-states'
  | 'establishment'
  | 'allocation-sides'
  | 'coordinator-sides'
  | 'information-kinds'
  /** Who may ask for an early removal of personal data (RET-EARLY-REMOVAL). */
  | 'removal-requesters'

/** One field of an action form; `name` is its path in the command (`include.addressee`). @internal */
export interface FieldSpec {
  readonly name: string
  readonly kind: FieldKind
  readonly optional?: boolean
  readonly options?: OptionSource
}

/**
 * The relevances a user may give a document (REQ-EXTRA-ATTACHMENTS), as the core's
 * `ATTACHMENT_RELEVANCE` lists them (a test keeps the two equal). Copied because importing that
 * constant from the core's entry point pulls the whole request procedure into the browser bundle.
 *
 * @internal
 */
export const RELEVANCES: ReadonlyArray<string> = ['evidence-of-qualifications', 'proof-of-establishment', 'authorisation', 'decision', 'certificate', 'correspondence', 'other']

/**
 * Who may ask for an early removal of personal data, as the core's `EARLY_REMOVAL_REQUESTERS` lists
 * them (a test keeps the two equal); copied for the same reason as {@link RELEVANCES}.
 *
 * @internal
 */
export const REMOVAL_REQUESTERS: ReadonlyArray<string> = ['data-subject', 'participating-authority', 'supervisory-authority', 'court', 'other']

/** The value standing for `null` in a select (an unknown state of establishment). @internal */
export const NULL_OPTION = '__null'

const f = (name: string, kind: FieldKind, more: Partial<Omit<FieldSpec, 'name' | 'kind'>> = {}): FieldSpec => ({ name, kind, ...more })

const justification = f('justification', 'free-text')
const suggestions = f('suggestions', 'free-text')
const text = f('text', 'free-text')
const informationId = f('informationId', 'select', { options: 'information' })
/** An early removal: why, in which language, and optionally who asked (RET-EARLY-REMOVAL). */
const removal = [f('reason', 'free-text'), f('requestedBy', 'select', { optional: true, options: 'removal-requesters' })]

/**
 * The fields of every action that needs a payload. Creation and editing are the forms' business
 * (`<imi-request-form>`, `<imi-alert-form>`), not the toolbar's.
 *
 * @internal
 */
export const ACTION_FORMS: Readonly<Record<string, ReadonlyArray<FieldSpec>>> = {
  'request.allocate': [f('side', 'select', { options: 'allocation-sides' }), f('users', 'list')],
  'request.return': [suggestions],
  'request.accept': [f('deadline', 'date', { optional: true }), f('coordinator', 'select', { optional: true, options: 'request-coordinators' })],
  'request.refuse': [justification, f('noOtherCompetentAuthority', 'boolean')],
  'request.forward': [f('to', 'select', { options: 'request-authorities' }), justification],
  'request.split': [f('to', 'select', { options: 'request-authorities' }), justification, f('questions', 'checkboxes', { options: 'questions' }), f('attachments', 'checkboxes', { options: 'attachments', optional: true })],
  'request.save-reply': [f('answers', 'answers')],
  'request.reply': [f('answers', 'answers')],
  'request.return-reply': [suggestions],
  'request.add-message': [text],
  'request.add-attachment': [f('attachment', 'file')],
  'request.change-coordinator': [f('side', 'select', { options: 'coordinator-sides' }), f('coordinator', 'select', { options: 'request-coordinators' })],
  'request.request-additional-info': [justification, f('questions', 'checkboxes', { options: 'questions' })],
  'request.reject-additional-info': [justification],
  'request.find-reply-satisfactory': [f('comment', 'free-text', { optional: true })],
  'request.find-reply-unsatisfactory': [f('comment', 'free-text', { optional: true })],
  'request.maintain-position': [justification],
  'request.copy': [f('include.addressee', 'boolean'), f('include.questions', 'boolean'), f('include.attachments', 'boolean'), f('include.caseData', 'boolean')],
  'request.record-contrary-decision': [f('decidedOn', 'date', { optional: true }), f('reference', 'text', { optional: true })],
  'request.remove-personal-data': removal,
  'alert.submit': [f('coordinator', 'select', { optional: true, options: 'alert-coordinators' })],
  'alert.forward-to-coordinator': [f('coordinator', 'select', { options: 'alert-coordinators' })],
  'alert.add-recipient-states': [f('memberStates', 'checkboxes', { options: 'new-recipient-states' })],
  'alert.forward-within-state': [f('authorities', 'checkboxes', { options: 'alert-authorities' })],
  'alert.remove-recipient': [f('authorityId', 'select', { options: 'recipients' })],
  'alert.modify': [
    f('provider.name', 'text', { optional: true }),
    f('provider.address', 'text', { optional: true }),
    f('provider.registrationNumber', 'text', { optional: true }),
    f('serviceActivity', 'text', { optional: true }),
    f('caseDescription', 'free-text', { optional: true }),
  ],
  'alert.change-establishment': [f('establishment', 'select', { options: 'establishment' })],
  'alert.submit-information': [f('kind', 'select', { options: 'information-kinds' }), f('coordinator', 'select', { options: 'alert-coordinators' }), text],
  'alert.edit-information': [informationId, text],
  'alert.delete-information': [informationId],
  'alert.broadcast-information': [informationId],
  'alert.propose-withdrawal': [f('reason', 'free-text')],
  'alert.propose-closure': [f('coordinator', 'select', { options: 'alert-coordinators' }), text],
  'alert.comment': [text],
  'alert.edit-closure-proposal': [text],
  'alert.broadcast-closure-proposal': [f('includedComments', 'checkboxes', { options: 'closure-comments' })],
  'alert.remove-personal-data': removal,
}

/** Actions that open the exchange's editing form instead of a command: the page handles `imi-edit`. @internal */
export const EDIT_ACTIONS: ReadonlyArray<string> = ['request.edit', 'alert.edit']

/** What one question's answer looks like in a form: the ids of its inputs. @internal */
export const answerInputs = (questionId: string) => ({
  answer: `answers.${questionId}.answerId`,
  comment: `answers.${questionId}.comment`,
  language: `answers.${questionId}.language`,
})

/** The form values an action's fields read: strings (or several, for checkboxes) by input name. @internal */
export interface FormValues {
  get(name: string): string | undefined
  getAll(name: string): ReadonlyArray<string>
}

const setPath = (target: Record<string, unknown>, path: string, value: unknown): void => {
  const [head, ...rest] = path.split('.')
  if (head === undefined) return
  if (rest.length === 0) {
    target[head] = value
    return
  }
  const inner = (typeof target[head] === 'object' && target[head] !== null ? target[head] : {}) as Record<string, unknown>
  target[head] = inner
  setPath(inner, rest.join('.'), value)
}

/**
 * The payload of a command from the values of its form: empty optional fields left out, free texts
 * with their language, checkboxes as arrays, `answers` for the given questions. Files are uploaded
 * by the caller first, which passes their attachment input in `files`.
 *
 * @internal
 */
export const payloadOf = (
  fields: ReadonlyArray<FieldSpec>,
  values: FormValues,
  questionIds: ReadonlyArray<string> = [],
  files: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> => {
  const payload: Record<string, unknown> = {}
  for (const field of fields) {
    const raw = values.get(field.name)?.trim() ?? ''
    switch (field.kind) {
      case 'free-text': {
        const t = values.get(`${field.name}.text`)?.trim() ?? ''
        if (t === '' && field.optional === true) break
        setPath(payload, field.name, { text: t, language: values.get(`${field.name}.language`) ?? 'en' })
        break
      }
      case 'boolean':
        setPath(payload, field.name, values.get(field.name) !== undefined)
        break
      case 'checkboxes':
        setPath(payload, field.name, [...values.getAll(field.name)])
        break
      case 'list':
        setPath(
          payload,
          field.name,
          raw.split(',').map((s) => s.trim()).filter((s) => s !== ''),
        )
        break
      case 'answers': {
        const answers = questionIds.flatMap((questionId) => {
          const ids = answerInputs(questionId)
          const answerId = values.get(ids.answer) ?? ''
          const comment = values.get(ids.comment)?.trim() ?? ''
          if (answerId === '' && comment === '') return []
          return [{ questionId, ...(answerId === '' ? {} : { answerId }), ...(comment === '' ? {} : { comment: { text: comment, language: values.get(ids.language) ?? 'en' } }) }]
        })
        setPath(payload, field.name, answers)
        break
      }
      case 'file':
        if (files[field.name] !== undefined) setPath(payload, field.name, files[field.name])
        break
      default:
        if (raw === '' && field.optional === true) break
        setPath(payload, field.name, raw === NULL_OPTION ? null : raw)
    }
  }
  return payload
}
