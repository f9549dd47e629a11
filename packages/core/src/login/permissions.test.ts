import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import type { Authority, AuthorityId, CredentialAction, DirectoryData, UserId } from '../index.js'
import { createDirectory, mayAdministerCredentials, recoveryContacts, responsibleCoordinators } from '../index.js'
import { A, PQ, SERVICES_LA, U, withUser, worldData } from '../testing/index.js'

/** The fixture world, where the Ordre des médecins is validated by the French DIMIC and has the NIMIC as access coordinator for PQ. */
const administered = (data: DirectoryData = worldData()): DirectoryData => ({
  ...data,
  authorities: data.authorities.map(
    (a): Authority =>
      a.id === A.frCa
        ? {
            ...a,
            administrativeCoordinators: {
              coordinatorValidator: A.frDimic,
              accessCoordinators: [
                { legislativeArea: PQ, coordinator: A.frNimic },
                { legislativeArea: SERVICES_LA, coordinator: A.frDimic },
              ],
            },
          }
        : a,
  ),
})

const may = (data: DirectoryData, actor: UserId, target: UserId, action: CredentialAction = 'reset-password') =>
  mayAdministerCredentials(createDirectory(data), actor, target, action)

describe('who resets a password', () => {
  it('[LOGIN-RESET-BY-LDA] a local data administrator resets the password of any user of its own authority', () => {
    for (const target of [U.frHandler, U.frViewer, U.frAlertHandler, U.frLda]) {
      expect(may(worldData(), U.frLda, target)).toEqual(E.right('local-data-administrator'))
    }
  })

  it('[LOGIN-RESET-BY-LDA] a local data administrator of another authority, or a user without the role, may not', () => {
    const refused = may(worldData(), U.fr2Lda, U.frHandler)
    expect(E.isLeft(refused) && refused.left).toMatchObject({ code: 'login.reset-not-allowed', ruleId: 'LOGIN-RESET-BY-LDA' })
    expect(E.isLeft(may(worldData(), U.frHandler2, U.frHandler))).toBe(true)
    expect(E.isLeft(may(worldData(), U.deLda, U.frHandler))).toBe(true)
    // an LDA who is no longer active may not either
    expect(E.isLeft(may(withUser(worldData(), U.frLda, (u) => ({ ...u, status: 'blocked' })), U.frLda, U.frHandler))).toBe(true)
  })

  it('[LOGIN-RESET-BY-COORDINATOR] data administrators of the coordinator-validator or of an access coordinator reset the passwords of the coordinated authority', () => {
    const data = administered()
    expect(may(data, U.frDimicAdmin, U.frHandler)).toEqual(E.right('coordinator-validator'))
    expect(may(data, U.frNimicAllocator, U.frHandler)).toEqual(E.right('access-coordinator'))
    // in particular the password of its only local data administrator
    expect(may(data, U.frDimicAdmin, U.frLda)).toEqual(E.right('coordinator-validator'))
  })

  it('[LOGIN-RESET-BY-COORDINATOR] other users of the coordinator, other coordinators, and any coordinator where the directory records none, may not', () => {
    const data = administered()
    // a referee of the coordinator-validator is not a data administrator
    expect(E.isLeft(may(data, U.frDimicReferee, U.frHandler))).toBe(true)
    // the data administrator of a coordinator administering another authority
    expect(E.isLeft(may(data, U.deDimicAdmin, U.frHandler))).toBe(true)
    expect(E.isLeft(may(data, U.itNimicAdmin, U.frHandler))).toBe(true)
    // the Préfecture has no recorded coordinators: only its own LDAs
    expect(E.isLeft(may(data, U.frDimicAdmin, U.fr2Handler))).toBe(true)
    expect(may(data, U.fr2Lda, U.fr2Handler)).toEqual(E.right('local-data-administrator'))
  })

  it('[LOGIN-RESET-BY-LDA] an unknown or removed target is refused as unknown', () => {
    const unknown = may(worldData(), U.frLda, 'ghost' as UserId)
    expect(E.isLeft(unknown) && unknown.left.code).toBe('login.unknown-user')
    const removed = may(withUser(worldData(), U.frHandler, (u) => ({ ...u, status: 'removed' })), U.frLda, U.frHandler)
    expect(E.isLeft(removed) && removed.left.code).toBe('login.unknown-user')
  })
})

describe('forgotten usernames', () => {
  it('[LOGIN-FORGOT-USERNAME-LDA] an LDA of the user\'s authority may give a forgotten username back, outside the system', () => {
    expect(may(worldData(), U.frLda, U.frHandler, 'recover-username')).toEqual(E.right('local-data-administrator'))
    const refused = may(worldData(), U.deLda, U.frHandler, 'recover-username')
    expect(E.isLeft(refused) && refused.left).toMatchObject({ code: 'login.recovery-not-allowed', ruleId: 'LOGIN-FORGOT-USERNAME-LDA' })
  })

  it('[LOGIN-FORGOT-USERNAME-COORD] the only LDA turns to the coordinator responsible for the authority, whose data administrators may give it back', () => {
    const data = administered()
    // Léa is the only LDA of the Ordre des médecins
    const contacts = recoveryContacts(createDirectory(data), U.frLda)
    expect(contacts?.localDataAdministrators).toEqual([])
    expect(contacts?.coordinators.map((c) => c.authorityId)).toEqual([A.frDimic, A.frNimic])
    expect(contacts?.coordinators[0]?.dataAdministrators).toEqual([U.frDimicAdmin])
    expect(may(data, U.frDimicAdmin, U.frLda, 'recover-username')).toEqual(E.right('coordinator-validator'))
    // a user with a reachable LDA sees that LDA first
    expect(recoveryContacts(createDirectory(data), U.frHandler)?.localDataAdministrators).toEqual([U.frLda])
    expect(recoveryContacts(createDirectory(data), 'ghost' as UserId)).toBeUndefined()
  })

  it('[LOGIN-RECOVERY-COORDINATOR] the responsible coordinator is the coordinator-validator or any access coordinator, each named once', () => {
    const frCa = createDirectory(administered()).authority(A.frCa)
    expect(frCa && responsibleCoordinators(frCa)).toEqual([A.frDimic, A.frNimic])
    expect(may(administered(), U.frNimicAllocator, U.frHandler, 'recover-username')).toEqual(E.right('access-coordinator'))
    // a directory that records no coordinators names none, and gives coordinators no power
    const plain = createDirectory(worldData()).authority(A.frCa)
    expect(plain && responsibleCoordinators(plain)).toEqual([])
    expect(E.isLeft(may(worldData(), U.frDimicAdmin, U.frHandler, 'recover-username'))).toBe(true)
    expect(E.isLeft(may(worldData(), U.frNimicAllocator, U.frHandler, 'recover-username'))).toBe(true)
    const other = 'fr-other-coordinator' as AuthorityId
    expect(responsibleCoordinators({ ...(frCa as Authority), administrativeCoordinators: { coordinatorValidator: other, accessCoordinators: [] } })).toEqual([other])
  })
})
