/**
 * `@imi-kit/web-components`: Lit elements for national portals. The classes register nothing; import
 * `@imi-kit/web-components/define` (or load the bundle) to define the tags.
 *
 * @module
 */
export { clientContext, languageContext } from './context.js'
export { ImiElement } from './base.js'
export { ImiProvider } from './provider/provider.js'
export { ImiStatus } from './status/status.js'
export { ImiAlertForm } from './alert-form/alert-form.js'
export { ImiAlertPanels } from './alert-panels/alert-panels.js'
export { ImiRequestForm } from './request-form/request-form.js'
export { ImiLogin, type SignedInDetail } from './login/login.js'
export { ImiExchange } from './exchange/exchange.js'
export { ImiHistory } from './history/history.js'
export { ImiComments } from './comments/comments.js'
export { ImiAttachments, PERSONAL_RELEVANCE } from './attachments/attachments.js'
export { ImiDeadline } from './deadline/deadline.js'
export { ImiDashboard, type DashboardGroup } from './dashboard/dashboard.js'
export { ImiExchangeList, type ListColumn, type OpenExchangeDetail } from './exchange-list/exchange-list.js'
export { ImiAuthoritySearch, type AuthoritySelectedDetail } from './authority-search/authority-search.js'
export type { CommandEventDetail } from './exchange/part.js'
