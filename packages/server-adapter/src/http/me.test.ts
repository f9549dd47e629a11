import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { createLocalImiClient, signedIn } from '@imi-kit/core'
import type { UserId } from '@imi-kit/core'
import { U } from '@imi-kit/core/testing'
import { createTestServer } from '../testing/test-server.js'

describe('who is signed in (client.me)', () => {
  it('the HTTP client and a local client answer the same user, authority and member state', async () => {
    const s = createTestServer()
    for (const id of [U.frHandler, U.deHandler] as ReadonlyArray<UserId>) {
      const user = s.directory.user(id)
      expect(user).toBeDefined()
      if (user === undefined) continue
      const actor = { kind: 'user', userId: user.id, authorityId: user.authorityId } as const
      const local = createLocalImiClient({ app: s.app, storage: s.storage, directory: s.directory, clock: s.clock, actor })
      const overHttp = await s.client(id).me()
      expect(overHttp).toEqual(await local.me?.())
      expect(overHttp).toEqual(
        E.right({
          kind: 'user',
          userId: id,
          authorityId: user.authorityId,
          firstName: user.firstName,
          lastName: user.lastName,
          language: user.language,
          authorityName: s.directory.authority(user.authorityId)?.name,
          memberState: s.directory.authority(user.authorityId)?.memberState,
        }),
      )
    }
  })

  it('refuses an actor whose user is not a member of the authority it names, and answers the system actor', () => {
    const s = createTestServer()
    const de = s.directory.user(U.deHandler)
    expect(de).toBeDefined()
    if (de === undefined) return
    expect(signedIn(s.directory, { kind: 'user', userId: U.frHandler, authorityId: de.authorityId })).toMatchObject(E.left({ code: 'actor.unknown' }))
    expect(signedIn(s.directory, { kind: 'system' })).toEqual(E.right({ kind: 'system' }))
  })
})
