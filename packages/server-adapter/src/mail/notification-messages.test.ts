/**
 * The standard messages of the request and alert workflows: every message id the core emits is
 * translated, each e-mail is in its reader's language and links to the entry, and no e-mail of a
 * whole request or alert life carries the exchange's content or anybody's personal data.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { AuthorityId, Directory, EventEnvelope, ExchangeId, Notification } from '@imi-kit/core'
import { SYSTEM as SYSTEM_ACTOR, exchangeId } from '@imi-kit/core'
import {
  A, DAY, PQ, Q2, TEST_ALERT_POLICY, U, alertDraft, alertHarness, allocationOn, cmd, createRequest, forwardedAlert, freeText, measuresNotificationDraft,
  repliedRequest, replyApprovalOn, requestApprovalOn, requestHarness, sendRequest, standardAnswers, submittedAlert, withRequestAccess, world, worldData,
} from '@imi-kit/core/testing'
import type { Harness } from '@imi-kit/core/testing'
import { MAIL_LANGUAGES, mailLanguageOf } from './languages.js'
import { notificationMails } from './notification-mails.js'
import { FALLBACK_MESSAGE, NOTIFICATION_MESSAGES, exchangeUrl, renderNotification } from './notification-messages.js'

const BASE_URL = 'https://imi.example.org/portal'

// ---------------------------------------------------------------------------------------------
// lifecycles

/** Everything a run of steps left: its harnesses' notifications, events and directories. */
interface Lives {
  readonly notifications: ReadonlyArray<{ readonly n: Notification; readonly directory: Directory }>
  readonly events: ReadonlyArray<EventEnvelope>
}

const collect = (...hs: ReadonlyArray<Harness<unknown>>): Lives => ({
  notifications: hs.flatMap((h) => h.notifications().map((n) => ({ n, directory: h.directory }))),
  events: hs.flatMap((h) => h.exchanges().flatMap((id) => h.events(id))),
})

const ATTACHMENT = { fileName: 'register-extract-dupont.pdf', mediaType: 'application/pdf', size: 2048, contentRef: 'blob:extract', relevance: 'certificate' }

/** Requests taken through every step that causes a message, each step writing content or personal data. */
const requestLives = (): Lives => {
  // approval by both coordinators, messages, attachments, additional information refused and accepted
  const approvals = requestHarness(replyApprovalOn(requestApprovalOn(worldData())))
  const id = createRequest(approvals)
  approvals.ok(U.frHandler, cmd('request.send', id))
  approvals.ok(U.frNimicReferee, cmd('request.return', id, { suggestions: freeText('fr', 'Ajoutez la date de naissance exacte de M. Dupont.') }))
  approvals.ok(U.frHandler, cmd('request.send', id))
  approvals.ok(U.frNimicReferee, cmd('request.approve', id))
  approvals.ok(U.deHandler, cmd('request.accept', id, { deadline: '2026-04-20' }))
  approvals.ok(U.frHandler, cmd('request.add-message', id, { text: freeText('fr', 'Le dossier de M. Dupont est urgent.') }))
  approvals.ok(U.deHandler, cmd('request.add-attachment', id, { attachment: ATTACHMENT }))
  approvals.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
  approvals.ok(U.deNimicReferee, cmd('request.return-reply', id, { suggestions: freeText('de', 'Bitte den Zeitraum der Untersagung angeben.') }))
  approvals.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
  approvals.ok(U.deNimicReferee, cmd('request.approve-reply', id))
  approvals.ok(U.frHandler, cmd('request.request-additional-info', id, { justification: freeText('fr', 'Précisez la période de suspension de M. Dupont.'), questions: [Q2] }))
  approvals.ok(U.deHandler, cmd('request.reject-additional-info', id, { justification: freeText('de', 'Die Unterlagen wurden vernichtet.') }))
  approvals.ok(U.frHandler, cmd('request.accept-refusal', id))

  const more = requestHarness()
  const more1 = repliedRequest(more)
  more.ok(U.frHandler, cmd('request.request-additional-info', more1, { justification: freeText('fr', 'Merci de compléter.'), questions: [Q2] }))
  more.ok(U.deHandler, cmd('request.accept-additional-info', more1))

  // allocation
  const allocation = requestHarness(allocationOn(worldData(), A.deCa))
  const allocated = sendRequest(allocation)
  allocation.ok(U.deAllocator, cmd('request.allocate', allocated, { side: 'responding', users: [U.deHandler] }))

  // refusal, forward, split
  const moves = requestHarness(withRequestAccess(worldData(), A.deCa, (r) => ({ ...r, parameters: { ...r.parameters, mayRefuseRequests: true } })))
  moves.ok(U.deHandler, cmd('request.refuse', sendRequest(moves), { justification: freeText('de', 'Herr Dupont ist hier nicht bekannt.'), noOtherCompetentAuthority: true }))
  moves.ok(U.deHandler, cmd('request.forward', sendRequest(moves), { to: A.deCa2, justification: freeText('de', 'Zuständig ist Stuttgart für Herrn Dupont.') }))
  const split = sendRequest(moves)
  moves.ok(U.deHandler, cmd('request.accept', split))
  moves.ok(U.deHandler, cmd('request.split', split, { to: A.deCa2, justification: freeText('de', 'Teilweise zuständig.'), questions: [Q2], attachments: [] }))

  // arbitration by both coordinators, then returned and maintained
  const arbitration = requestHarness()
  const arbitrated = repliedRequest(arbitration)
  arbitration.ok(U.frHandler, cmd('request.request-additional-info', arbitrated, { justification: freeText('fr', 'Précisez.'), questions: [Q2] }))
  arbitration.ok(U.deHandler, cmd('request.reject-additional-info', arbitrated, { justification: freeText('de', 'Nicht verfügbar.') }))
  arbitration.ok(U.frHandler, cmd('request.insist', arbitrated))
  for (let step = 0; step < 4 && arbitration.state(arbitrated).status !== 'returned-after-arbitration'; step++) {
    const status = arbitration.state(arbitrated).status
    const referee = status === 'arbitration-requesting-coordinator' ? U.frNimicReferee : U.deNimicReferee
    arbitration.ok(referee, cmd('request.find-reply-unsatisfactory', arbitrated))
  }
  arbitration.ok(U.deHandler, cmd('request.maintain-position', arbitrated, { justification: freeText('de', 'Wir bleiben bei unserer Antwort zu Herrn Dupont.') }))

  // a notification of measures, on which the Commission decides
  const derogation = requestHarness()
  const measures = sendRequest(derogation, measuresNotificationDraft())
  derogation.advance(10 * DAY)
  derogation.ok(SYSTEM_ACTOR, cmd('request.record-contrary-decision', measures, { decidedOn: '2026-03-11', reference: 'C(2026) 1234' }))

  return collect(approvals, more, allocation, moves, arbitration, derogation)
}

const INFO = 'Mr Dupont was fined 5,000 euros in Berlin.'
const text = (t: string) => ({ text: t, language: 'en' })
const act = (type: string, id: ExchangeId, rest: Record<string, unknown> = {}) => ({ type, exchangeId: id, ...rest })

/** Alerts taken through every step that causes a message, each carrying personal data. */
const alertLives = (): Lives => {
  const h = alertHarness()
  // a closure with information, a change of establishment, comments and an objection
  const closed = forwardedAlert(h, { draft: { establishment: 'DE' } })
  h.ok(U.deAlertHandler, act('alert.submit-information', closed, { kind: 'general', coordinator: A.deNimic, text: text(INFO) }))
  h.ok(U.deNimicBroadcaster, act('alert.broadcast-information', closed, { informationId: h.state(closed).information.at(-1)?.id }))
  h.ok(U.frNimicBroadcaster, act('alert.change-establishment', closed, { establishment: null }))
  h.ok(U.frNimicBroadcaster, act('alert.change-establishment', closed, { establishment: 'DE' }))
  h.ok(U.deAlertHandler, act('alert.propose-closure', closed, { coordinator: A.deNimic, text: text('Mr Dupont has ceased his activity.') }))
  h.ok(U.de2AlertHandler, act('alert.comment', closed, { text: text('Mr Dupont told our inspector he sold the vehicles.') }))
  h.advance(TEST_ALERT_POLICY.commentPeriod.days * DAY)
  h.ok(SYSTEM_ACTOR, act('alert.end-comment-period', closed))
  h.ok(U.deNimicBroadcaster, act('alert.broadcast-closure-proposal', closed, { includedComments: h.state(closed).closure?.comments.map((c) => c.id) ?? [] }))
  h.ok(U.itNimicBroadcaster, act('alert.submit-information', closed, { kind: 'objection', coordinator: A.itNimic, text: text('Mr Dupont still drives patients in Lyon.') }))
  h.ok(U.itNimicBroadcaster, act('alert.broadcast-information', closed, { informationId: h.state(closed).information.at(-1)?.id }))
  h.advance(TEST_ALERT_POLICY.objectionPeriod.days * DAY)
  h.ok(SYSTEM_ACTOR, act('alert.end-objection-period', closed))
  h.ok(U.deNimicBroadcaster, act('alert.close', closed))
  // a withdrawal
  const withdrawn = forwardedAlert(h)
  h.ok(U.frAlertHandler, act('alert.propose-withdrawal', withdrawn, { reason: text('Mr Dupont was confused with his namesake.') }))
  h.ok(U.frNimicBroadcaster, act('alert.broadcast-withdrawal', withdrawn))
  // a forward to another coordinator, and a deletion before broadcast
  const moved = submittedAlert(h)
  h.ok(U.frNimicBroadcaster, act('alert.forward-to-coordinator', moved, { coordinator: A.frDimic }))
  h.ok(U.frAlertHandler, alertDraft())
  const deleted = h.last()
  h.ok(U.frAlertHandler, act('alert.submit', deleted))
  h.ok(U.frAlertHandler, act('alert.delete', deleted))
  return collect(h as Harness<unknown>)
}

// ---------------------------------------------------------------------------------------------
// what the core emits

/** The message ids written in the core's notification modules: every string `request.…`/`alert.…` outside a `case` label. */
const emittedInSource = (): ReadonlySet<string> => {
  const ids = new Set<string>()
  for (const procedure of ['request', 'alert']) {
    const file = fileURLToPath(new URL(`../../../core/src/procedures/${procedure}/notifications.ts`, import.meta.url))
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (/^\s*case\s/.test(line)) continue
      for (const match of line.matchAll(/'((?:request|alert)\.[a-z-]+)'/g)) if (match[1] !== undefined) ids.add(match[1])
    }
  }
  return ids
}

const lives = (): Lives => {
  const r = requestLives()
  const a = alertLives()
  return { notifications: [...r.notifications, ...a.notifications], events: [...r.events, ...a.events] }
}

// ---------------------------------------------------------------------------------------------
// the catalogue

describe('the catalogue of standard messages', () => {
  it('[I18N-STANDARD-MESSAGES] every message id the core emits has a subject and a text in English, French and German', () => {
    const inSource = emittedInSource()
    const emitted = new Set(lives().notifications.map(({ n }) => n.message))
    // the lifecycles reach every message the source names, and the source names every one they reach
    expect([...emitted].sort()).toEqual([...inSource].sort())
    expect(inSource.size).toBeGreaterThanOrEqual(30)
    // and the catalogue holds exactly those, no stale entry
    expect(Object.keys(NOTIFICATION_MESSAGES).sort()).toEqual([...inSource].sort())
    for (const id of inSource) {
      const texts = NOTIFICATION_MESSAGES[id]?.texts
      for (const language of MAIL_LANGUAGES) {
        expect(texts?.[language].subject, `${id} ${language}`).toMatch(/^IMI.*\{number\}/)
        expect(texts?.[language].body, `${id} ${language}`).toContain('{number}')
      }
      // translated, not copied
      expect(texts?.fr.body).not.toBe(texts?.en.body)
      expect(texts?.de.body).not.toBe(texts?.en.body)
      expect(texts?.de.subject).not.toBe(texts?.fr.subject)
    }
  })

  it('[I18N-STANDARD-MESSAGES] two different messages never share a subject, in any language', () => {
    for (const language of MAIL_LANGUAGES) {
      const subjects = Object.values(NOTIFICATION_MESSAGES).map((m) => m.texts[language].subject)
      expect(new Set(subjects).size).toBe(subjects.length)
    }
  })

  it('[MAIL-REQ-NO-CONTENT] a rendered message names the exchange by its number and links to its entry, with nothing left unfilled', () => {
    for (const [id, message] of Object.entries(NOTIFICATION_MESSAGES))
      for (const language of MAIL_LANGUAGES) {
        const mail = renderNotification({ message: id, exchangeId: 'x 1/é' as ExchangeId, exchangeNumber: 'REQ-004711' }, { language, baseUrl: `${BASE_URL}/` })
        expect(mail.subject).toContain('REQ-004711')
        expect(mail.text).toContain('REQ-004711')
        for (const part of [mail.subject, mail.text, mail.html ?? '']) expect(part).not.toMatch(/\{[a-zA-Z]+\}/)
        const link = `${BASE_URL}/exchanges/x%201%2F%C3%A9`
        // a deleted alert has no entry left to link to
        if (message.link === false) expect(mail.text).not.toContain('/exchanges/')
        else {
          expect(mail.text).toContain(link)
          expect(mail.html).toContain(`href="${link}"`)
        }
        expect(mail.headers).toMatchObject({ 'Content-Language': language, 'Auto-Submitted': 'auto-generated', 'X-IMI-Message': id })
        expect(mail.html).toContain(`<html lang="${language}">`)
      }
  })

  it('[I18N-STANDARD-MESSAGES] an id the catalogue does not know still gives a standard message about the exchange', () => {
    const mail = renderNotification({ message: 'cpc.something-new', exchangeId: 'x-9' as ExchangeId, exchangeNumber: 'CPC-000009' }, { language: 'de', baseUrl: BASE_URL })
    expect(mail.subject).toBe(FALLBACK_MESSAGE.texts.de.subject.replace('{number}', 'CPC-000009'))
    expect(mail.text).toContain(exchangeUrl(BASE_URL, 'x-9'))
  })
})

// ---------------------------------------------------------------------------------------------
// languages

describe('the language of each e-mail', () => {
  const incoming = (authority: AuthorityId): Notification => ({
    message: 'request.incoming',
    exchangeId: exchangeId('x-1'),
    exchangeNumber: 'REQ-000001',
    ruleId: 'MAIL-INCOMING-ALLOC-OFF',
    recipients: [{ kind: 'incoming-request', authorityId: authority, legislativeArea: PQ }, { kind: 'authority-mailbox', authorityId: authority }],
  })

  it('[I18N-WORKING-LANGUAGE] each user receives the message in their own working language; other EU languages read English', () => {
    const r = requestLives()
    for (const { n, directory } of r.notifications)
      for (const mail of notificationMails(n, directory, { baseUrl: BASE_URL })) {
        const user = directory.authorities().flatMap((a) => directory.usersOf(a.id)).find((u) => u.email === mail.to)
        if (user === undefined) continue
        const language = mailLanguageOf(user.language)
        expect(mail.headers?.['Content-Language']).toBe(language)
        expect(mail.subject).toBe(renderNotification(n, { language, baseUrl: BASE_URL }).subject)
      }
    // the Italian handler of a request to Italy reads English, the German ones German
    const { world } = requireWorld()
    const toItaly = notificationMails(incoming(A.itCa), world, { baseUrl: BASE_URL })
    expect(toItaly.find((m) => m.to === 'it-ca-handler@users.example')?.subject).toBe('IMI: new request REQ-000001 awaiting acceptance')
    const toGermany = notificationMails(incoming(A.deCa), world, { baseUrl: BASE_URL })
    expect(toGermany.find((m) => m.to === 'de-ca-handler@users.example')?.subject).toBe('IMI: neues Ersuchen REQ-000001 wartet auf Annahme')
  })

  it('[MAIL-INCOMING-ALLOC-OFF] one e-mail per handler and one copy to the authority mailbox, in a language the authority understands', () => {
    const { world } = requireWorld()
    const mails = notificationMails(incoming(A.deCa), world, { baseUrl: BASE_URL })
    expect(mails.map((m) => m.to).sort()).toEqual(['de-aerztekammer-berlin@authorities.example', 'de-ca-handler-2@users.example', 'de-ca-handler@users.example'])
    expect(mails.every((m) => m.headers?.['Content-Language'] === 'de')).toBe(true)
    // the Italian ministry understands Italian and English: its copy is in English
    const italian = notificationMails(incoming(A.itCa), world, { baseUrl: BASE_URL }).find((m) => m.to === 'it-ministero-salute@authorities.example')
    expect(italian?.headers?.['Content-Language']).toBe('en')
  })
})

const requireWorld = (): { world: Directory } => ({ world: world() })

// ---------------------------------------------------------------------------------------------
// no content, no personal data

/**
 * Every string in the events' payloads but the exchanges' ids and numbers, which messages name, and
 * the values of enumerations (`requesting`, `evidence-of-qualifications`), which are words of the
 * messages' own vocabulary: case data, free text, names, file names, dates, question ids.
 */
const contentStrings = (events: ReadonlyArray<EventEnvelope>): ReadonlySet<string> => {
  const out = new Set<string>()
  const named = new Set(events.flatMap((e) => [e.exchangeId, ...(typeof (e.payload as { number?: unknown }).number === 'string' ? [(e.payload as { number: string }).number] : [])]))
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.length >= 4 && !named.has(v) && !/^(REQ|ALERT)-\d+$/.test(v) && !/^[a-z]+(-[a-z]+)*$/.test(v)) out.add(v)
    } else if (Array.isArray(v)) v.forEach(walk)
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk)
  }
  for (const e of events) walk(e.payload)
  return out
}

/** The personal data of the directory: every user's names and address, every authority's address. */
const directoryPersonalData = (directory: Directory): ReadonlySet<string> =>
  new Set([
    ...directory.authorities().flatMap((a) => directory.usersOf(a.id).flatMap((u) => [u.firstName, u.lastName, u.email])),
    ...directory.authorities().map((a) => a.email),
  ])

const asWord = (s: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u')

const scan = (l: Lives) => {
  const secrets = contentStrings(l.events)
  let mails = 0
  for (const { n, directory } of l.notifications) {
    const personal = directoryPersonalData(directory)
    for (const mail of notificationMails(n, directory, { baseUrl: BASE_URL })) {
      mails++
      const shown = [mail.subject, mail.text, mail.html ?? '', JSON.stringify(mail.headers)].join('\n')
      for (const secret of secrets) expect(shown, `${n.message} carries "${secret}"`).not.toContain(secret)
      for (const datum of personal) expect(shown, `${n.message} carries "${datum}"`).not.toMatch(asWord(datum))
      // the only things of the exchange it names: its number and its link
      expect(shown).toContain(n.exchangeNumber)
    }
  }
  return { secrets, mails }
}

describe('no content and no personal data in any e-mail', () => {
  it('[MAIL-REQ-NO-CONTENT] the e-mails of whole request lives carry no case data, question, answer, free text, file name or personal data', () => {
    const l = requestLives()
    const { secrets, mails } = scan(l)
    // the lives did write content worth hiding, and did send e-mails
    for (const written of ['Jean Dupont', '1980-05-17', 'register-extract-dupont.pdf', 'pq.establishment.suspension', '2026-04-20', 'Le dossier de M. Dupont est urgent.', 'Keine Untersagung bekannt.', 'C(2026) 1234'])
      expect(secrets).toContain(written)
    expect(mails).toBeGreaterThan(40)
  })

  it('[MAIL-ALERT-NO-CONTENT] the e-mails of whole alert lives carry no provider, case, information, comment, objection or reason, and no personal data', () => {
    const l = alertLives()
    const { secrets, mails } = scan(l)
    for (const written of ['Jean Dupont — Ambulances Express', '12 rue de la Paix, Paris', 'FR-RCS-552100554', INFO, 'Mr Dupont still drives patients in Lyon.', 'Non-emergency patient transport'])
      expect(secrets).toContain(written)
    expect(mails).toBeGreaterThan(40)
  })
})
