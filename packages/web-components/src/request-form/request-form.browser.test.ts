import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import type { Browser, Locator, Page } from 'playwright-core'
import type { ExchangeId, RequestState } from '@imi-kit/core'
import { LANGUAGES, PROFESSIONAL_QUALIFICATIONS_GENERAL, localize } from '@imi-kit/core'
import { A, PQ, SERVICES_LA, U } from '@imi-kit/core/testing'
import { axeViolations, launch, screenshot } from '../testing/browser.js'
import type { PageServer } from '../testing/page-server.js'
import { startPageServer } from '../testing/page-server.js'

let server: PageServer
let browser: Browser

beforeAll(async () => {
  server = await startPageServer()
  browser = await launch()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

let pages = 0

/** A page with the form inside a provider, acting as `user`; `attrs` go on the form. */
const open = async (user: string, lang: string, attrs = ''): Promise<{ page: Page; form: Locator }> => {
  const url = server.page(`request-form-${++pages}`, `<imi-provider lang="${lang}"><imi-request-form ${attrs}></imi-request-form></imi-provider>`, lang)
  // The date field takes the browser's locale; en-US types month, day, year.
  const page = await browser.newPage({ locale: 'en-US' })
  await page.goto(url)
  await page.evaluate((u) => {
    const w = window as unknown as { imiEvents: Array<{ type: string; exchangeId: string }> }
    w.imiEvents = []
    for (const type of ['imi-saved', 'imi-sent'])
      document.addEventListener(type, (e) => w.imiEvents.push({ type, exchangeId: (e as CustomEvent<{ exchangeId: string }>).detail.exchangeId }))
    window.imiUseTestUser(u)
  }, user)
  const form = page.locator('imi-request-form')
  await form.locator('[role=tablist]').waitFor()
  return { page, form }
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { imiEvents: Array<{ type: string; exchangeId: string }> }).imiEvents)

const isFocused = (l: Locator) => l.evaluate((el) => el.matches(':focus'))

/** Presses Tab (only Tab) until `target` has the focus. */
const tabTo = async (page: Page, target: Locator, max = 60): Promise<void> => {
  await target.waitFor()
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${target.toString()}`)
}

const state = async (id: string): Promise<RequestState> => {
  const loaded = await server.api.app.load(id as ExchangeId)
  if (E.isLeft(loaded)) throw new Error(loaded.left.message)
  return loaded.right.state as RequestState
}

/** Creates a draft through the API as the French handler. */
const draft = async (command: Readonly<Record<string, unknown>>): Promise<string> => {
  const r = await server.api.client(U.frHandler).execute({ type: 'request.create', ...command })
  if (E.isLeft(r)) throw new Error(r.left.message)
  return r.right.exchangeId
}

const tab = (form: Locator, id: string) => form.locator(`[role=tab][data-tab=${id}]`)

describe('<imi-request-form>', () => {
  it('[I18N-FREE-TEXT-TAGGED][I18N-QUESTION-PLACEHOLDERS][I18N-SHOW-SPOKEN][I18N-LANGUAGES-SPOKEN][I18N-SPOKEN-ADVISORY] a handler fills, saves and sends a request with the keyboard only', async () => {
    const { page, form } = await open(U.frHandler, 'fr')
    // Step 1: the area and the question set, chosen with the arrow keys.
    await tabTo(page, form.locator('#area'))
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => form.locator('#area').inputValue()).toBe(PQ)
    await tabTo(page, form.locator('#question-set'))
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => form.locator('#question-set').inputValue()).toBe('pq.general')
    await tabTo(page, form.locator('[part=next]'))
    await page.keyboard.press('Enter')
    // Step 2: a question with its placeholder, and a comment in French.
    await expect.poll(() => form.locator('[role=tabpanel]').getAttribute('data-panel')).toBe('questions')
    expect(await isFocused(form.locator('#panel-heading'))).toBe(true)
    await tabTo(page, form.locator('#q-0'))
    await page.keyboard.press('Space')
    await tabTo(page, form.locator('#q-0-profession'))
    await page.keyboard.type('médecin')
    await tabTo(page, form.locator('#q-0-comment'))
    await page.keyboard.type('Merci de confirmer aussi la spécialité.')
    await tabTo(page, form.locator('#q-0-comment-lang'))
    await page.keyboard.type('fran')
    await expect.poll(() => form.locator('#q-0-comment-lang').inputValue()).toBe('fr')
    await tabTo(page, form.locator('[part=next]'))
    await page.keyboard.press('Enter')
    // Step 3: the case.
    await tabTo(page, form.locator('#case-name'))
    await page.keyboard.type('Jean Dupont')
    await tabTo(page, form.locator('#case-profession'))
    await page.keyboard.type('médecin')
    await tabTo(page, form.locator('[part=next]'))
    await page.keyboard.press('Enter')
    // Step 4: the addressee, in Germany, with the languages it understands.
    await tabTo(page, form.locator('#member-state'))
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => form.locator('#member-state').inputValue()).toBe('DE')
    await tabTo(page, form.locator('#addressee-0'))
    await page.keyboard.press('Space')
    expect(await form.locator('#addressee-0').inputValue()).toBe(A.deCa)
    expect(await form.locator('#addressee-0-languages').textContent()).toContain('allemand, anglais')
    // The tabs move with the arrow keys: back to the questions, where the comment's language is advised on.
    await tabTo(page, tab(form, 'addressee'))
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    await expect.poll(() => form.locator('[role=tabpanel]').getAttribute('data-panel')).toBe('questions')
    expect(await form.locator('#q-0-comment-lang-spoken').textContent()).toContain('allemand, anglais')
    expect(await form.locator('[part=spoken-advice]').count()).toBe(1)
    await page.keyboard.press('End')
    await page.keyboard.press('ArrowLeft')
    await expect.poll(() => form.locator('[role=tabpanel]').getAttribute('data-panel')).toBe('details')
    // Step 5: the deadline this area requires.
    await tabTo(page, form.locator('#deadline'))
    await page.keyboard.type('04202026')
    await expect.poll(() => form.locator('#deadline').inputValue()).toBe('2026-04-20')
    await tabTo(page, form.locator('[part=next]'))
    await page.keyboard.press('Enter')
    // Step 6: save, then send.
    await tabTo(page, form.locator('[part=save]'))
    await page.keyboard.press('Enter')
    await expect.poll(() => form.locator('[part=message]').textContent()).toMatch(/Projet REQ-\S+ enregistré/)
    await tabTo(page, form.locator('[part=send]'))
    await page.keyboard.press('Enter')
    await expect.poll(() => form.locator('[part=message]').textContent()).toMatch(/Demande REQ-\S+ envoyée/)
    const fired = await events(page)
    expect(fired.map((e) => e.type)).toEqual(['imi-saved', 'imi-sent'])
    const id = fired[1]?.exchangeId ?? ''
    expect(await form.getAttribute('exchange-id')).toBe(id)
    const s = await state(id)
    expect(s.status).toBe('awaiting-acceptance')
    expect(s.responding.authorityId).toBe(A.deCa)
    expect(s.questions).toEqual([
      { questionId: 'pq.establishment.legally-established', parameters: { profession: 'médecin' }, comment: { text: 'Merci de confirmer aussi la spécialité.', language: 'fr' } },
    ])
    expect(s.caseData).toEqual({ name: 'Jean Dupont', profession: 'médecin' })
    expect(s.deadline).toBe('2026-04-20')
    // Sent: the server no longer offers editing or sending, so the buttons are gone.
    expect(await form.locator('[part=send]').count()).toBe(0)
    expect(await form.locator('[part=save]').count()).toBe(0)
    await page.close()
  }, 60_000)

  it('[I18N-QUESTION-PLACEHOLDERS] marks what saving and what sending need, and highlights the steps a refused send names', async () => {
    const id = await draft({ legislativeArea: PQ, questionSetId: 'pq.general', questions: [{ questionId: 'pq.establishment.legally-established' }], caseData: { name: 'Jean Dupont' } })
    const { page, form } = await open(U.frHandler, 'en', `exchange-id="${id}"`)
    await expect.poll(() => form.locator('h2').textContent()).toMatch(/Draft request REQ-/)
    // Two markers, explained by a legend: the area is needed to save, the question set to send.
    expect(await form.locator('[part=legend]').textContent()).toMatch(/◆\s*needed to save the draft[\s\S]*\*\s*needed to send the request/)
    expect(await form.locator('label[for=area] [part=marker-save]').count()).toBe(1)
    expect(await form.locator('label[for=question-set] [part=marker-send]').count()).toBe(1)
    expect(await form.locator('label[for=question-set] [part=marker-save]').count()).toBe(0)
    expect(await form.locator('[part~=tab-missing]').count()).toBe(0)
    // Nothing is highlighted before a send attempt; after one, every step the server names is.
    await tabTo(page, form.locator('[part=send]'))
    await page.keyboard.press('Enter')
    await form.locator('[part=problems]').waitFor()
    expect(await isFocused(form.locator('[part=problems]'))).toBe(true)
    const missing = await form.locator('[part~=tab-missing]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tab')))
    expect(missing).toEqual(['questions', 'case', 'addressee', 'details'])
    expect(await tab(form, 'case').textContent()).toContain('information needed to send is missing here')
    expect(await form.locator('[part=problems] li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Fill in every placeholder marked as needed.'), expect.stringContaining('Fill in “Profession”.'), expect.stringContaining('Choose the authority to ask.'), expect.stringContaining('This area requires an indicative deadline.')]),
    )
    expect(await (await state(id)).status).toBe('draft')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-request-form-send-missing')
    // The problem list leads to the step; there the empty mandatory placeholder is marked.
    await form.locator('[part=problems] button', { hasText: 'Questions' }).first().click()
    await expect.poll(() => form.locator('[role=tabpanel]').getAttribute('data-panel')).toBe('questions')
    expect(await form.locator('label[for="q-0-profession"] [part=marker-send]').count()).toBe(1)
    expect(await form.locator('#q-0-profession').getAttribute('aria-invalid')).toBe('true')
    await tab(form, 'case').click()
    expect(await form.locator('#case-profession').getAttribute('aria-invalid')).toBe('true')
    expect(await form.locator('#case-name').getAttribute('aria-invalid')).toBe('false')
    expect(await form.locator('#case-reference').getAttribute('aria-invalid')).toBe('false')
    expect(await form.locator('label[for=case-name] [part=marker-send]').count()).toBe(1)
    expect(await form.locator('label[for=case-date-of-birth] [part=marker-send]').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-request-form-case-missing')
    await page.close()
  }, 60_000)

  it('[I18N-READ-OWN-LANGUAGE][I18N-STANDARD-MESSAGES] shows labels and questions in the display language and switches them live, keeping the placeholders filled in', async () => {
    const id = await draft({ legislativeArea: PQ, questionSetId: 'pq.general' })
    const { page, form } = await open(U.frHandler, 'fr', `exchange-id="${id}"`)
    await expect.poll(() => tab(form, 'area').textContent()).toContain('Domaine et questionnaire')
    await tab(form, 'questions').click()
    const question = PROFESSIONAL_QUALIFICATIONS_GENERAL.categories[0]?.questions[0]
    const label = form.locator('label[for=q-0]')
    expect(await label.textContent()).toBe(question?.text.fr)
    await form.locator('#q-0').check()
    await form.locator('#q-0-profession').fill('médecin')
    expect(await form.locator('label[for=q-0-profession]').textContent()).toContain('Profession')
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'de'))
    await expect.poll(() => label.textContent()).toBe(question?.text.de)
    expect(await label.getAttribute('lang')).toBe('de')
    expect(await tab(form, 'area').textContent()).toContain('Bereich und Fragenkatalog')
    expect(await form.locator('label[for=q-0-profession]').textContent()).toContain('Beruf')
    expect(await form.locator('#q-0-profession').inputValue()).toBe('médecin')
    expect(await form.locator('#q-0').isChecked()).toBe(true)
    expect(await form.locator('[part=next]').textContent()).toContain('Weiter')
    // The summary shows the question in the new language with its placeholder filled in.
    await tab(form, 'summary').click()
    expect(await form.locator('[role=tabpanel] ol li').first().textContent()).toBe(question?.text.de?.replace('[ ]', '[médecin]'))
    await page.close()
  }, 60_000)

  it('[I18N-QSETS-ALL-LANGUAGES] offers the question set in every official language, marking an English fallback', async () => {
    const id = await draft({ legislativeArea: PQ, questionSetId: 'pq.general' })
    const { page, form } = await open(U.frHandler, 'en', `exchange-id="${id}"`)
    await tab(form, 'questions').click()
    const question = PROFESSIONAL_QUALIFICATIONS_GENERAL.categories[0]?.questions[0]
    const label = form.locator('label[for=q-0]')
    for (const language of LANGUAGES) {
      await page.evaluate((l) => document.querySelector('imi-provider')?.setAttribute('lang', l), language)
      const [text, fallback] = localize(question?.text ?? { en: '' }, language)
      await expect.poll(() => label.textContent(), { message: language }).toBe(text)
      expect(await label.getAttribute('lang'), language).toBe(fallback ? 'en' : language)
      expect(await label.getAttribute('class'), language).toBe(fallback ? 'fallback' : '')
    }
    await page.close()
  }, 60_000)

  it('passes axe on every step, new and filled in, and takes a screenshot of each', async () => {
    const fresh = await open(U.frHandler, 'en')
    expect(await axeViolations(fresh.page)).toEqual([])
    await screenshot(fresh.page, 'imi-request-form-new')
    await fresh.page.close()
    const id = await draft({
      legislativeArea: PQ,
      questionSetId: 'pq.general',
      addressee: A.deCa,
      questions: [{ questionId: 'pq.qualifications.professional-experience', parameters: { from: '2019' }, comment: { text: 'Bitte bestätigen.', language: 'de' } }],
      caseData: { name: 'Jean Dupont', profession: 'médecin' },
      justification: { text: 'Demande de reconnaissance en cours.' },
      deadline: '2026-04-20',
    })
    const { page, form } = await open(U.frHandler, 'en', `exchange-id="${id}"`)
    await expect.poll(() => form.locator('h2').textContent()).toMatch(/Draft request/)
    const tabs = await form.locator('[role=tab]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tab') ?? ''))
    expect(tabs).toEqual(['area', 'questions', 'case', 'addressee', 'details', 'summary'])
    for (const t of tabs) {
      await tab(form, t).click()
      await expect.poll(() => form.locator('[role=tabpanel]').getAttribute('data-panel')).toBe(t)
      expect(await axeViolations(page), t).toEqual([])
      await screenshot(page, `imi-request-form-${t}`)
    }
    // The saved draft is shown as saved: the addressee in its state, the untagged justification.
    await tab(form, 'addressee').click()
    expect(await form.locator('#member-state').inputValue()).toBe('DE')
    // The requesting authority's own state, learnt from the draft, is not offered (a request is bilateral).
    expect(await form.locator('#member-state option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['', 'DE', 'IT'])
    expect(await form.locator('input[name=addressee]:checked').inputValue()).toBe(A.deCa)
    await tab(form, 'details').click()
    expect(await form.locator('#justification').inputValue()).toBe('Demande de reconnaissance en cours.')
    expect(await form.locator('#justification-lang').inputValue()).toBe('')
    await page.close()
  }, 60_000)

  it('[I18N-FREE-TEXT-TAGGED] sends an individual derogation request with its checklist and language-tagged statements', async () => {
    const { page, form } = await open(U.frHandler, 'en', 'areas="services" member-state="FR"')
    // A single area is chosen already.
    await expect.poll(() => form.locator('#area').inputValue()).toBe(SERVICES_LA)
    await form.locator('#question-set').selectOption('services.derogation-request')
    await expect.poll(() => form.locator('[role=tab]').count()).toBe(7)
    await tab(form, 'questions').click()
    await form.locator('#q-0').check()
    await tab(form, 'derogation').click()
    const items = form.locator('[role=tabpanel] input[type=checkbox]')
    expect(await items.count()).toBe(10)
    for (let i = 0; i < 10; i++) await items.nth(i).check()
    await form.locator('#derogation-case-description').fill('Unsafe gas installations by an itinerant provider.')
    await form.locator('#derogation-case-description-lang').selectOption('en')
    await form.locator('#derogation-derogation-justification').fill('Imminent risk to the safety of recipients.')
    await form.locator('#derogation-derogation-justification-lang').selectOption('en')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-request-form-derogation')
    await tab(form, 'case').click()
    await form.locator('#case-name').fill('Gaz Express SARL')
    await form.locator('#case-activity').fill('Gas installation')
    await tab(form, 'addressee').click()
    await expect.poll(() => form.locator('#member-state option').count()).toBe(3)
    expect(await form.locator('#member-state option[value=FR]').count()).toBe(0)
    await form.locator('#member-state').selectOption('DE')
    await form.locator(`input[name=addressee][value="${A.deCa}"]`).check()
    await tab(form, 'details').click()
    // The Services area requires a justification: it is marked as needed to send.
    expect(await form.locator('label[for=justification] [part=marker-send]').count()).toBe(1)
    expect(await form.locator('label[for=deadline] [part=marker-send]').count()).toBe(0)
    await form.locator('#justification').fill('Derogation under Art. 18.')
    await form.locator('#justification-lang').selectOption('en')
    await form.locator('[part=save]').click()
    await form.locator('[part=send]').click()
    await expect.poll(() => form.locator('[part=message]').textContent()).toMatch(/Request REQ-\S+ sent/)
    const id = (await events(page)).find((e) => e.type === 'imi-sent')?.exchangeId ?? ''
    const s = await state(id)
    expect(s.status).toBe('awaiting-acceptance')
    expect(s.questionSetId).toBe('services.derogation-request')
    expect(s.derogation?.confirmed).toHaveLength(10)
    expect(s.derogation?.freeTexts).toEqual({
      'case-description': { text: 'Unsafe gas installations by an itinerant provider.', language: 'en' },
      'derogation-justification': { text: 'Imminent risk to the safety of recipients.', language: 'en' },
    })
    expect(s.justification).toEqual({ text: 'Derogation under Art. 18.', language: 'en' })
    await page.close()
  }, 60_000)

  it('[I18N-FREE-TEXT-TAGGED] places a notification of measures refused for its procedure and untagged statement on the checklist step', async () => {
    const id = await draft({
      legislativeArea: SERVICES_LA,
      questionSetId: 'services.measures-notification',
      addressee: A.deCa,
      questions: [{ questionId: 'services.measures.observations' }],
      caseData: { name: 'Gaz Express SARL', activity: 'Gas installation' },
      justification: { text: 'Measures notified.', language: 'en' },
      derogation: {
        confirmed: ['prior-request-or-urgency', 'article-18-conditions', 'proportionate', 'single-provider', 'commission-informed'],
        freeTexts: { 'mse-measures-inadequate': { text: 'No measures were taken.' }, 'measures-justified': { text: 'Proportionate ban.', language: 'en' } },
      },
    })
    const { page, form } = await open(U.frHandler, 'en', `exchange-id="${id}"`)
    await expect.poll(() => form.locator('[part=send]').count()).toBe(1)
    await form.locator('[part=send]').click()
    await form.locator('[part=problems]').waitFor()
    const missing = await form.locator('[part~=tab-missing]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tab')))
    expect(missing).toEqual(['derogation'])
    await tab(form, 'derogation').click()
    expect(await form.locator('#derogation-mse-measures-inadequate-lang').getAttribute('aria-invalid')).toBe('true')
    expect(await form.locator('#derogation-measures-justified-lang').getAttribute('aria-invalid')).toBe('false')
    expect(await form.locator('#procedure-error').count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-request-form-measures-missing')
    // Fixed with the keyboard: the urgency procedure and the statement's language.
    await tabTo(page, form.locator('#procedure-normal-step3'))
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => form.locator('#procedure-urgency').isChecked()).toBe(true)
    await tabTo(page, form.locator('#derogation-mse-measures-inadequate-lang'))
    await page.keyboard.type('eng')
    await tabTo(page, form.locator('[part=send]'))
    await page.keyboard.press('Enter')
    await expect.poll(() => form.locator('[part=message]').textContent()).toMatch(/Request REQ-\S+ sent/)
    const s = await state(id)
    expect(s.status).toBe('awaiting-acceptance')
    expect(s.derogation?.procedure).toBe('urgency')
    expect(s.derogation?.freeTexts['mse-measures-inadequate']).toEqual({ text: 'No measures were taken.', language: 'en' })
    await page.close()
  }, 60_000)

  it('attaches a document chosen with the keyboard and links it to the question about it', async () => {
    const id = await draft({ legislativeArea: PQ, questionSetId: 'pq.general' })
    const { page, form } = await open(U.frHandler, 'en', `exchange-id="${id}"`)
    await tab(form, 'details').click()
    await tabTo(page, form.locator('#relevance'))
    await page.keyboard.type('Evid')
    await expect.poll(() => form.locator('#relevance').inputValue()).toBe('evidence-of-qualifications')
    // The form re-renders after the relevance change; the keyboard must hold the file input when Space
    // is pressed, so focus it again by keyboard until the chooser opens (always by keyboard).
    const chooser = await (async () => {
      for (let attempt = 1; ; attempt++) {
        await tabTo(page, form.locator('#file'))
        try {
          const [opened] = await Promise.all([page.waitForEvent('filechooser', { timeout: 3000 }), page.keyboard.press('Space')])
          return opened
        } catch (error) {
          if (attempt === 3) throw error
        }
      }
    })()
    await chooser.setFiles({ name: 'diplome.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 diploma') })
    await expect.poll(() => form.locator('[part=attachments] li').first().textContent()).toContain('diplome.pdf (added when the draft is saved)')
    await tab(form, 'questions').click()
    // The fourth question is about an attached document.
    await form.locator('#q-3').check()
    await form.locator('#q-3-attachment').selectOption('new:0')
    await form.locator('[part=save]').click()
    await expect.poll(() => form.locator('[part=message]').textContent()).toMatch(/Draft REQ-\S+ saved/)
    const s = await state(id)
    expect(s.attachments.map((a) => [a.fileName, a.mediaType, a.relevance])).toEqual([['diplome.pdf', 'application/pdf', 'evidence-of-qualifications']])
    expect(s.questions).toEqual([{ questionId: 'pq.qualifications.authentic', parameters: {}, attachmentId: s.attachments[0]?.id }])
    // Reloaded from the server, the link now names the saved attachment.
    expect(await form.locator('#q-3-attachment').inputValue()).toBe(s.attachments[0]?.id)
    await page.close()
  }, 60_000)
})
