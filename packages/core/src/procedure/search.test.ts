import { describe, expect, it } from 'vitest'
import { dashboardOf, decodeSearchCursor, encodeSearchCursor, requestForInformation, searchSummaries } from '../index.js'
import type { ExchangeId, ExchangeSummary, ListingScope, SearchQuery } from '../index.js'
import { A, PQ, U, createRequest, pqDraft, requestHarness, sendRequest } from '../testing/index.js'

const scope: ListingScope = { authorityId: A.deCa, memberState: 'DE', participantAreas: ['*'], coordinatorAreas: [], observerAreas: [], sameStateAreas: [] }

const summary = (id: string, over: Partial<ExchangeSummary> = {}): ExchangeSummary => ({
  exchangeId: id as ExchangeId,
  procedure: 'p',
  number: `N-${id}`,
  status: 'accepted',
  legislativeArea: PQ,
  authorities: [A.frCa, A.deCa],
  memberStates: ['FR', 'DE'],
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  sentAt: '2026-03-01T00:00:00.000Z',
  requestingAuthority: A.frCa,
  respondingAuthority: A.deCa,
  searchText: `n-${id}`,
  audience: { participants: [A.frCa, A.deCa], coordinators: [], observers: [], sameStateHandlers: [] },
  ...over,
})

const pages = (all: ReadonlyArray<ExchangeSummary>, q: SearchQuery): string[][] => {
  const out: string[][] = []
  let after: string | undefined
  do {
    const page = searchSummaries(all, after === undefined ? q : { ...q, after })
    out.push(page.items.map((s) => s.exchangeId))
    after = page.next
  } while (after !== undefined)
  return out
}

describe('request summary', () => {
  it('names both authorities once sent, and searches the number and the non-personal case fields only', () => {
    const h = requestHarness()
    const draftId = createRequest(h, pqDraft())
    const draft = requestForInformation.summary(h.state(draftId))
    expect(draft.requestingAuthority).toBe(A.frCa)
    expect(draft.respondingAuthority).toBeUndefined()
    const sent = requestForInformation.summary(h.state(sendRequest(h, pqDraft())))
    expect(sent.respondingAuthority).toBe(A.deCa)
    expect(sent.searchText).toContain(sent.number.toLowerCase())
    expect(sent.searchText).toContain('médecin')
    expect(sent.searchText).toContain('dos-42')
    expect(sent.searchText).not.toMatch(/jean|dupont|1980/)
    expect(JSON.stringify(sent)).not.toMatch(/Jean|Dupont|1980-05-17/)
  })
})

describe('searchSummaries', () => {
  const ties = [
    summary('b', { updatedAt: '2026-03-02T00:00:00.000Z', number: 'N-1', deadline: '2026-04-01' }),
    summary('a', { updatedAt: '2026-03-02T00:00:00.000Z', number: 'N-1' }),
    summary('c', { updatedAt: '2026-03-03T00:00:00.000Z', number: 'N-0', deadline: '2026-04-01' }),
    summary('d', { updatedAt: '2026-03-01T00:00:00.000Z', number: 'N-2', deadline: '2026-03-15' }),
    summary('e', { audience: { participants: [A.itCa], coordinators: [], observers: [], sameStateHandlers: [] } }),
  ]

  it('sorts with ties broken by exchange id in the direction of the sort, and pages by keyset', () => {
    expect(pages(ties, { scope, sort: 'updated-desc', limit: 2 })).toEqual([['c', 'b'], ['a', 'd']])
    expect(pages(ties, { scope, sort: 'number-asc', limit: 3 })).toEqual([['c', 'a', 'b'], ['d']])
    expect(pages(ties, { scope, sort: 'deadline-asc', limit: 1 })).toEqual([['d'], ['b'], ['c'], ['a']])
    expect(pages(ties, { scope, sort: 'created-desc', limit: 4 })).toEqual([['d', 'c', 'b', 'a']])
  })

  it('continues after a cursor even when its exchange has changed or gone', () => {
    const after = encodeSearchCursor({ key: '2026-03-02T00:00:00.000Z', exchangeId: 'b' })
    expect(searchSummaries(ties, { scope, sort: 'updated-desc', limit: 5, after }).items.map((s) => s.exchangeId)).toEqual(['a', 'd'])
    expect(decodeSearchCursor(after)).toEqual({ key: '2026-03-02T00:00:00.000Z', exchangeId: 'b' })
  })

  it('refuses a limit outside 1–200 and a string that is not a cursor', () => {
    expect(() => searchSummaries(ties, { scope, sort: 'updated-desc', limit: 0 })).toThrow(RangeError)
    expect(() => searchSummaries(ties, { scope, sort: 'updated-desc', limit: 201 })).toThrow(RangeError)
    expect(() => searchSummaries(ties, { scope, sort: 'updated-desc', limit: 1, after: '%7B' })).toThrow(RangeError)
    expect(() => searchSummaries(ties, { scope, sort: 'updated-desc', limit: 1, after: encodeURIComponent('[1,2]') })).toThrow(RangeError)
  })

  it('[SRCH-REQ-CRITERIA] filters by status, date sent, member state and text, case-insensitively', () => {
    const all = [
      summary('fr', { memberStates: ['FR', 'DE'], sentAt: '2026-03-05T00:00:00.000Z', searchText: 'n-fr médecin' }),
      summary('it', { memberStates: ['IT', 'DE'], sentAt: '2026-03-10T00:00:00.000Z', status: 'closed' }),
    ]
    const ids = (q: Partial<SearchQuery>) => searchSummaries(all, { scope, sort: 'number-asc', limit: 10, ...q }).items.map((s) => s.exchangeId)
    expect(ids({ statuses: ['closed'] })).toEqual(['it'])
    expect(ids({ sentFrom: '2026-03-05T00:00:00.000Z', sentTo: '2026-03-10T00:00:00.000Z' })).toEqual(['fr'])
    expect(ids({ memberStates: ['IT'] })).toEqual(['it'])
    expect(ids({ text: 'MÉDECIN' })).toEqual(['fr'])
  })

  it('[SRCH-REQ-OVERDUE] finds exchanges past their deadline that are neither closed nor drafts', () => {
    const all = [
      summary('late', { deadline: '2026-03-10' }),
      summary('due-today', { deadline: '2026-03-20' }),
      summary('closed', { deadline: '2026-03-10', status: 'closed', closedAt: '2026-03-12T00:00:00.000Z' }),
      summary('draft', { deadline: '2026-03-10', status: 'draft' }),
      summary('none'),
    ]
    expect(searchSummaries(all, { scope, sort: 'deadline-asc', limit: 10, overdueAt: '2026-03-20' }).items.map((s) => s.exchangeId)).toEqual(['late'])
  })
})

describe('dashboardOf', () => {
  it('counts drafts, recent, to accept and to answer among the summaries the viewer lists', () => {
    const now = new Date('2026-03-20T00:00:00Z')
    const fr: ListingScope = { ...scope, authorityId: A.frCa, memberState: 'FR' }
    const all = [
      summary('draft', { status: 'draft', respondingAuthority: undefined, sentAt: undefined, updatedAt: '2026-03-19T00:00:00.000Z', audience: { participants: [A.frCa], coordinators: [], observers: [], sameStateHandlers: [] } }),
      summary('new', { status: 'awaiting-acceptance', sentAt: '2026-03-06T00:00:00.000Z', updatedAt: '2026-03-06T00:00:00.000Z' }),
      summary('old', { status: 'accepted', sentAt: '2026-03-04T23:59:59.999Z', updatedAt: '2026-03-04T23:59:59.999Z' }),
      summary('info', { status: 'additional-info-requested', updatedAt: '2026-03-10T00:00:00.000Z' }),
      summary('hidden', { status: 'accepted', audience: { participants: [A.itCa], coordinators: [], observers: [], sameStateHandlers: [] } }),
    ]
    expect(dashboardOf(all, scope, now)).toEqual({ drafts: 0, receivedRecently: 1, updatedRecently: 2, toAccept: 1, toAnswer: 2 })
    expect(dashboardOf(all, fr, now)).toEqual({ drafts: 1, receivedRecently: 0, updatedRecently: 3, toAccept: 0, toAnswer: 0 })
  })

  it('is computed from request summaries as users see them', () => {
    const h = requestHarness()
    const ids = [sendRequest(h, pqDraft()), createRequest(h, pqDraft(), U.frHandler)]
    const summaries = ids.map((id) => requestForInformation.summary(h.state(id)))
    const now = new Date('2026-03-03T00:00:00Z')
    expect(dashboardOf(summaries, scope, now)).toMatchObject({ drafts: 0, toAccept: 1, receivedRecently: 1 })
    expect(dashboardOf(summaries, { ...scope, authorityId: A.frCa, memberState: 'FR' }, now)).toMatchObject({ drafts: 1, toAccept: 0 })
  })
})
