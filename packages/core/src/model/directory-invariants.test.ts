import { describe, expect, it } from 'vitest'
import { checkDirectory, requestWorkflowAccess } from '../index.js'
import type { Authority, AuthorityId, DirectoryData, LegislativeAreaRole, User } from '../index.js'
import { A, PQ, SERVICES_LA, U, withRequestAccess, withUser, worldData } from '../testing/index.js'

const errors = (data: DirectoryData) => checkDirectory(data).filter((p) => p.severity === 'error')
const ruleIds = (data: DirectoryData) => errors(data).map((p) => p.ruleId)

const withAuthority = (data: DirectoryData, id: AuthorityId, patch: (a: Authority) => Authority): DirectoryData => ({
  ...data,
  authorities: data.authorities.map((a) => (a.id === id ? patch(a) : a)),
})
const withRoleIn = (role: LegislativeAreaRole, la = PQ) => (a: Authority): Authority => ({
  ...a,
  access: a.access.map((l) => (l.legislativeArea === la ? { ...l, role } : l)),
})
const addUser = (data: DirectoryData, u: User): DirectoryData => ({ ...data, users: [...data.users, u] })
const baseUser = (id: string, authorityId: AuthorityId): User => ({
  id: id as User['id'],
  authorityId,
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: `${id}@users.example`,
  language: 'en',
  status: 'active',
  generalRoles: [],
  requestRoles: [],
})

describe('directory invariants', () => {
  it('finds no error in the fixture directory', () => {
    expect(errors(worldData())).toEqual([])
  })

  it('[ACT-USER-ONE-AUTHORITY] refuses a user whose authority is not registered', () => {
    expect(ruleIds(addUser(worldData(), baseUser('ghost', 'nowhere' as AuthorityId)))).toContain('ACT-USER-ONE-AUTHORITY')
  })

  it('[ACT-USER-REQUIRED-FIELDS] requires last name, first name and e-mail address', () => {
    expect(ruleIds(withUser(worldData(), U.frHandler, (u) => ({ ...u, lastName: ' ' })))).toContain('ACT-USER-REQUIRED-FIELDS')
    expect(ruleIds(withUser(worldData(), U.frHandler, (u) => ({ ...u, email: '' })))).toContain('ACT-USER-REQUIRED-FIELDS')
  })

  it('[ACT-USER-EMAIL-UNIQUE] compares e-mail addresses case-insensitively among active users only', () => {
    const clash = withUser(worldData(), U.frHandler2, (u) => ({ ...u, email: 'FR-CA-HANDLER@users.example' }))
    expect(errors(clash).find((p) => p.ruleId === 'ACT-USER-EMAIL-UNIQUE')?.userId).toBe(U.frHandler2)
    expect(ruleIds(withUser(clash, U.frHandler2, (u) => ({ ...u, status: 'removed' })))).not.toContain('ACT-USER-EMAIL-UNIQUE')
  })

  it('[ACT-AUTHORITY-MIN-USER] requires an active user in every authority', () => {
    const data = { ...worldData(), users: worldData().users.filter((u) => u.authorityId !== A.itCa) }
    expect(errors(data).filter((p) => p.ruleId === 'ACT-AUTHORITY-MIN-USER').map((p) => p.authorityId)).toEqual([A.itCa])
  })

  it('[ACT-TWO-USERS-WARNING] warns, without refusing, when an authority has a single user', () => {
    const data = { ...worldData(), users: worldData().users.filter((u) => u.id !== U.itLda && u.id !== U.itAlertHandler) }
    const problems = checkDirectory(data).filter((p) => p.authorityId === A.itCa)
    expect(problems.map((p) => [p.ruleId, p.severity])).toContainEqual(['ACT-TWO-USERS-WARNING', 'warning'])
  })

  it('[ACT-LDA-LAST-KEPT] requires a local data administrator in every authority', () => {
    const data = withUser(worldData(), U.frLda, (u) => ({ ...u, generalRoles: [] }))
    expect(errors(data).filter((p) => p.ruleId === 'ACT-LDA-LAST-KEPT').map((p) => p.authorityId)).toEqual([A.frCa])
  })

  it('[ACT-DA-COORDINATORS-ONLY] allows data administrators only in coordinator authorities', () => {
    const data = withUser(worldData(), U.frLda, (u) => ({ ...u, generalRoles: ['local-data-administrator', 'data-administrator'] }))
    expect(ruleIds(data)).toContain('ACT-DA-COORDINATORS-ONLY')
  })

  it('[ACT-COORD-MIN-DA] requires a data administrator in every coordinator', () => {
    const data = withUser(worldData(), U.frDimicAdmin, (u) => ({ ...u, generalRoles: ['local-data-administrator'] }))
    expect(errors(data).filter((p) => p.ruleId === 'ACT-COORD-MIN-DA').map((p) => p.authorityId)).toEqual([A.frDimic])
  })

  it('[ACT-REFEREE-COORDINATORS-ONLY] allows referees only in request coordinators', () => {
    const data = withUser(worldData(), U.frHandler2, (u) => ({ ...u, requestRoles: [{ legislativeArea: PQ, roles: ['request-handler', 'referee'] }] }))
    expect(errors(data).find((p) => p.ruleId === 'ACT-REFEREE-COORDINATORS-ONLY')).toMatchObject({ userId: U.frHandler2, legislativeArea: PQ })
  })

  it('[ACT-REQ-COORD-MIN-REFEREE] requires a referee in every request coordinator', () => {
    const data = withUser(worldData(), U.itNimicAdmin, (u) => ({ ...u, requestRoles: u.requestRoles.map((g) => ({ ...g, roles: ['request-handler'] })) }))
    expect(errors(data).filter((p) => p.ruleId === 'ACT-REQ-COORD-MIN-REFEREE').map((p) => p.legislativeArea).sort()).toEqual([PQ, SERVICES_LA].sort())
  })

  it('[ACT-HANDLER-MIN-ONE] requires a request handler in every area with request-workflow access', () => {
    const data = withUser(worldData(), U.itHandler, (u) => ({ ...u, requestRoles: [{ legislativeArea: SERVICES_LA, roles: ['request-handler'] }] }))
    expect(errors(data).filter((p) => p.ruleId === 'ACT-HANDLER-MIN-ONE').map((p) => [p.authorityId, p.legislativeArea])).toEqual([[A.itCa, PQ]])
  })

  it('[ACT-ALLOCATOR-MIN-ONE] requires an allocator where allocation is on; every LDA counts as one', () => {
    const on = withRequestAccess(worldData(), A.frCa2, (r) => ({ ...r, allocation: true }))
    expect(ruleIds(on)).not.toContain('ACT-ALLOCATOR-MIN-ONE')
    const noLda = withUser(on, U.fr2Lda, (u) => ({ ...u, status: 'removed' }))
    expect(ruleIds(noLda)).toContain('ACT-ALLOCATOR-MIN-ONE')
  })

  it('[ACT-REQ-AUTHORITY-LINKED] requires every request authority to be linked to a request coordinator', () => {
    const data = withRequestAccess(worldData(), A.deCa2, (r) => ({ ...r, linkedCoordinators: [] }))
    expect(errors(data).filter((p) => p.ruleId === 'ACT-REQ-AUTHORITY-LINKED').map((p) => p.authorityId)).toEqual([A.deCa2, A.deCa2])
  })

  it('[ACT-LINKED-SAME-MS] refuses a link to a coordinator of another member state, or to a non-coordinator', () => {
    expect(ruleIds(withRequestAccess(worldData(), A.deCa2, (r) => ({ ...r, linkedCoordinators: [A.frNimic] })))).toContain('ACT-LINKED-SAME-MS')
    expect(ruleIds(withRequestAccess(worldData(), A.deCa2, (r) => ({ ...r, linkedCoordinators: [A.deCa] })))).toContain('ACT-LINKED-SAME-MS')
    expect(ruleIds(withRequestAccess(worldData(), A.deCa2, (r) => ({ ...r, linkedCoordinators: [A.deDimic] })))).not.toContain('ACT-LINKED-SAME-MS')
  })

  it('[ACT-SEVERAL-LINKED-COORDS] accepts several linked coordinators for one area', () => {
    expect(errors(withRequestAccess(worldData(), A.deCa2, (r) => ({ ...r, linkedCoordinators: [A.deNimic, A.deDimic] })))).toEqual([])
  })

  it('[ACT-NIMIC-ONE-PER-MS] requires exactly one NIMIC per member state', () => {
    expect(ruleIds(withAuthority(worldData(), A.frDimic, withRoleIn('NIMIC')))).toContain('ACT-NIMIC-ONE-PER-MS')
    expect(ruleIds(withAuthority(worldData(), A.itNimic, (a) => ({ ...a, access: a.access.map((l) => ({ ...l, role: 'LIMIC' })) })))).toContain('ACT-NIMIC-ONE-PER-MS')
  })

  it('[ACT-NIMIC-NAME-TAG] requires "NIMIC" in the name of a NIMIC', () => {
    expect(ruleIds(withAuthority(worldData(), A.frNimic, (a) => ({ ...a, name: 'Secrétariat général des affaires européennes' })))).toContain('ACT-NIMIC-NAME-TAG')
  })

  it('[ACT-SDIMIC-NAME-TAG] requires "SDIMIC" and the region in the name of an SDIMIC', () => {
    const sdimic = (name: string, region?: string) =>
      withAuthority(worldData(), A.deDimic, (a) => ({ ...withRoleIn('SDIMIC')(a), name, ...(region === undefined ? {} : { region }) }))
    expect(ruleIds(sdimic('Innenministerium Baden-Württemberg (SDIMIC)', 'Baden-Württemberg'))).not.toContain('ACT-SDIMIC-NAME-TAG')
    expect(ruleIds(sdimic('Innenministerium (SDIMIC)', 'Baden-Württemberg'))).toContain('ACT-SDIMIC-NAME-TAG')
    expect(ruleIds(sdimic('Innenministerium Baden-Württemberg', 'Baden-Württemberg'))).toContain('ACT-SDIMIC-NAME-TAG')
  })

  it('[ACT-LIMIC-ONE-PER-LA] allows at most one LIMIC per member state and area', () => {
    const two = withAuthority(withAuthority(worldData(), A.deDimic, withRoleIn('LIMIC')), A.deCa2, withRoleIn('LIMIC'))
    expect(ruleIds(two)).toContain('ACT-LIMIC-ONE-PER-LA')
    expect(ruleIds(withAuthority(worldData(), A.deDimic, withRoleIn('LIMIC')))).not.toContain('ACT-LIMIC-ONE-PER-LA')
  })

  it('[ACT-LIMIC-REGIONAL-EXCEPTION] allows one LIMIC per area for each region of a federal member state', () => {
    const regional = withAuthority(
      withAuthority(worldData(), A.deDimic, (a) => ({ ...withRoleIn('LIMIC')(a), region: 'Baden-Württemberg' })),
      A.deCa2,
      (a) => ({ ...withRoleIn('LIMIC')(a), region: 'Bayern' }),
    )
    expect(ruleIds(regional)).not.toContain('ACT-LIMIC-ONE-PER-LA')
  })

  it('[ACT-MIN-ONE-LA] requires access to at least one area with a workflow, except for a NIMIC', () => {
    expect(ruleIds(withAuthority(worldData(), A.frCa2, (a) => ({ ...a, access: [] })))).toContain('ACT-MIN-ONE-LA')
    const bare = withAuthority(worldData(), A.itNimic, (a) => ({ ...a, access: a.access.map((l) => ({ legislativeArea: l.legislativeArea, role: l.role, status: l.status })) }))
    expect(errors(bare).filter((p) => p.ruleId === 'ACT-MIN-ONE-LA')).toEqual([])
  })

  it('[ACT-LA-ROLE-PER-LA] lets one authority hold different roles in different areas', () => {
    const mixed = withAuthority(worldData(), A.deDimic, withRoleIn('competent-authority', PQ))
    expect(mixed.authorities.find((a) => a.id === A.deDimic)?.access.map((l) => l.role)).toEqual(['competent-authority', 'DIMIC'])
    expect(errors(mixed)).toEqual([])
  })

  it('[ACT-CONTENT-ROLE-INDEPENDENT] accepts any area role with any workflow role', () => {
    // A competent authority acting as request coordinator, with the referee that role needs.
    const data = withRequestAccess(worldData(), A.frCa2, () => requestWorkflowAccess({ role: 'request-coordinator' }))
    expect(data.authorities.find((a) => a.id === A.frCa2)?.access.map((l) => [l.role, l.request?.role])).toEqual([
      ['competent-authority', 'request-coordinator'],
      ['competent-authority', 'request-coordinator'],
    ])
    const withReferee = withUser(data, U.fr2Handler, (u) => ({ ...u, requestRoles: u.requestRoles.map((g) => ({ ...g, roles: ['request-handler', 'referee'] })) }))
    expect(errors(withReferee)).toEqual([])
  })

  it('[ACT-DEFAULT-COORD-ALLOCATION] starts a coordinator with allocation off', () => {
    expect(requestWorkflowAccess({ role: 'request-coordinator' }).allocation).toBe(false)
  })
})
