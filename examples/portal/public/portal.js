// The portal page's own script: a hash router that puts one imi- element in <main> at a time, the
// language switcher, and sign-out. Everything about IMI itself is done by the elements, which talk to
// the API through the client of <imi-provider>; this script only asks /api/me who is signed in.
/* global window, document, location, customElements */

// The page's own labels (the elements take theirs from the core's catalogue). Other languages fall
// back to English, marked as such, as the elements do.
const LABELS = {
  en: {
    brand: 'IMI national portal',
    demo: 'Demo',
    skip: 'Skip to the content',
    nav: 'Main',
    'nav.dashboard': 'Dashboard',
    'nav.exchanges': 'Exchanges',
    'nav.new-request': 'New request',
    'nav.new-alert': 'New alert',
    language: 'Language',
    'sign-out': 'Sign out',
    loading: 'Loading…',
    'title.login': 'Welcome to the IMI national portal',
    'title.dashboard': 'Dashboard',
    'title.exchanges': 'Exchanges',
    'title.exchange': 'Exchange',
    'title.new-request': 'New request for information',
    'title.new-alert': 'New Services Directive alert',
    'title.not-found': 'Page not found',
    'not-found': 'There is no such page.',
    footer: 'A demonstration of imi-kit. The demo accounts share a password and a security code printed at start: never use them anywhere else.',
  },
  fr: {
    brand: 'Portail national IMI',
    demo: 'Démo',
    skip: 'Aller au contenu',
    nav: 'Navigation principale',
    'nav.dashboard': 'Tableau de bord',
    'nav.exchanges': 'Échanges',
    'nav.new-request': 'Nouvelle demande',
    'nav.new-alert': 'Nouvelle alerte',
    language: 'Langue',
    'sign-out': 'Se déconnecter',
    loading: 'Chargement…',
    'title.login': 'Bienvenue sur le portail national IMI',
    'title.dashboard': 'Tableau de bord',
    'title.exchanges': 'Échanges',
    'title.exchange': 'Échange',
    'title.new-request': 'Nouvelle demande d’information',
    'title.new-alert': 'Nouvelle alerte (directive Services)',
    'title.not-found': 'Page introuvable',
    'not-found': 'Cette page n’existe pas.',
    footer: 'Démonstration d’imi-kit. Les comptes de démonstration partagent un mot de passe et un code de sécurité affichés au démarrage : ne les utilisez nulle part ailleurs.',
  },
  de: {
    brand: 'Nationales IMI-Portal',
    demo: 'Demo',
    skip: 'Zum Inhalt springen',
    nav: 'Hauptnavigation',
    'nav.dashboard': 'Übersicht',
    'nav.exchanges': 'Vorgänge',
    'nav.new-request': 'Neues Ersuchen',
    'nav.new-alert': 'Neuer Vorwarnungsfall',
    language: 'Sprache',
    'sign-out': 'Abmelden',
    loading: 'Wird geladen…',
    'title.login': 'Willkommen im nationalen IMI-Portal',
    'title.dashboard': 'Übersicht',
    'title.exchanges': 'Vorgänge',
    'title.exchange': 'Vorgang',
    'title.new-request': 'Neues Auskunftsersuchen',
    'title.new-alert': 'Neue Vorwarnung (Dienstleistungsrichtlinie)',
    'title.not-found': 'Seite nicht gefunden',
    'not-found': 'Diese Seite gibt es nicht.',
    footer: 'Eine Demonstration von imi-kit. Die Demo-Konten teilen ein Passwort und einen Sicherheitscode, die beim Start angezeigt werden: Verwenden Sie sie nirgendwo sonst.',
  },
}

// The official languages of the EU, each named in itself.
const LANGUAGES = [
  ['bg', 'български'], ['cs', 'čeština'], ['da', 'dansk'], ['de', 'Deutsch'], ['el', 'ελληνικά'], ['en', 'English'],
  ['es', 'español'], ['et', 'eesti'], ['fi', 'suomi'], ['fr', 'français'], ['ga', 'Gaeilge'], ['hr', 'hrvatski'],
  ['hu', 'magyar'], ['it', 'italiano'], ['lt', 'lietuvių'], ['lv', 'latviešu'], ['mt', 'Malti'], ['nl', 'Nederlands'],
  ['pl', 'polski'], ['pt', 'português'], ['ro', 'română'], ['sk', 'slovenčina'], ['sl', 'slovenščina'], ['sv', 'svenska'],
]

const provider = document.querySelector('imi-provider')
const view = document.getElementById('view')
const nav = document.getElementById('nav')
const languageSelect = document.getElementById('language')
const userBadge = document.getElementById('user')
const signOut = document.getElementById('sign-out')

/** Who is signed in (the answer of GET /api/me), or null. */
let me = null
let language = 'en'

const label = (key) => LABELS[language]?.[key] ?? LABELS.en[key] ?? key
const translated = (key) => LABELS[language]?.[key] !== undefined

/** Puts a label into an element, marking an English fallback with its language. */
const putLabel = (element, key) => {
  element.textContent = label(key)
  if (translated(key)) element.removeAttribute('lang')
  else element.setAttribute('lang', 'en')
}

const relabel = () => {
  for (const element of document.querySelectorAll('[data-label]')) putLabel(element, element.dataset.label)
  for (const element of document.querySelectorAll('[data-label-aria]')) element.setAttribute('aria-label', label(element.dataset.labelAria))
}

const setLanguage = (lang) => {
  language = LANGUAGES.some(([code]) => code === lang) ? lang : 'en'
  languageSelect.value = language
  document.documentElement.lang = language
  // The elements switch live when the provider's lang changes.
  provider.setAttribute('lang', language)
  localStorage.setItem('imi-portal-language', language)
  relabel()
  const title = view.querySelector('h1[data-label]')
  if (title !== null) document.title = `${title.textContent} — ${label('brand')}`
}

/** The CSRF token of the session, which unsafe requests echo (double submit). */
const csrf = () => {
  const m = /(?:^|;\s*)__Host-imi-csrf=([^;]+)/.exec(document.cookie)
  return m === null ? undefined : decodeURIComponent(m[1])
}

const whoAmI = async () => {
  try {
    const r = await fetch('/api/me', { headers: { accept: 'application/json' }, credentials: 'same-origin' })
    me = r.ok ? await r.json() : null
  } catch {
    me = null
  }
  if (me !== null && me.kind === 'user') {
    userBadge.textContent = `${me.firstName ?? ''} ${me.lastName ?? ''} · ${me.authorityName ?? me.authorityId}`.trim()
    userBadge.hidden = false
    signOut.hidden = false
    nav.hidden = false
  } else {
    me = null
    userBadge.textContent = ''
    userBadge.hidden = true
    signOut.hidden = true
    nav.hidden = true
  }
}

/** Creates an element with attributes. */
const make = (tag, attributes = {}) => {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
  return element
}

/** The server's time, from which deadlines and "recently" count (a test moves the server's clock). */
let now
const whatTimeIsIt = async () => {
  try {
    now = (await (await fetch('/portal.json', { headers: { accept: 'application/json' } })).json()).now
  } catch {
    now = undefined
  }
}

const defined = (attributes) => Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined && value !== ''))

/** The elements of each page, told who the user is and what time it is, each by its own attributes. */
const ELEMENTS = {
  dashboard: () => make('imi-dashboard', defined({ href: '#/exchanges/{id}', authority: me?.authorityId, now })),
  list: () => make('imi-exchange-list', { href: '#/exchanges/{id}' }),
  exchange: (id) => make('imi-exchange', defined({ 'exchange-id': id, 'authority-id': me?.authorityId, today: now?.slice(0, 10) })),
  requestForm: (id) => make('imi-request-form', defined({ 'exchange-id': id, 'member-state': me?.memberState })),
  alertForm: (id) => make('imi-alert-form', defined({ 'exchange-id': id, 'member-state': me?.memberState })),
}

/**
 * Shows one page: its heading, then its element. The elements head their content themselves, so the
 * page's heading is for screen readers and the tab's title only, except where no element shows.
 */
const show = (titleKey, content, route, { visibleTitle = false } = {}) => {
  const heading = make('h1', { 'data-label': titleKey, ...(visibleTitle ? {} : { class: 'visually-hidden' }) })
  putLabel(heading, titleKey)
  view.replaceChildren(heading, ...content)
  document.title = `${heading.textContent} — ${label('brand')}`
  for (const link of nav.querySelectorAll('a[data-route]')) {
    if (link.dataset.route === route) link.setAttribute('aria-current', 'page')
    else link.removeAttribute('aria-current')
  }
}

const render = async ({ focus = true } = {}) => {
  // Asked at every navigation: a session ended meanwhile (idle, signed out elsewhere) shows the login.
  await Promise.all([whatTimeIsIt(), whoAmI()])
  const path = location.hash.replace(/^#/, '')
  const [, section = '', id] = path.split('/')
  if (me === null) {
    show('title.login', [make('imi-login')], '')
  } else if (section === '' || section === 'dashboard' || section === 'login') {
    show('title.dashboard', [ELEMENTS.dashboard()], 'dashboard')
  } else if (section === 'exchanges' && id !== undefined && id !== '') {
    show('title.exchange', [ELEMENTS.exchange(decodeURIComponent(id))], 'exchanges')
  } else if (section === 'exchanges') {
    show('title.exchanges', [ELEMENTS.list()], 'exchanges')
  } else if (section === 'new-request') {
    // #/new-request/<id> goes on with a saved draft.
    show('title.new-request', [ELEMENTS.requestForm(id === undefined ? undefined : decodeURIComponent(id))], 'new-request')
  } else if (section === 'new-alert') {
    show('title.new-alert', [ELEMENTS.alertForm(id === undefined ? undefined : decodeURIComponent(id))], 'new-alert')
  } else {
    const p = make('p', { 'data-label': 'not-found' })
    putLabel(p, 'not-found')
    show('title.not-found', [p], '', { visibleTitle: true })
  }
  // After a navigation, a screen reader starts from the new content.
  if (focus) view.focus({ preventScroll: true })
}

const go = (hash) => {
  if (location.hash === hash) void render()
  else location.hash = hash
}

// ---------------------------------------------------------------------------------------------
// what the elements tell the page

/** The exchange an element's event names, whatever the event. */
const exchangeOf = (event) => event.detail?.exchangeId ?? event.detail?.id

const open = (id) => {
  if (typeof id === 'string' && id !== '') go(`#/exchanges/${encodeURIComponent(id)}`)
}

// Signed in (<imi-login>): the session cookie is set; the elements' client uses it from now on.
// A link followed before signing in (an e-mail's link to an exchange) opens once signed in.
document.addEventListener('imi-signed-in', async () => {
  await whoAmI()
  if (me === null) return
  if (location.hash === '' || location.hash === '#/' || location.hash === '#/login') go('#/dashboard')
  else void render()
})
document.addEventListener('imi-signed-out', async () => {
  await whoAmI()
  go('#/login')
})
// A list or the dashboard opened an exchange; a form sent its request or submitted its alert: show it.
// (Links to exchanges are hash links already; the events matter where an element has none.)
for (const name of ['imi-open', 'imi-sent']) document.addEventListener(name, (event) => open(exchangeOf(event)))
// "Edit" on a draft in <imi-exchange>: the form goes on with it.
document.addEventListener('imi-edit', (event) => {
  const id = exchangeOf(event)
  if (typeof id !== 'string' || id === '') return
  go(`#/${String(event.detail?.procedure ?? '').includes('alert') ? 'new-alert' : 'new-request'}/${encodeURIComponent(id)}`)
})
document.addEventListener('imi-command', (event) => {
  if (event.target?.localName === 'imi-alert-form' && event.detail?.action === 'alert.submit') open(exchangeOf(event))
})

signOut.addEventListener('click', async () => {
  const token = csrf()
  await fetch('/api/logout', { method: 'POST', credentials: 'same-origin', headers: token === undefined ? {} : { 'x-imi-csrf': token } }).catch(() => undefined)
  await whoAmI()
  go('#/login')
})

languageSelect.replaceChildren(...LANGUAGES.map(([code, name]) => {
  const option = make('option', { value: code, lang: code })
  option.textContent = name
  return option
}))
languageSelect.addEventListener('change', () => setLanguage(languageSelect.value))
window.addEventListener('hashchange', () => void render())

await customElements.whenDefined('imi-provider')
setLanguage(localStorage.getItem('imi-portal-language') ?? (navigator.language ?? 'en').slice(0, 2))
await render({ focus: false })
