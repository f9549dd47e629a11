/**
 * The form's own state of a request draft, the commands built from it, and where the send problems
 * the server reports belong. Nothing here decides whether a request may be saved or sent: the server
 * does, and the form only places its answer.
 *
 * @module
 */
import type { AttachmentRelevance, DraftFreeText, Language, QuestionSet, RequestContent, SendProblem } from '@imi-kit/core'

/** The steps of the wizard, in order. `derogation` appears only for a derogation question set. @internal */
export type TabId = 'area' | 'questions' | 'derogation' | 'case' | 'addressee' | 'details' | 'summary'

/** A free text being written, with its declared language ('' until declared). @internal */
export interface TextDraft {
  text: string
  language: Language | ''
}

/** A selected question. @internal */
export interface QuestionDraft {
  parameters: Record<string, string>
  comment: TextDraft
  /** An existing attachment id, or `new:N` for the N-th document added with the next save. */
  attachment: string
}

/** A document chosen but not uploaded yet. @internal */
export interface PendingAttachment {
  readonly file: File
  readonly relevance: AttachmentRelevance
}

/** An attachment already in the draft. @internal */
export interface SavedAttachment {
  readonly id: string
  readonly fileName: string
  readonly relevance: AttachmentRelevance
}

/** Everything the form holds of a draft. @internal */
export interface FormDraft {
  area: string
  questionSetId: string
  /** Selected questions by id. */
  questions: Map<string, QuestionDraft>
  caseData: Record<string, string>
  memberState: string
  addressee: string
  coordinator: string
  justification: TextDraft
  deadline: string
  attachments: SavedAttachment[]
  pending: PendingAttachment[]
  confirmed: Set<string>
  derogationTexts: Record<string, TextDraft>
  procedure: string
  related: string
}

/** An empty draft. @internal */
export const emptyDraft = (area = ''): FormDraft => ({
  area,
  questionSetId: '',
  questions: new Map(),
  caseData: {},
  memberState: '',
  addressee: '',
  coordinator: '',
  justification: { text: '', language: '' },
  deadline: '',
  attachments: [],
  pending: [],
  confirmed: new Set(),
  derogationTexts: {},
  procedure: '',
  related: '',
})

const textDraft = (t: DraftFreeText | undefined): TextDraft => ({ text: t?.text ?? '', language: t?.language ?? '' })

/** The form's draft from what the server shows of a saved one. @internal */
export const draftFromContent = (c: RequestContent, addressee: string | undefined): FormDraft => {
  const d = emptyDraft(c.legislativeArea)
  d.questionSetId = c.questionSetId ?? ''
  for (const q of c.questions)
    if (q.movedTo === undefined) d.questions.set(q.questionId, { parameters: { ...q.parameters }, comment: textDraft(q.comment), attachment: q.attachmentId ?? '' })
  for (const [k, v] of Object.entries(c.caseData)) if (typeof v === 'string') d.caseData[k] = v
  d.addressee = addressee ?? ''
  d.justification = textDraft(c.justification)
  d.deadline = c.deadline ?? ''
  for (const a of c.attachments) if (!('redacted' in a)) d.attachments.push({ id: a.id, fileName: a.fileName, relevance: a.relevance })
  const g = c.derogation
  if (g !== undefined) {
    d.confirmed = new Set(g.confirmed)
    for (const [k, v] of Object.entries(g.freeTexts)) d.derogationTexts[k] = textDraft(v)
    d.procedure = g.procedure ?? ''
    d.related = g.relatedRequestNumber ?? ''
  }
  return d
}

/** A free text as a command carries it: absent when empty, its language when declared. */
const freeText = (t: TextDraft): DraftFreeText | undefined =>
  t.text.trim() === '' ? undefined : { text: t.text, ...(t.language === '' ? {} : { language: t.language }) }

/**
 * The `request.edit` command of the draft. The questions and the case data replace the saved ones as
 * a whole; `uploaded` are the pending documents, uploaded, in order.
 *
 * @internal
 */
export const editCommand = (
  exchangeId: string,
  d: FormDraft,
  set: QuestionSet | undefined,
  uploaded: ReadonlyArray<Readonly<Record<string, unknown>>>,
): Record<string, unknown> => {
  const order = set === undefined ? [] : set.categories.flatMap((c) => c.questions.map((q) => q.id))
  const questions = [...d.questions.entries()]
    .filter(([id]) => order.includes(id))
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([questionId, q]) => {
      const comment = freeText(q.comment)
      const parameters = Object.fromEntries(Object.entries(q.parameters).filter(([, v]) => v.trim() !== ''))
      return {
        questionId,
        ...(Object.keys(parameters).length === 0 ? {} : { parameters }),
        ...(comment === undefined ? {} : { comment }),
        ...(q.attachment === '' || (q.attachment.startsWith('new:') && Number(q.attachment.slice(4)) >= uploaded.length) ? {} : { attachmentId: q.attachment }),
      }
    })
  const justification = freeText(d.justification)
  const derogation = set?.derogation
  const texts = Object.fromEntries(
    Object.entries(d.derogationTexts).flatMap(([k, v]) => {
      const t = freeText(v)
      return t === undefined || !(derogation?.freeTexts.some((f) => f.id === k) ?? false) ? [] : [[k, t]]
    }),
  )
  return {
    type: 'request.edit',
    exchangeId,
    ...(d.questionSetId === '' ? {} : { questionSetId: d.questionSetId }),
    ...(d.addressee === '' ? {} : { addressee: d.addressee }),
    ...(d.coordinator === '' ? {} : { requestingCoordinator: d.coordinator }),
    caseData: Object.fromEntries(Object.entries(d.caseData).filter(([, v]) => v.trim() !== '')),
    questions,
    ...(justification === undefined ? {} : { justification }),
    ...(d.deadline === '' ? {} : { deadline: d.deadline }),
    ...(uploaded.length === 0 ? {} : { attachments: uploaded }),
    ...(derogation === undefined
      ? {}
      : {
          derogation: {
            confirmed: [...d.confirmed].filter((id) => derogation.checklist.some((i) => i.id === id)),
            freeTexts: texts,
            ...(derogation.kind === 'measures-notification' && d.procedure !== '' ? { procedure: d.procedure } : {}),
            ...(derogation.kind === 'measures-notification' && d.related.trim() !== '' ? { relatedRequestNumber: d.related.trim() } : {}),
          },
        }),
  }
}

/** The free texts written but without a declared language, by the step that holds them. */
const untaggedTabs = (d: FormDraft): ReadonlyArray<TabId> => {
  const lacks = (t: TextDraft) => t.text.trim() !== '' && t.language === ''
  return [
    ...([...d.questions.values()].some((q) => lacks(q.comment)) ? (['questions'] as const) : []),
    ...(Object.values(d.derogationTexts).some(lacks) ? (['derogation'] as const) : []),
    ...(lacks(d.justification) ? (['details'] as const) : []),
  ]
}

/**
 * The steps a send problem belongs to, from the field the server names. A missing language is
 * placed on the steps whose texts lack one.
 *
 * @internal
 */
export const tabsOfProblem = (p: SendProblem, d: FormDraft): ReadonlyArray<TabId> => {
  const f = p.field ?? ''
  if (p.code === 'request.free-text-language') {
    const tabs = untaggedTabs(d)
    return tabs.length === 0 ? ['questions'] : tabs
  }
  if (f === 'questionSetId') return ['area']
  if (f === 'questions') return ['questions']
  if (f.startsWith('caseData.')) return ['case']
  if (f === 'addressee' || f === 'requestingCoordinator') return ['addressee']
  if (f === 'justification' || f === 'deadline' || f === 'attachments') return ['details']
  if (f.startsWith('derogation.')) return ['derogation']
  return ['summary']
}

/** Replaces the placeholders "[ ]" of a question's text by the filled parameters, in order. @internal */
export const fillPlaceholders = (text: string, values: ReadonlyArray<string>): string => {
  let i = 0
  return text.replace(/\[ \]/g, (m) => {
    const v = values[i++]?.trim() ?? ''
    return v === '' ? m : `[${v}]`
  })
}
