import { describe, expect, it } from 'vitest'
import { ALERT_ACTIONS, ALERT_EVENT_PAYLOADS, ALERT_INFORMATION_KINDS, EARLY_REMOVAL_REQUESTERS, ATTACHMENT_RELEVANCE, COMPLETE_UI_LANGUAGES, LANGUAGES, REQUEST_ACTIONS, REQUEST_EVENT_PAYLOADS, UI_LABELS } from '@imi-kit/core'
import type { FormValues } from './action-forms.js'
import { ACTION_FORMS, NULL_OPTION, RELEVANCES, REMOVAL_REQUESTERS, answerInputs, payloadOf } from './action-forms.js'

const values = (entries: ReadonlyArray<readonly [string, string]>): FormValues => ({
  get: (name) => entries.find(([k]) => k === name)?.[1],
  getAll: (name) => entries.filter(([k]) => k === name).map(([, v]) => v),
})

const complete = (key: string) => COMPLETE_UI_LANGUAGES.every((l) => (UI_LABELS[key]?.[l] ?? '').trim() !== '')

describe('labels of the exchange, its toolbar and its history', () => {
  it('[I18N-STANDARD-MESSAGES] labels every action of both procedures in English, French and German', () => {
    const missing = [...REQUEST_ACTIONS, ...ALERT_ACTIONS].filter((a) => !complete(`actions.${a}`))
    expect(missing).toEqual([])
  })

  it('[I18N-STANDARD-MESSAGES] labels every event of both procedures, as the history names them', () => {
    const missing = [...Object.keys(REQUEST_EVENT_PAYLOADS), ...Object.keys(ALERT_EVENT_PAYLOADS)].filter((e) => !complete(`exchange.event.${e}`))
    expect(missing).toEqual([])
  })

  it('[I18N-FREE-TEXT-TAGGED] names every language a free text may declare, and every field, relevance and kind a form offers', () => {
    const keys = [
      ...LANGUAGES.map((l) => `comments.language.${l}`),
      ...ATTACHMENT_RELEVANCE.map((r) => `exchange.relevance.${r}`),
      ...ALERT_INFORMATION_KINDS.map((k) => `actions.kind.${k}`),
      ...Object.values(ACTION_FORMS).flatMap((fields) => fields.filter((f) => f.kind !== 'answers' && f.kind !== 'file').map((f) => `actions.field.${f.name}`)),
    ]
    expect(keys.filter((k) => !complete(k))).toEqual([])
  })

  it('[REQ-EXTRA-ATTACHMENTS] offers exactly the relevances the core knows', () => {
    expect(RELEVANCES).toEqual(ATTACHMENT_RELEVANCE)
  })

  it('[RET-EARLY-REMOVAL] offers exactly the requesters of an early removal the core knows, each labelled', () => {
    expect(REMOVAL_REQUESTERS).toEqual(EARLY_REMOVAL_REQUESTERS)
    expect(REMOVAL_REQUESTERS.filter((r) => !complete(`actions.requester.${r}`))).toEqual([])
  })

  it('[RET-EARLY-REMOVAL] collects the reason of an early removal with its language, and who asked only when chosen', () => {
    expect(payloadOf(ACTION_FORMS['request.remove-personal-data'] ?? [], values([['reason.text', ' Demande de la personne concernée. '], ['reason.language', 'fr'], ['requestedBy', 'data-subject']]))).toEqual({
      reason: { text: 'Demande de la personne concernée.', language: 'fr' },
      requestedBy: 'data-subject',
    })
    expect(payloadOf(ACTION_FORMS['alert.remove-personal-data'] ?? [], values([['reason.text', 'Court order 2026/77.'], ['reason.language', 'en'], ['requestedBy', '']]))).toEqual({
      reason: { text: 'Court order 2026/77.', language: 'en' },
    })
  })

  it('has a form for actions of both procedures only, never for creation', () => {
    const known = new Set<string>([...REQUEST_ACTIONS, ...ALERT_ACTIONS])
    expect(Object.keys(ACTION_FORMS).filter((a) => !known.has(a))).toEqual([])
    expect(ACTION_FORMS['request.create']).toBeUndefined()
    expect(ACTION_FORMS['alert.create']).toBeUndefined()
  })
})

describe('payloadOf', () => {
  it('[I18N-FREE-TEXT-TAGGED] makes each free text carry its declared language, and leaves out empty optional fields', () => {
    expect(payloadOf(ACTION_FORMS['request.refuse'] ?? [], values([['justification.text', ' Nicht zuständig. '], ['justification.language', 'de'], ['noOtherCompetentAuthority', 'on']]))).toEqual({
      justification: { text: 'Nicht zuständig.', language: 'de' },
      noOtherCompetentAuthority: true,
    })
    expect(payloadOf(ACTION_FORMS['request.accept'] ?? [], values([['deadline', ''], ['coordinator', '']]))).toEqual({})
    expect(payloadOf(ACTION_FORMS['request.accept'] ?? [], values([['deadline', '2026-04-20']]))).toEqual({ deadline: '2026-04-20' })
    expect(payloadOf(ACTION_FORMS['request.find-reply-satisfactory'] ?? [], values([['comment.text', ''], ['comment.language', 'fr']]))).toEqual({})
  })

  it('builds nested fields, lists, checkboxes and null choices', () => {
    expect(payloadOf(ACTION_FORMS['request.copy'] ?? [], values([['include.questions', 'on'], ['include.caseData', 'on']]))).toEqual({
      include: { addressee: false, questions: true, attachments: false, caseData: true },
    })
    expect(payloadOf(ACTION_FORMS['request.allocate'] ?? [], values([['side', 'responding'], ['users', 'de-ca-handler, de-ca-handler-2,']]))).toEqual({
      side: 'responding',
      users: ['de-ca-handler', 'de-ca-handler-2'],
    })
    expect(payloadOf(ACTION_FORMS['alert.broadcast-closure-proposal'] ?? [], values([]))).toEqual({ includedComments: [] })
    expect(payloadOf(ACTION_FORMS['alert.forward-within-state'] ?? [], values([['authorities', 'a'], ['authorities', 'b']]))).toEqual({ authorities: ['a', 'b'] })
    expect(payloadOf(ACTION_FORMS['alert.change-establishment'] ?? [], values([['establishment', NULL_OPTION]]))).toEqual({ establishment: null })
    expect(payloadOf(ACTION_FORMS['alert.modify'] ?? [], values([['provider.name', 'Ambulances Express'], ['serviceActivity', '']]))).toEqual({ provider: { name: 'Ambulances Express' } })
  })

  it('[REQ-REPLY-ANSWER-FORM] answers each question with a predefined answer and/or a comment, and skips questions left blank', () => {
    const q1 = answerInputs('q1')
    const q2 = answerInputs('q2')
    const q3 = answerInputs('q3')
    const form = values([
      [q1.answer, 'yes'],
      [q1.comment, ''],
      [q1.language, 'de'],
      [q2.answer, ''],
      [q2.comment, 'Siehe Anlage.'],
      [q2.language, 'de'],
      [q3.answer, ''],
      [q3.comment, ''],
    ])
    expect(payloadOf(ACTION_FORMS['request.reply'] ?? [], form, ['q1', 'q2', 'q3'])).toEqual({
      answers: [
        { questionId: 'q1', answerId: 'yes' },
        { questionId: 'q2', comment: { text: 'Siehe Anlage.', language: 'de' } },
      ],
    })
  })

  it('takes an uploaded document as the attachment the command carries', () => {
    const attachment = { fileName: 'a.pdf', mediaType: 'application/pdf', size: 3, contentRef: 'ref', relevance: 'certificate' }
    expect(payloadOf(ACTION_FORMS['request.add-attachment'] ?? [], values([]), [], { attachment })).toEqual({ attachment })
  })
})
