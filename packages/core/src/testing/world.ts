/**
 * A small, realistic directory for tests, examples and demos: authorities in France, Germany and
 * Italy with every request and alert role, and one user per role.
 *
 * @module
 */
import type { AlertWorkflowAccess, Authority, RequestWorkflowAccess } from '../model/authorities.js'
import { alertWorkflowAccess, requestWorkflowAccess } from '../model/authorities.js'
import type { DirectoryData } from '../model/directory.js'
import { createDirectory } from '../model/directory.js'
import type { Directory } from '../model/directory.js'
import type { AuthorityId, LegislativeAreaId, UserId } from '../model/ids.js'
import type { MemberState } from '../model/member-states.js'
import type { AlertUserRole, GeneralUserRole, RequestUserRole, User } from '../model/users.js'
import type { Language, LocalizedText } from '../i18n/languages.js'
import { LEGISLATIVE_AREAS } from '../data/legislative-areas.js'
import { QUESTION_SETS } from '../data/question-sets.js'

/** The legislative area most fixtures use. @category testing */
export const PQ = 'professional-qualifications' as LegislativeAreaId
/** The Services legislative area. @category testing */
export const SERVICES_LA = 'services' as LegislativeAreaId

const areas = [PQ, SERVICES_LA]

const authority = (
  id: string,
  name: string,
  memberState: MemberState,
  role: Authority['access'][number]['role'],
  request: (la: LegislativeAreaId) => RequestWorkflowAccess,
  languages: ReadonlyArray<Language>,
  alert?: AlertWorkflowAccess,
): Authority => ({
  id: id as AuthorityId,
  name,
  memberState,
  email: `${id}@authorities.example`,
  languages,
  status: 'active',
  access: areas.map((la) => ({ legislativeArea: la, role, status: 'active', request: request(la), ...(la === SERVICES_LA && alert !== undefined ? { alert } : {}) })),
})

/** An alert coordinator; `mailbox` makes it its state's incoming alert mailbox. */
const alertCoordinator = (mailbox: boolean) => alertWorkflowAccess({ role: 'alert-coordinator', incomingMailbox: mailbox })
const alertAuthority = (...linked: string[]) => alertWorkflowAccess({ linkedCoordinators: linked as AuthorityId[] })

const coordinator = (linked: ReadonlyArray<string> = []) => () =>
  requestWorkflowAccess({ role: 'request-coordinator', linkedCoordinators: linked as AuthorityId[] })
const competent = (...linked: string[]) => () => requestWorkflowAccess({ linkedCoordinators: linked as AuthorityId[] })

const user = (
  id: string,
  authorityId: string,
  first: string,
  last: string,
  language: Language,
  roles: ReadonlyArray<RequestUserRole>,
  general: ReadonlyArray<GeneralUserRole> = [],
  alertRoles: ReadonlyArray<AlertUserRole> = [],
): User => ({
  id: id as UserId,
  authorityId: authorityId as AuthorityId,
  firstName: first,
  lastName: last,
  email: `${id}@users.example`,
  language,
  status: 'active',
  generalRoles: general,
  requestRoles: areas.map((legislativeArea) => ({ legislativeArea, roles })),
  ...(alertRoles.length === 0 ? {} : { alertRoles }),
})

/** The ids of the fixture authorities. @category testing */
export const A = {
  frNimic: 'fr-nimic' as AuthorityId,
  frDimic: 'fr-dimic-health' as AuthorityId,
  frCa: 'fr-ordre-medecins' as AuthorityId,
  frCa2: 'fr-prefecture-paris' as AuthorityId,
  deNimic: 'de-nimic' as AuthorityId,
  deDimic: 'de-dimic-bw' as AuthorityId,
  deCa: 'de-aerztekammer-berlin' as AuthorityId,
  deCa2: 'de-regierungspraesidium-stuttgart' as AuthorityId,
  itCa: 'it-ministero-salute' as AuthorityId,
  itNimic: 'it-nimic' as AuthorityId,
} as const

/** The ids of the fixture users, one per role and authority. @category testing */
export const U = {
  // French competent authority (requesting side in most tests)
  frHandler: 'fr-ca-handler' as UserId,
  frHandler2: 'fr-ca-handler-2' as UserId,
  frViewer: 'fr-ca-viewer' as UserId,
  frAllocator: 'fr-ca-allocator' as UserId,
  frLda: 'fr-ca-lda' as UserId,
  fr2Handler: 'fr-ca2-handler' as UserId,
  frNimicReferee: 'fr-nimic-referee' as UserId,
  frNimicReferee2: 'fr-nimic-referee-2' as UserId,
  frNimicHandler: 'fr-nimic-handler' as UserId,
  frNimicAllocator: 'fr-nimic-allocator' as UserId,
  frDimicReferee: 'fr-dimic-referee' as UserId,
  // German competent authority (responding side in most tests)
  deHandler: 'de-ca-handler' as UserId,
  deHandler2: 'de-ca-handler-2' as UserId,
  deViewer: 'de-ca-viewer' as UserId,
  deAllocator: 'de-ca-allocator' as UserId,
  deLda: 'de-ca-lda' as UserId,
  de2Handler: 'de-ca2-handler' as UserId,
  de2Viewer: 'de-ca2-viewer' as UserId,
  deNimicReferee: 'de-nimic-referee' as UserId,
  deNimicReferee2: 'de-nimic-referee-2' as UserId,
  deNimicHandler: 'de-nimic-handler' as UserId,
  deNimicAllocator: 'de-nimic-allocator' as UserId,
  deDimicReferee: 'de-dimic-referee' as UserId,
  itHandler: 'it-ca-handler' as UserId,
  // Administrators that complete each authority (local data administrators, data administrators of coordinators)
  fr2Lda: 'fr-ca2-lda' as UserId,
  de2Lda: 'de-ca2-lda' as UserId,
  itLda: 'it-ca-lda' as UserId,
  frDimicAdmin: 'fr-dimic-admin' as UserId,
  deDimicAdmin: 'de-dimic-admin' as UserId,
  itNimicAdmin: 'it-nimic-admin' as UserId,
  // Alert workflow: broadcasters of the coordinators, handlers and a viewer of the authorities
  frNimicBroadcaster: 'fr-nimic-broadcaster' as UserId,
  frDimicBroadcaster: 'fr-dimic-broadcaster' as UserId,
  deNimicBroadcaster: 'de-nimic-broadcaster' as UserId,
  deDimicBroadcaster: 'de-dimic-broadcaster' as UserId,
  itNimicBroadcaster: 'it-nimic-broadcaster' as UserId,
  frAlertHandler: 'fr-ca-alert-handler' as UserId,
  fr2AlertHandler: 'fr-ca2-alert-handler' as UserId,
  deAlertHandler: 'de-ca-alert-handler' as UserId,
  deAlertViewer: 'de-ca-alert-viewer' as UserId,
  de2AlertHandler: 'de-ca2-alert-handler' as UserId,
  itAlertHandler: 'it-ca-alert-handler' as UserId,
} as const

/**
 * The informal name of the French medical council, in every language of `LANGUAGES`
 * (I18N-AUTHORITY-INFORMAL-NAME).
 */
const DOCTORS_COUNCIL: LocalizedText = {
  en: 'National council of doctors', bg: 'Национален съвет на лекарите', cs: 'Národní rada lékařů', da: 'Nationalt lægeråd',
  de: 'Nationaler Ärzterat', el: 'Εθνικό συμβούλιο ιατρών', es: 'Consejo nacional de médicos', et: 'Riiklik arstide nõukogu',
  fi: 'Kansallinen lääkärineuvosto', fr: 'Conseil national des médecins', ga: 'Comhairle náisiúnta na ndochtúirí', hr: 'Nacionalno vijeće liječnika',
  hu: 'Országos orvosi tanács', it: 'Consiglio nazionale dei medici', lt: 'Nacionalinė gydytojų taryba', lv: 'Valsts ārstu padome',
  mt: 'Kunsill nazzjonali tat-tobba', nl: 'Nationale raad van artsen', pl: 'Krajowa rada lekarzy', pt: 'Conselho nacional dos médicos',
  ro: 'Consiliul național al medicilor', sk: 'Národná rada lekárov', sl: 'Nacionalni svet zdravnikov', sv: 'Nationella läkarrådet',
  is: 'Landsráð lækna', no: 'Nasjonalt legeråd',
}

/** The informal name of the Berlin chamber of physicians, in every language of `LANGUAGES`. */
const BERLIN_PHYSICIANS: LocalizedText = {
  en: 'Berlin chamber of physicians', bg: 'Лекарска камара на Берлин', cs: 'Lékařská komora Berlína', da: 'Berlins lægekammer',
  de: 'Berliner Kammer der Ärzteschaft', el: 'Ιατρικό επιμελητήριο Βερολίνου', es: 'Colegio de médicos de Berlín', et: 'Berliini arstide koda',
  fi: 'Berliinin lääkärikamari', fr: 'Chambre des médecins de Berlin', ga: 'Comhlachas dochtúirí Bheirlín', hr: 'Liječnička komora Berlina',
  hu: 'Berlini orvosi kamara', it: 'Ordine dei medici di Berlino', lt: 'Berlyno gydytojų rūmai', lv: 'Berlīnes ārstu kamera',
  mt: 'Kamra tat-tobba ta’ Berlin', nl: 'Artsenkamer Berlijn', pl: 'Izba lekarska w Berlinie', pt: 'Ordem dos médicos de Berlim',
  ro: 'Camera medicilor din Berlin', sk: 'Lekárska komora Berlína', sl: 'Zdravniška zbornica Berlin', sv: 'Berlins läkarkammare',
  is: 'Læknaráð Berlínar', no: 'Berlins legekammer',
}

/**
 * The data of the fixture directory. France and Germany each have a NIMIC and a DIMIC acting as
 * request coordinators and two competent authorities; the first competent authority of each is linked
 * to its NIMIC only. In the Services alert workflow each NIMIC is its state's incoming alert mailbox,
 * each DIMIC an alert coordinator, and the competent authorities are alert authorities.
 *
 * @category testing
 */
export const worldData = (): DirectoryData => ({
  legislativeAreas: LEGISLATIVE_AREAS,
  questionSets: QUESTION_SETS,
  authorities: [
    authority(A.frNimic, 'Secrétariat général des affaires européennes (NIMIC)', 'FR', 'NIMIC', coordinator(), ['fr', 'en'], alertCoordinator(true)),
    authority(A.frDimic, 'Ministère de la santé (DIMIC)', 'FR', 'DIMIC', coordinator(), ['fr'], alertCoordinator(false)),
    {
      ...authority(A.frCa, 'Ordre national des médecins', 'FR', 'competent-authority', competent(A.frNimic), ['fr', 'en'], alertAuthority(A.frNimic, A.frDimic)),
      informalName: DOCTORS_COUNCIL,
      description: { text: 'Instance nationale de l’ordre des médecins : inscription au tableau et déontologie médicale.', language: 'fr' },
    },
    authority(A.frCa2, 'Préfecture de Paris', 'FR', 'competent-authority', competent(A.frNimic), ['fr'], alertAuthority(A.frNimic)),
    authority(A.deNimic, 'Bundesministerium für Wirtschaft (NIMIC)', 'DE', 'NIMIC', coordinator(), ['de', 'en'], alertCoordinator(true)),
    authority(A.deDimic, 'Landesministerium Baden-Württemberg (DIMIC)', 'DE', 'DIMIC', coordinator(), ['de'], alertCoordinator(false)),
    {
      ...authority(A.deCa, 'Ärztekammer Berlin', 'DE', 'competent-authority', competent(A.deNimic), ['de', 'en'], alertAuthority(A.deNimic, A.deDimic)),
      informalName: BERLIN_PHYSICIANS,
      description: { text: 'Berufsvertretung der Ärztinnen und Ärzte in Berlin: Berufsaufsicht und Anerkennung von Qualifikationen.', language: 'de' },
    },
    authority(A.deCa2, 'Regierungspräsidium Stuttgart', 'DE', 'competent-authority', competent(A.deNimic), ['de'], alertAuthority(A.deDimic)),
    authority(A.itNimic, 'Dipartimento per le politiche europee (NIMIC)', 'IT', 'NIMIC', coordinator(), ['it'], alertCoordinator(true)),
    {
      ...authority(A.itCa, 'Ministero della salute', 'IT', 'competent-authority', competent(A.itNimic), ['it', 'en'], alertAuthority(A.itNimic)),
      description: { text: 'Autorità nazionale competente per le professioni sanitarie.', language: 'it' },
    },
  ],
  users: [
    user(U.frHandler, A.frCa, 'Camille', 'Martin', 'fr', ['request-handler']),
    user(U.frHandler2, A.frCa, 'Louis', 'Bernard', 'fr', ['request-handler']),
    user(U.frViewer, A.frCa, 'Inès', 'Petit', 'fr', ['request-viewer']),
    user(U.frAllocator, A.frCa, 'Hugo', 'Robert', 'fr', ['allocator']),
    user(U.frLda, A.frCa, 'Léa', 'Richard', 'fr', [], ['local-data-administrator']),
    user(U.fr2Handler, A.frCa2, 'Jules', 'Durand', 'fr', ['request-handler']),
    user(U.frNimicReferee, A.frNimic, 'Chloé', 'Dubois', 'fr', ['referee']),
    user(U.frNimicReferee2, A.frNimic, 'Nathan', 'Moreau', 'fr', ['referee']),
    user(U.frNimicHandler, A.frNimic, 'Emma', 'Laurent', 'fr', ['request-handler']),
    user(U.frNimicAllocator, A.frNimic, 'Paul', 'Simon', 'fr', ['allocator'], ['local-data-administrator', 'data-administrator']),
    user(U.frDimicReferee, A.frDimic, 'Zoé', 'Michel', 'fr', ['referee']),
    user(U.deHandler, A.deCa, 'Lena', 'Müller', 'de', ['request-handler']),
    user(U.deHandler2, A.deCa, 'Jonas', 'Schmidt', 'de', ['request-handler']),
    user(U.deViewer, A.deCa, 'Mia', 'Schneider', 'de', ['request-viewer']),
    user(U.deAllocator, A.deCa, 'Felix', 'Fischer', 'de', ['allocator']),
    user(U.deLda, A.deCa, 'Anna', 'Weber', 'de', [], ['local-data-administrator']),
    user(U.de2Handler, A.deCa2, 'Paul', 'Meyer', 'de', ['request-handler']),
    user(U.de2Viewer, A.deCa2, 'Laura', 'Wagner', 'de', ['request-viewer']),
    user(U.deNimicReferee, A.deNimic, 'Lukas', 'Becker', 'de', ['referee']),
    user(U.deNimicReferee2, A.deNimic, 'Sophie', 'Hoffmann', 'de', ['referee']),
    user(U.deNimicHandler, A.deNimic, 'Ben', 'Schulz', 'de', ['request-handler']),
    user(U.deNimicAllocator, A.deNimic, 'Marie', 'Koch', 'de', ['allocator'], ['local-data-administrator', 'data-administrator']),
    user(U.deDimicReferee, A.deDimic, 'Leon', 'Richter', 'de', ['referee']),
    user(U.itHandler, A.itCa, 'Giulia', 'Rossi', 'it', ['request-handler']),
    user(U.fr2Lda, A.frCa2, 'Manon', 'Lefebvre', 'fr', [], ['local-data-administrator']),
    user(U.de2Lda, A.deCa2, 'Emilia', 'Neumann', 'de', [], ['local-data-administrator']),
    user(U.itLda, A.itCa, 'Marco', 'Bianchi', 'it', [], ['local-data-administrator']),
    user(U.frDimicAdmin, A.frDimic, 'Théo', 'Garcia', 'fr', ['request-handler'], ['local-data-administrator', 'data-administrator']),
    user(U.deDimicAdmin, A.deDimic, 'Elias', 'Schwarz', 'de', ['request-handler'], ['local-data-administrator', 'data-administrator']),
    user(U.itNimicAdmin, A.itNimic, 'Francesca', 'Romano', 'it', ['request-handler', 'referee'], ['local-data-administrator', 'data-administrator']),
    user(U.frNimicBroadcaster, A.frNimic, 'Adèle', 'Roux', 'fr', [], [], ['alert-broadcaster', 'alert-handler']),
    user(U.frDimicBroadcaster, A.frDimic, 'Victor', 'Fournier', 'fr', [], [], ['alert-broadcaster']),
    user(U.deNimicBroadcaster, A.deNimic, 'Greta', 'Braun', 'de', [], [], ['alert-broadcaster', 'alert-handler']),
    user(U.deDimicBroadcaster, A.deDimic, 'Moritz', 'Krüger', 'de', [], [], ['alert-broadcaster']),
    user(U.itNimicBroadcaster, A.itNimic, 'Luca', 'Esposito', 'it', [], [], ['alert-broadcaster', 'alert-handler']),
    user(U.frAlertHandler, A.frCa, 'Sarah', 'Girard', 'fr', [], [], ['alert-handler']),
    user(U.fr2AlertHandler, A.frCa2, 'Maxime', 'Bonnet', 'fr', [], [], ['alert-handler']),
    user(U.deAlertHandler, A.deCa, 'Clara', 'Wolf', 'de', [], [], ['alert-handler']),
    user(U.deAlertViewer, A.deCa, 'Jan', 'Schröder', 'de', [], [], ['alert-viewer']),
    user(U.de2AlertHandler, A.deCa2, 'Tim', 'Zimmermann', 'de', [], [], ['alert-handler']),
    user(U.itAlertHandler, A.itCa, 'Sofia', 'Ricci', 'it', [], [], ['alert-handler']),
  ],
})

/**
 * Changes the request-workflow access of one authority in every area of a directory's data.
 *
 * @example
 * ```ts
 * import { worldData, withRequestAccess, A } from '@imi-kit/core/testing'
 * const data = withRequestAccess(worldData(), A.deCa, (r) => ({ ...r, parameters: { ...r.parameters, mayRefuseRequests: true } }))
 * ```
 * @category testing
 */
export const withRequestAccess = (
  data: DirectoryData,
  id: AuthorityId,
  patch: (access: RequestWorkflowAccess) => RequestWorkflowAccess,
): DirectoryData => ({
  ...data,
  authorities: data.authorities.map((a) =>
    a.id !== id ? a : { ...a, access: a.access.map((l) => (l.request === undefined ? l : { ...l, request: patch(l.request) })) },
  ),
})

/**
 * Changes the alert-workflow access of one authority of a directory's data.
 *
 * @example
 * ```ts
 * import { worldData, withAlertAccess, A } from '@imi-kit/core/testing'
 * const data = withAlertAccess(worldData(), A.frNimic, (a) => ({ ...a, finalApproval: true }))
 * ```
 * @category testing
 */
export const withAlertAccess = (data: DirectoryData, id: AuthorityId, patch: (access: AlertWorkflowAccess) => AlertWorkflowAccess): DirectoryData => ({
  ...data,
  authorities: data.authorities.map((a) =>
    a.id !== id ? a : { ...a, access: a.access.map((l) => (l.alert === undefined ? l : { ...l, alert: patch(l.alert) })) },
  ),
})

/** Changes one user of a directory's data. @category testing */
export const withUser = (data: DirectoryData, id: UserId, patch: (u: User) => User): DirectoryData => ({
  ...data,
  users: data.users.map((u) => (u.id === id ? patch(u) : u)),
})

/** The fixture directory. @category testing */
export const world = (data: DirectoryData = worldData()): Directory => createDirectory(data)
