/**
 * Builds a request report: a structured, language-aware document made from what the user's own view
 * of the request shows (`viewRequest`), never from the raw state. A report without personal data is
 * made from that view redacted once more, by the request's own personal-data schema, so that it holds
 * no personal data even for a user who could see it.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Actor, Viewer } from '../model/actor.js'
import { viewerOf } from '../model/actor.js'
import type { Directory } from '../model/directory.js'
import type { DomainError } from '../model/errors.js'
import { domainError } from '../model/errors.js'
import type { AuthorityId, QuestionSetId } from '../model/ids.js'
import { findQuestion } from '../model/legislative-areas.js'
import type { PredefinedQuestion, QuestionSet } from '../model/legislative-areas.js'
import type { Redacted } from '../model/personal-data.js'
import { isRedacted, redactPersonalData } from '../model/personal-data.js'
import type { LocalizedText } from '../i18n/languages.js'
import { localize } from '../i18n/languages.js'
import type { ExchangeView, HistoryEntry } from '../procedure/procedure.js'
import type { RequestPolicy } from '../procedures/request/facts.js'
import type { Answer, Attachment, RequestState, RequestStatus } from '../procedures/request/model.js'
import { requestContentCodec } from '../procedures/request/model.js'
import type { RequestContent } from '../procedures/request/view.js'
import { viewRequest } from '../procedures/request/view.js'
import { localDate, localTimeOfDay } from '../time/calendar.js'
import { reportExpiresAt } from './expiry.js'
import type { ReportLabels, ReportLanguage } from './labels.js'
import { REPORT_LABELS } from './labels.js'
import type { ReportDocument, ReportPart, ReportRow, ReportSection } from './model.js'
import type { CheckedReportInput } from './permissions.js'
import { checkReportInput, reportPermissions } from './permissions.js'

// ---------------------------------------------------------------------------------------------
// formatting

/** An instant as `YYYY-MM-DD HH:mm`, Brussels time. */
const instant = (iso: string): string => `${localDate(iso)} ${localTimeOfDay(iso).slice(0, 5)}`

const text = (l: LocalizedText | undefined, language: ReportLanguage, fallback: string): string => (l === undefined ? fallback : localize(l, language)[0])

const row = (label: string, value: string, extra: Partial<Pick<ReportRow, 'language' | 'personalData'>> = {}): ReportRow => ({
  label,
  value,
  ...(extra.language === undefined ? {} : { language: extra.language }),
  ...(extra.personalData === true ? { personalData: true } : {}),
})

const freeTextRow = (label: string, t: { readonly text: string; readonly language?: string } | undefined): ReadonlyArray<ReportRow> =>
  t === undefined ? [] : [row(label, t.text, t.language === undefined ? {} : { language: t.language })]

const section = (id: ReportSection['id'], heading: string, rows: ReadonlyArray<ReportRow>, paragraphs: ReadonlyArray<string> = []): ReportSection => ({ id, heading, paragraphs, rows })

// ---------------------------------------------------------------------------------------------
// the parts

interface Env {
  readonly labels: ReportLabels
  readonly language: ReportLanguage
  readonly directory: Directory
  readonly view: ExchangeView<RequestContent>
  readonly content: RequestContent
  readonly personalFields: ReadonlyArray<string>
  readonly checked: CheckedReportInput
}

const withheldText = (env: Env, v: Redacted): string => env.labels.withheld[v.redacted]

const authorityRows = (env: Env, id: AuthorityId | undefined): ReadonlyArray<ReportRow> => {
  const l = env.labels.authority
  const a = id === undefined ? undefined : env.directory.authority(id)
  if (id === undefined) return [row(l.name, l.none)]
  if (a === undefined) return [row(l.name, id)]
  const informal = a.informalName === undefined ? undefined : localize(a.informalName, env.language)[0]
  return [
    row(l.name, informal === undefined || informal === a.name ? a.name : `${a.name} (${informal})`),
    row(l.memberState, a.memberState),
    row(l.email, a.email),
    row(l.languages, a.languages.join(', ')),
  ]
}

const actorText = (env: Env, actor: Actor): string => {
  if (actor.kind === 'system') return env.labels.history.system
  const authority = env.directory.authority(actor.authorityId)?.name ?? actor.authorityId
  // Officials' names are personal data too: a report without personal data names their authority only.
  if (!env.checked.containsPersonalData) return authority
  const user = env.directory.user(actor.userId)
  return user === undefined ? authority : `${user.firstName} ${user.lastName} (${authority})`
}

const caseRows = (env: Env, personal: boolean): ReadonlyArray<ReportRow> => {
  const area = env.directory.legislativeArea(env.content.legislativeArea as Parameters<Directory['legislativeArea']>[0])
  const order = (area?.request.caseFields ?? []).map((f) => f.id)
  const fields = Object.keys(env.content.caseData)
    .filter((f) => env.personalFields.includes(f) === personal)
    .sort((a, b) => (order.indexOf(a) === -1 ? 1_000 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 1_000 : order.indexOf(b)) || (a < b ? -1 : a > b ? 1 : 0))
  return fields.map((f) => {
    const value = env.content.caseData[f]
    const label = text(area?.request.caseFields.find((c) => c.id === f)?.label, env.language, f)
    return value === undefined || typeof value === 'string' ? row(label, value ?? '', personal ? { personalData: true } : {}) : row(label, withheldText(env, value))
  })
}

const questionSetOf = (env: Env): QuestionSet | undefined =>
  env.content.questionSetId === undefined ? undefined : env.directory.questionSet(env.content.questionSetId as QuestionSetId)

const subjectSection = (env: Env): ReportSection => {
  const set = questionSetOf(env)
  const rows = [...(set === undefined ? [] : [row(env.labels.subject.questionSet, text(set.title, env.language, set.id))]), ...caseRows(env, false)]
  return section('subject', env.labels.parts.subject, rows.length === 0 ? [row(env.labels.parts.subject, env.labels.subject.none)] : rows)
}

const answerText = (env: Env, q: PredefinedQuestion | undefined, a: Answer): string | undefined => {
  if (a.answerId === undefined) return undefined
  return text(q?.answers.find((x) => x.id === a.answerId)?.text, env.language, a.answerId)
}

const answerRows = (env: Env, q: PredefinedQuestion | undefined, a: Answer | undefined, n: number): ReadonlyArray<ReportRow> => {
  const l = env.labels.questions
  if (a === undefined) return [row(`${l.answer} ${n}`, l.noAnswer)]
  const value = answerText(env, q, a)
  return [...(value === undefined ? [] : [row(`${l.answer} ${n}`, value)]), ...freeTextRow(`${l.answerComment} ${n}`, a.comment)]
}

const questionsSection = (env: Env): ReportSection => {
  const l = env.labels.questions
  const set = questionSetOf(env)
  const subjectKind = env.checked.kind === 'FOR_DATA_SUBJECT' || env.checked.kind === 'CONSENT_FORM'
  const rows: ReportRow[] = []
  env.content.questions.forEach((question, i) => {
    const n = i + 1
    const q = set === undefined ? undefined : findQuestion(set, question.questionId)
    rows.push(row(`${l.question} ${n}`, text(q?.text, env.language, question.questionId)))
    const params = Object.entries(question.parameters).map(([id, value]) => `${text(q?.parameters.find((p) => p.id === id)?.label, env.language, id)}: ${value}`)
    if (params.length > 0) rows.push(row(`${l.parameters} ${n}`, params.join('; ')))
    rows.push(...freeTextRow(`${l.comment} ${n}`, question.comment))
    // The document itself is personal data, shown in the attachments part only.
    if (question.attachmentId !== undefined) rows.push(row(`${l.question} ${n}`, l.aboutAttachment))
    if (question.movedTo !== undefined) rows.push(row(`${l.answer} ${n}`, l.movedTo))
    else rows.push(...answerRows(env, q, env.content.answers.find((a) => a.questionId === question.questionId), n))
  })
  // The responding side's unsent answers are shown to that side only, and never to the data subject.
  const unsent = subjectKind ? [] : (env.content.draftAnswers ?? [])
  if (unsent.length > 0) {
    rows.push(row(l.unsentAnswers, ''))
    unsent.forEach((a) => {
      const n = env.content.questions.findIndex((x) => x.questionId === a.questionId) + 1
      const q = set === undefined ? undefined : findQuestion(set, a.questionId)
      rows.push(...answerRows(env, q, a, n))
    })
  }
  return section('questions-and-answers', env.labels.parts['questions-and-answers'], rows.length === 0 ? [row(l.question, l.none)] : rows)
}

const messagesSection = (env: Env): ReportSection => {
  const l = env.labels.messages
  const c = env.content
  const rows: ReportRow[] = [...freeTextRow(l.justification, c.justification)]
  for (const m of c.messages) rows.push(row(`${l.message} — ${env.labels.sides[m.side]}, ${instant(m.at)}`, m.text.text, { language: m.text.language }))
  if (c.additionalInfo !== undefined) {
    const ai = c.additionalInfo
    rows.push(row(`${l.additionalInfo} (${ai.round})`, ai.justification.text, { language: ai.justification.language }))
    if (ai.questions.length > 0) {
      const set = questionSetOf(env)
      rows.push(row(l.additionalInfoQuestions, ai.questions.map((id) => text(set === undefined ? undefined : findQuestion(set, id)?.text, env.language, id)).join('; ')))
    }
    rows.push(row(l.additionalInfoAccepted, ai.accepted ? l.yes : l.no))
    rows.push(...freeTextRow(l.additionalInfoRefusal, ai.refusal))
  }
  rows.push(...freeTextRow(l.returnedByCoordinator, c.returnedByCoordinator))
  const d = c.derogation
  if (d !== undefined) {
    const set = questionSetOf(env)
    if (d.procedure !== undefined) rows.push(row(l.derogationProcedure, d.procedure))
    rows.push(row(l.derogationConfirmed, String(d.confirmed.length)))
    for (const [field, t] of Object.entries(d.freeTexts)) rows.push(...freeTextRow(text(set?.derogation?.freeTexts.find((f) => f.id === field)?.label, env.language, field), t))
    if (d.relatedRequestNumber !== undefined) rows.push(row(l.derogationRelated, d.relatedRequestNumber))
    if (d.earliestMeasureDate !== undefined) rows.push(row(l.earliestMeasureDate, d.earliestMeasureDate))
    if (d.contraryDecision !== undefined)
      rows.push(row(l.contraryDecision, [d.contraryDecision.decidedOn ?? instant(d.contraryDecision.recordedAt), d.contraryDecision.reference].filter((x) => x !== undefined).join(' — ')))
  }
  return section('messages', env.labels.parts.messages, rows.length === 0 ? [row(l.message, l.none)] : rows)
}

const attachmentsSection = (env: Env): ReportSection => {
  const l = env.labels.attachments
  const rows: ReportRow[] = []
  env.content.attachments.forEach((a: Attachment | Redacted, i) => {
    const n = i + 1
    if (isRedacted(a)) {
      rows.push(row(`${l.file} ${n}`, withheldText(env, a)))
      return
    }
    rows.push(
      row(`${l.file} ${n}`, a.fileName, { personalData: true }),
      row(`${l.mediaType} ${n}`, a.mediaType),
      row(`${l.size} ${n}`, `${a.size} ${l.bytes}`),
      row(`${l.relevance} ${n}`, env.labels.relevance[a.relevance]),
      row(`${l.addedBy} ${n}`, env.labels.sides[a.addedBy]),
      row(`${l.addedAt} ${n}`, instant(a.addedAt)),
    )
    for (const q of env.content.questions) if (q.attachmentId === a.id) rows.push(...freeTextRow(`${l.comments} ${n}`, q.comment))
  })
  return section('attachments', env.labels.parts.attachments, rows.length === 0 ? [row(l.file, l.none)] : rows)
}

const statusText = (env: Env, s: string | undefined): string => (s === undefined ? '' : (env.labels.statuses[s as RequestStatus] ?? s))

const historySection = (env: Env): ReportSection => {
  const l = env.labels.history
  const rows = env.view.history.flatMap((h: HistoryEntry) => [
    row(instant(h.at), `${env.labels.events[h.action] ?? h.action} — ${l.by} ${actorText(env, h.actor)}${h.from === undefined || h.from === h.to ? '' : ` (${statusText(env, h.from)} → ${statusText(env, h.to)})`}`),
    ...freeTextRow(`${l.justification} (${instant(h.at)})`, h.justification),
  ])
  return section('history', env.labels.parts.history, rows.length === 0 ? [row(env.labels.parts.history, l.none)] : rows)
}

const partSection = (env: Env, part: ReportPart): ReportSection => {
  const s = env.view.summary
  switch (part) {
    case 'requesting-authority':
      return section(part, env.labels.parts[part], authorityRows(env, s.requestingAuthority))
    case 'responding-authority': {
      const sent = s.respondingAuthority !== undefined
      const id = s.respondingAuthority ?? s.authorities.find((a) => a !== s.requestingAuthority)
      return section(part, sent ? env.labels.parts[part] : env.labels.authority.notSentYet, authorityRows(env, id))
    }
    case 'subject':
      return subjectSection(env)
    case 'subject-personal-data': {
      const rows = caseRows(env, true)
      return section(part, env.labels.parts[part], rows.length === 0 ? [row(env.labels.parts[part], env.labels.subject.none)] : rows)
    }
    case 'questions-and-answers':
      return questionsSection(env)
    case 'messages':
      return messagesSection(env)
    case 'attachments':
      return attachmentsSection(env)
    case 'history':
      return historySection(env)
  }
}

const generalSection = (env: Env, generatedAt: string, expiresAt: string, by: string): ReportSection => {
  const l = env.labels.fields
  const s = env.view.summary
  const area = env.directory.legislativeArea(s.legislativeArea)
  const c = env.content
  return section(
    'general',
    env.labels.general,
    [
      row(l.number, s.number),
      row(l.procedure, l.procedureName),
      row(l.legislativeArea, text(area?.name, env.language, s.legislativeArea)),
      row(l.status, statusText(env, env.view.displayedStatus)),
      ...(c.closureReason === undefined ? [] : [row(l.closureReason, env.labels.closureReasons[c.closureReason])]),
      row(l.createdAt, instant(s.createdAt)),
      ...(s.sentAt === undefined ? [] : [row(l.sentAt, instant(s.sentAt))]),
      ...(s.closedAt === undefined ? [] : [row(l.closedAt, instant(s.closedAt))]),
      ...(c.deadline === undefined ? [] : [row(l.deadline, c.deadline)]),
      ...(c.originalDeadline === undefined || c.originalDeadline === c.deadline ? [] : [row(l.originalDeadline, c.originalDeadline)]),
      row(l.report, env.labels.kinds[env.checked.kind]),
      row(l.generatedAt, instant(generatedAt)),
      row(l.generatedBy, by),
      row(l.expiresAt, instant(expiresAt)),
    ],
    [env.checked.containsPersonalData ? env.labels.personalDataNotice.included : env.labels.personalDataNotice.excluded, l.times],
  )
}

// ---------------------------------------------------------------------------------------------
// the report

/**
 * What {@link buildReport} needs: the request, who asks (an actor, resolved against the directory,
 * or a viewer), the directory, the instant, and the report request as the caller sent it.
 *
 * @category reports
 */
export interface BuildReportInput {
  readonly state: RequestState
  readonly who: Actor | Viewer
  readonly directory: Directory
  readonly now: Date
  /** `{ kind, parts?, language? }`, unvalidated. */
  readonly input: unknown
  /** The operator's request policy, for the instant personal data is blocked. */
  readonly policy?: RequestPolicy
}

const resolveViewer = (who: Actor | Viewer, directory: Directory): Viewer | undefined =>
  who.kind === 'user' && 'userId' in who ? viewerOf(directory, who) : who.kind === 'system' ? undefined : (who as Viewer)

/**
 * The view a report of this request is made from: the user's own view, redacted once more by the
 * request's personal-data schema when the report holds no personal data.
 *
 * @category reports
 */
export const reportView = (state: RequestState, viewer: Viewer, containsPersonalData: boolean): ExchangeView<RequestContent> | undefined => {
  const view = viewRequest(state, viewer)
  if (view === undefined || view.content === undefined || containsPersonalData) return view
  return { ...view, content: redactPersonalData(requestContentCodec(state.personalFields), view.content, 'personal-data') as RequestContent }
}

/**
 * Builds a report on a request for a user, in the language asked (or the user's own where reports
 * are translated, else English). The user must be allowed the kind and parts asked for
 * ({@link reportPermissions}, {@link checkReportInput}); the report holds only what the user's view
 * shows, and for a kind without personal data, none at all (SRCH-REPORT-NO-PD-CLEAN). Reports can be
 * made at any stage, draft and closed included (SRCH-REPORT-ANY-STAGE).
 *
 * The data-subject report opens with an explanation for the subject (RET-SUBJECT-REPORT); the consent
 * form adds a disclaimer and the consent the subject may sign (RET-CONSENT-FORM).
 *
 * @example
 * ```ts
 * import { buildReport } from '@imi-kit/core'
 * // const r = buildReport({ state, who: actor, directory, now, input: { kind: 'FULL_WITHOUT_PERSONAL_DATA', language: 'fr' } })
 * // E.isRight(r) && r.right.sections.map((s) => s.heading)
 * ```
 * @category reports
 */
export const buildReport = (b: BuildReportInput): E.Either<DomainError, ReportDocument> => {
  const viewer = resolveViewer(b.who, b.directory)
  const permissions = reportPermissions(b.who, b.state, b.directory, b.now, b.policy)
  const checked = checkReportInput(permissions, b.input, viewer?.kind === 'user' ? viewer.user.language : 'en')
  if (E.isLeft(checked)) return checked
  if (viewer?.kind !== 'user') return E.left(domainError('report.not-allowed', 'Only users produce reports', 'SRCH-REPORT-NO-ROLE'))
  const view = reportView(b.state, viewer, checked.right.containsPersonalData)
  if (view?.content === undefined) return E.left(domainError('report.not-allowed', 'You may produce no report on this request', 'SRCH-REPORT-NO-ROLE'))
  const labels = REPORT_LABELS[checked.right.language]
  const env: Env = { labels, language: checked.right.language, directory: b.directory, view, content: view.content, personalFields: b.state.personalFields, checked: checked.right }
  const generatedAt = b.now.toISOString()
  const expiresAt = reportExpiresAt(generatedAt)
  const kind = checked.right.kind
  const subjectKind = kind === 'FOR_DATA_SUBJECT' || kind === 'CONSENT_FORM'
  // The subject receives the report from the authority; officials are named only in internal reports with personal data.
  const by = checked.right.containsPersonalData && !subjectKind ? `${viewer.user.firstName} ${viewer.user.lastName} (${viewer.authority.name})` : viewer.authority.name
  const sections: ReportSection[] = [
    ...(subjectKind ? [section('introduction', labels.subjectIntroduction.heading, [], labels.subjectIntroduction.paragraphs)] : []),
    generalSection(env, generatedAt, expiresAt, by),
    ...checked.right.parts.map((p) => partSection(env, p)),
    ...(kind === 'CONSENT_FORM'
      ? [
          section('disclaimer', labels.disclaimer.heading, [], labels.disclaimer.paragraphs),
          { ...section('consent', labels.consent.heading, [], labels.consent.paragraphs), signatureLines: labels.consent.lines },
        ]
      : []),
  ]
  return E.right({
    kind,
    language: checked.right.language,
    title: `${labels.kinds[kind]} — ${view.number}`,
    exchangeId: view.exchangeId,
    number: view.number,
    parts: checked.right.parts,
    containsPersonalData: checked.right.containsPersonalData,
    generatedAt,
    expiresAt,
    generatedBy: { userId: viewer.user.id, authority: viewer.authority.name },
    sections,
  })
}
