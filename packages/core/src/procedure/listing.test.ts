import { describe, expect, it } from 'vitest'
import { isListedFor, listingScope, requestForInformation } from '../index.js'
import type { ListingScope, RequestState, User, Viewer } from '../index.js'
import type { RequestHarness } from '../testing/index.js'
import { PQ, Q2, U, pqDraft, requestHarness, sendRequest } from '../testing/index.js'

const sentRequest = () => {
  const h = requestHarness()
  const id = sendRequest(h, pqDraft({ caseData: { name: 'Jean Dupont', profession: 'Médecin' }, questions: [{ questionId: Q2 }], attachments: undefined }))
  return { h, state: h.state(id) }
}

const viewerWith = (h: RequestHarness, id: User['id'], patch: (u: User) => User): Viewer => {
  const user = h.directory.user(id) as User
  const authority = h.directory.authority(user.authorityId)
  if (authority === undefined) throw new Error('fixture authority missing')
  return { kind: 'user', user: patch(user), authority }
}

const agree = (state: RequestState, viewer: Viewer) => {
  const scope = listingScope(viewer)
  const listed = scope !== undefined && isListedFor(requestForInformation.summary(state), scope)
  return { listed, opens: requestForInformation.view(state, viewer) !== undefined }
}

describe('listing scope', () => {
  it('[SRCH-REQ-OWN-ALL] lists its requests to the requesting authority, drafts included', () => {
    const h = requestHarness()
    h.ok(U.frHandler, { type: 'request.create', legislativeArea: PQ })
    const draft = h.state(h.last())
    const viewer = viewerWith(h, U.frHandler2, (u) => u)
    expect(agree(draft, viewer)).toEqual({ listed: true, opens: true })
  })

  it('[SRCH-REQ-COORD-LINKED] lists a sent request to its linked coordinators, and a draft to none of them', () => {
    const { h, state } = sentRequest()
    expect(agree(state, viewerWith(h, U.frNimicReferee, (u) => u))).toEqual({ listed: true, opens: true })
    const h2 = requestHarness()
    h2.ok(U.frHandler, { type: 'request.create', legislativeArea: PQ })
    expect(agree(h2.state(h2.last()), viewerWith(h2, U.frNimicReferee, (u) => u))).toEqual({ listed: false, opens: false })
  })

  it('[ACT-LDA-NO-CONTENT] lets an LDA without roles list its authority’s requests, but not an LDA whose only role gives no access', () => {
    const { h, state } = sentRequest()
    expect(agree(state, viewerWith(h, U.frLda, (u) => u))).toEqual({ listed: true, opens: true })
    const refereeLda = viewerWith(h, U.frLda, (u) => ({ ...u, requestRoles: [{ legislativeArea: PQ, roles: ['referee'] }] }))
    expect(agree(state, refereeLda)).toEqual({ listed: false, opens: false })
  })

  it('[REQ-COMMISSION-NO-ACCESS] gives the helpdesk no listing scope, and the Commission one that finds no request', () => {
    expect(listingScope({ kind: 'helpdesk' })).toBeUndefined()
    const commission = listingScope({ kind: 'commission' })
    expect(commission?.commission).toBe(true)
    const { state } = sentRequest()
    expect(isListedFor(requestForInformation.summary(state), commission as ListingScope)).toBe(false)
  })

  it('[REQ-SAME-MS-PARTIAL] lists the request to handlers of either state, but not to their viewers', () => {
    const { h, state } = sentRequest()
    expect(agree(state, viewerWith(h, U.fr2Handler, (u) => u))).toEqual({ listed: true, opens: true })
    expect(agree(state, viewerWith(h, U.de2Viewer, (u) => u))).toEqual({ listed: false, opens: false })
    expect(agree(state, viewerWith(h, U.itHandler, (u) => u))).toEqual({ listed: false, opens: false })
  })
})
