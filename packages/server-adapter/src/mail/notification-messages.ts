/**
 * The standard e-mails of the request and alert workflows: one subject and one text per message id
 * the core's procedures emit, in English, French and German. A message names the exchange by its
 * number and links to it, says what happened and what to do, and nothing else: never the exchange's
 * content, never personal data (MAIL-REQ-NO-CONTENT, MAIL-ALERT-NO-CONTENT, spec §6.15, §7.12).
 *
 * @module
 */
import type { Notification } from '@imi-kit/core'
import type { MailContent } from './layout.js'
import { fill, layOut } from './layout.js'
import type { MailLanguage, MailTranslations } from './languages.js'

/**
 * One standard message in one language; `{number}` stands for the exchange number.
 *
 * @category mail
 */
export interface MessageTemplate {
  readonly subject: string
  /** What happened and what to do, in one or two sentences. */
  readonly body: string
}

/**
 * A standard message in every mail language.
 *
 * @category mail
 */
export interface NotificationMessage {
  readonly texts: MailTranslations<MessageTemplate>
  /** `false` for a message about an exchange that no longer exists, which has nothing to link to. */
  readonly link?: boolean
}

const m = (en: MessageTemplate, fr: MessageTemplate, de: MessageTemplate, link = true): NotificationMessage => ({ texts: { en, fr, de }, ...(link ? {} : { link: false }) })

/**
 * The standard messages, by the `message` id of the core's notifications.
 *
 * @category mail
 */
export const NOTIFICATION_MESSAGES: Readonly<Record<string, NotificationMessage>> = {
  // -------------------------------------------------------------------------------------------
  // requests (spec §6.15)
  'request.incoming': m(
    { subject: 'IMI: new request {number} awaiting acceptance', body: 'A new request for information, {number}, has been sent to your authority in IMI and is awaiting acceptance. Please log in to IMI to handle it.' },
    { subject: "IMI : nouvelle demande {number} en attente d'acceptation", body: "Une nouvelle demande d'informations, {number}, a été adressée à votre autorité dans IMI et attend d'être acceptée. Veuillez vous connecter à IMI pour la traiter." },
    { subject: 'IMI: neues Ersuchen {number} wartet auf Annahme', body: 'Ein neues Auskunftsersuchen, {number}, wurde in IMI an Ihre Behörde gerichtet und wartet auf Annahme. Bitte melden Sie sich bei IMI an, um es zu bearbeiten.' },
  ),
  'request.allocated-to-you': m(
    { subject: 'IMI: request {number} has been allocated to you', body: 'Request {number} has been allocated to you in IMI. Please log in to IMI to handle it.' },
    { subject: 'IMI : la demande {number} vous a été attribuée', body: 'La demande {number} vous a été attribuée dans IMI. Veuillez vous connecter à IMI pour la traiter.' },
    { subject: 'IMI: Ersuchen {number} wurde Ihnen zugewiesen', body: 'Das Ersuchen {number} wurde Ihnen in IMI zugewiesen. Bitte melden Sie sich bei IMI an, um es zu bearbeiten.' },
  ),
  'request.approval-needed': m(
    { subject: 'IMI: request {number} awaits your approval', body: 'Request {number} has been referred to your authority for approval in IMI. Please log in to IMI to approve it or return it.' },
    { subject: 'IMI : la demande {number} attend votre approbation', body: "La demande {number} a été soumise à l'approbation de votre autorité dans IMI. Veuillez vous connecter à IMI pour l'approuver ou la renvoyer." },
    { subject: 'IMI: Ersuchen {number} wartet auf Ihre Genehmigung', body: 'Das Ersuchen {number} wurde Ihrer Behörde in IMI zur Genehmigung vorgelegt. Bitte melden Sie sich bei IMI an, um es zu genehmigen oder zurückzusenden.' },
  ),
  'request.returned-by-coordinator': m(
    { subject: 'IMI: request {number} returned by the coordinator', body: 'The coordinator has returned request {number} to your authority in IMI without approving it. Please log in to IMI to review it.' },
    { subject: 'IMI : demande {number} renvoyée par le coordonnateur', body: "Le coordonnateur a renvoyé la demande {number} à votre autorité dans IMI sans l'approuver. Veuillez vous connecter à IMI pour la réexaminer." },
    { subject: 'IMI: Ersuchen {number} vom Koordinator zurückgesandt', body: 'Der Koordinator hat das Ersuchen {number} in IMI ohne Genehmigung an Ihre Behörde zurückgesandt. Bitte melden Sie sich bei IMI an, um es zu überprüfen.' },
  ),
  'request.accepted': m(
    { subject: 'IMI: request {number} accepted', body: 'The responding authority has accepted request {number} in IMI. Any new deadline is shown in IMI.' },
    { subject: 'IMI : demande {number} acceptée', body: "L'autorité destinataire a accepté la demande {number} dans IMI. Un éventuel nouveau délai est indiqué dans IMI." },
    { subject: 'IMI: Ersuchen {number} angenommen', body: 'Die ersuchte Behörde hat das Ersuchen {number} in IMI angenommen. Eine etwaige neue Frist ist in IMI angegeben.' },
  ),
  'request.refused': m(
    { subject: 'IMI: request {number} refused', body: 'The responding authority has refused request {number} in IMI. Please log in to IMI to see what to do next.' },
    { subject: 'IMI : demande {number} refusée', body: "L'autorité destinataire a refusé la demande {number} dans IMI. Veuillez vous connecter à IMI pour voir la suite à donner." },
    { subject: 'IMI: Ersuchen {number} abgelehnt', body: 'Die ersuchte Behörde hat das Ersuchen {number} in IMI abgelehnt. Bitte melden Sie sich bei IMI an, um das weitere Vorgehen zu prüfen.' },
  ),
  'request.new-responding-authority': m(
    { subject: 'IMI: request {number} forwarded to another authority', body: 'Request {number} has been forwarded in IMI: a new responding authority has been asked to answer it.' },
    { subject: 'IMI : demande {number} transmise à une autre autorité', body: 'La demande {number} a été transmise dans IMI : une nouvelle autorité destinataire a été invitée à y répondre.' },
    { subject: 'IMI: Ersuchen {number} an eine andere Behörde weitergeleitet', body: 'Das Ersuchen {number} wurde in IMI weitergeleitet: Eine neue ersuchte Behörde wurde um Beantwortung gebeten.' },
  ),
  'request.split': m(
    { subject: 'IMI: request {number} split', body: 'Request {number} has been split in IMI: a new responding authority has been asked to answer some of its questions.' },
    { subject: 'IMI : demande {number} scindée', body: 'La demande {number} a été scindée dans IMI : une nouvelle autorité destinataire a été invitée à répondre à une partie de ses questions.' },
    { subject: 'IMI: Ersuchen {number} aufgeteilt', body: 'Das Ersuchen {number} wurde in IMI aufgeteilt: Eine neue ersuchte Behörde wurde gebeten, einen Teil seiner Fragen zu beantworten.' },
  ),
  'request.reply-received': m(
    { subject: 'IMI: reply received to request {number}', body: 'The responding authority has replied to request {number} in IMI. Please log in to IMI to read the reply.' },
    { subject: 'IMI : réponse reçue à la demande {number}', body: "L'autorité destinataire a répondu à la demande {number} dans IMI. Veuillez vous connecter à IMI pour lire la réponse." },
    { subject: 'IMI: Antwort auf Ersuchen {number} eingegangen', body: 'Die ersuchte Behörde hat das Ersuchen {number} in IMI beantwortet. Bitte melden Sie sich bei IMI an, um die Antwort zu lesen.' },
  ),
  'request.new-message': m(
    { subject: 'IMI: new message on request {number}', body: 'The other authority has added new information to request {number} in IMI. Please log in to IMI to read it.' },
    { subject: 'IMI : nouveau message sur la demande {number}', body: "L'autre autorité a ajouté de nouvelles informations à la demande {number} dans IMI. Veuillez vous connecter à IMI pour les lire." },
    { subject: 'IMI: neue Nachricht zu Ersuchen {number}', body: 'Die andere Behörde hat dem Ersuchen {number} in IMI neue Informationen hinzugefügt. Bitte melden Sie sich bei IMI an, um sie zu lesen.' },
  ),
  'request.new-information': m(
    { subject: 'IMI: new information on request {number}', body: 'New information has been added to request {number} in IMI. Please log in to IMI to see it.' },
    { subject: 'IMI : nouvelles informations sur la demande {number}', body: 'De nouvelles informations ont été ajoutées à la demande {number} dans IMI. Veuillez vous connecter à IMI pour les consulter.' },
    { subject: 'IMI: neue Informationen zu Ersuchen {number}', body: 'Dem Ersuchen {number} wurden in IMI neue Informationen hinzugefügt. Bitte melden Sie sich bei IMI an, um sie einzusehen.' },
  ),
  'request.additional-info-requested': m(
    { subject: 'IMI: additional information requested on request {number}', body: 'The requesting authority has asked for additional information on request {number} in IMI. Please log in to IMI to accept or refuse the request.' },
    { subject: 'IMI : informations complémentaires demandées sur la demande {number}', body: "L'autorité requérante a demandé des informations complémentaires sur la demande {number} dans IMI. Veuillez vous connecter à IMI pour accepter ou refuser cette demande." },
    { subject: 'IMI: zusätzliche Informationen zu Ersuchen {number} angefordert', body: 'Die ersuchende Behörde hat in IMI zusätzliche Informationen zum Ersuchen {number} angefordert. Bitte melden Sie sich bei IMI an, um die Anforderung anzunehmen oder abzulehnen.' },
  ),
  'request.additional-info-refused': m(
    { subject: 'IMI: additional information refused on request {number}', body: 'The responding authority has refused to give the additional information asked for on request {number} in IMI. Please log in to IMI to accept the refusal or maintain your request.' },
    { subject: 'IMI : informations complémentaires refusées sur la demande {number}', body: "L'autorité destinataire a refusé de fournir les informations complémentaires demandées sur la demande {number} dans IMI. Veuillez vous connecter à IMI pour accepter ce refus ou maintenir votre demande." },
    { subject: 'IMI: zusätzliche Informationen zu Ersuchen {number} verweigert', body: 'Die ersuchte Behörde hat es in IMI abgelehnt, die zum Ersuchen {number} angeforderten zusätzlichen Informationen zu liefern. Bitte melden Sie sich bei IMI an, um die Ablehnung anzunehmen oder an Ihrer Anforderung festzuhalten.' },
  ),
  'request.additional-info-accepted': m(
    { subject: 'IMI: additional information to come on request {number}', body: 'The responding authority has agreed to give additional information on request {number} in IMI.' },
    { subject: 'IMI : informations complémentaires à venir sur la demande {number}', body: "L'autorité destinataire a accepté de fournir des informations complémentaires sur la demande {number} dans IMI." },
    { subject: 'IMI: zusätzliche Informationen zu Ersuchen {number} zugesagt', body: 'Die ersuchte Behörde hat in IMI zugesagt, zusätzliche Informationen zum Ersuchen {number} zu liefern.' },
  ),
  'request.arbitration': m(
    { subject: 'IMI: request {number} referred to your authority for arbitration', body: 'Request {number} has been referred to your authority, as coordinator, for arbitration in IMI. Please log in to IMI to assess the reply.' },
    { subject: "IMI : la demande {number} est soumise à l'arbitrage de votre autorité", body: "La demande {number} a été soumise à votre autorité, en tant que coordonnateur, pour arbitrage dans IMI. Veuillez vous connecter à IMI pour évaluer la réponse." },
    { subject: 'IMI: Ersuchen {number} Ihrer Behörde zur Schlichtung vorgelegt', body: 'Das Ersuchen {number} wurde Ihrer Behörde als Koordinator in IMI zur Schlichtung vorgelegt. Bitte melden Sie sich bei IMI an, um die Antwort zu beurteilen.' },
  ),
  'request.returned-after-arbitration': m(
    { subject: 'IMI: request {number} returned after arbitration', body: 'After arbitration, request {number} has been returned to the responding authority in IMI, which may reconsider its position or maintain it.' },
    { subject: "IMI : demande {number} renvoyée après arbitrage", body: "À l'issue de l'arbitrage, la demande {number} a été renvoyée dans IMI à l'autorité destinataire, qui peut reconsidérer sa position ou la maintenir." },
    { subject: 'IMI: Ersuchen {number} nach Schlichtung zurückgesandt', body: 'Nach der Schlichtung wurde das Ersuchen {number} in IMI an die ersuchte Behörde zurückgegeben, die ihre Haltung überdenken oder beibehalten kann.' },
  ),
  'request.closed': m(
    { subject: 'IMI: request {number} closed', body: 'Request {number} has been closed in IMI.' },
    { subject: 'IMI : demande {number} clôturée', body: 'La demande {number} a été clôturée dans IMI.' },
    { subject: 'IMI: Ersuchen {number} abgeschlossen', body: 'Das Ersuchen {number} wurde in IMI abgeschlossen.' },
  ),
  'request.commission-contrary-decision': m(
    { subject: 'IMI: Commission decision recorded on request {number}', body: 'A decision of the European Commission on the measures notified in request {number} has been recorded in IMI. Please log in to IMI to see it.' },
    { subject: 'IMI : décision de la Commission enregistrée sur la demande {number}', body: 'Une décision de la Commission européenne sur les mesures notifiées dans la demande {number} a été enregistrée dans IMI. Veuillez vous connecter à IMI pour la consulter.' },
    { subject: 'IMI: Entscheidung der Kommission zu Ersuchen {number} erfasst', body: 'Eine Entscheidung der Europäischen Kommission zu den im Ersuchen {number} mitgeteilten Maßnahmen wurde in IMI erfasst. Bitte melden Sie sich bei IMI an, um sie einzusehen.' },
  ),

  // -------------------------------------------------------------------------------------------
  // alerts (spec §7.12)
  'alert.submitted': m(
    { subject: 'IMI: alert {number} submitted for broadcast', body: 'Alert {number} has been submitted to your authority for broadcast in IMI. Please log in to IMI to accept it and broadcast it.' },
    { subject: 'IMI : alerte {number} soumise pour diffusion', body: "L'alerte {number} a été soumise à votre autorité pour diffusion dans IMI. Veuillez vous connecter à IMI pour l'accepter et la diffuser." },
    { subject: 'IMI: Vorwarnung {number} zur Übermittlung vorgelegt', body: 'Die Vorwarnung {number} wurde Ihrer Behörde in IMI zur Übermittlung vorgelegt. Bitte melden Sie sich bei IMI an, um sie anzunehmen und zu übermitteln.' },
  ),
  'alert.forwarded-to-coordinator': m(
    { subject: 'IMI: alert {number} forwarded to your authority for broadcast', body: 'Alert {number} has been forwarded to your authority for broadcast in IMI. Please log in to IMI to accept it and broadcast it.' },
    { subject: 'IMI : alerte {number} transmise à votre autorité pour diffusion', body: "L'alerte {number} a été transmise à votre autorité pour diffusion dans IMI. Veuillez vous connecter à IMI pour l'accepter et la diffuser." },
    { subject: 'IMI: Vorwarnung {number} zur Übermittlung an Ihre Behörde weitergeleitet', body: 'Die Vorwarnung {number} wurde in IMI zur Übermittlung an Ihre Behörde weitergeleitet. Bitte melden Sie sich bei IMI an, um sie anzunehmen und zu übermitteln.' },
  ),
  'alert.deleted': m(
    { subject: 'IMI: alert {number} deleted', body: 'Alert {number}, submitted but not yet broadcast, has been deleted in IMI. Nothing remains to be done.' },
    { subject: 'IMI : alerte {number} supprimée', body: "L'alerte {number}, soumise mais pas encore diffusée, a été supprimée dans IMI. Aucune action n'est requise." },
    { subject: 'IMI: Vorwarnung {number} gelöscht', body: 'Die vorgelegte, aber noch nicht übermittelte Vorwarnung {number} wurde in IMI gelöscht. Es ist nichts weiter zu tun.' },
    // A deleted alert leaves no trace (ALERT-DELETE): there is no entry to link to.
    false,
  ),
  'alert.incoming': m(
    { subject: 'IMI: new alert {number} awaiting acknowledgement', body: 'A new alert, {number}, has been broadcast to your Member State in IMI and is awaiting acknowledgement. Please log in to IMI to acknowledge it and forward it.' },
    { subject: "IMI : nouvelle alerte {number} en attente d'accusé de réception", body: "Une nouvelle alerte, {number}, a été diffusée à votre État membre dans IMI et attend un accusé de réception. Veuillez vous connecter à IMI pour en accuser réception et la transmettre." },
    { subject: 'IMI: neue Vorwarnung {number} wartet auf Empfangsbestätigung', body: 'Eine neue Vorwarnung, {number}, wurde in IMI an Ihren Mitgliedstaat übermittelt und wartet auf eine Empfangsbestätigung. Bitte melden Sie sich bei IMI an, um den Empfang zu bestätigen und sie weiterzuleiten.' },
  ),
  'alert.forwarded': m(
    { subject: 'IMI: alert {number} forwarded to your authority', body: 'Alert {number} has been forwarded to your authority in IMI. Please log in to IMI to read it.' },
    { subject: 'IMI : alerte {number} transmise à votre autorité', body: "L'alerte {number} a été transmise à votre autorité dans IMI. Veuillez vous connecter à IMI pour la consulter." },
    { subject: 'IMI: Vorwarnung {number} an Ihre Behörde weitergeleitet', body: 'Die Vorwarnung {number} wurde in IMI an Ihre Behörde weitergeleitet. Bitte melden Sie sich bei IMI an, um sie zu lesen.' },
  ),
  'alert.establishment-changed': m(
    { subject: 'IMI: Member State of establishment changed on alert {number}', body: 'The Member State of establishment given in alert {number} has been changed in IMI. Please log in to IMI to see the alert.' },
    { subject: "IMI : État membre d'établissement modifié sur l'alerte {number}", body: "L'État membre d'établissement indiqué dans l'alerte {number} a été modifié dans IMI. Veuillez vous connecter à IMI pour consulter l'alerte." },
    { subject: 'IMI: Niederlassungsmitgliedstaat der Vorwarnung {number} geändert', body: 'Der in der Vorwarnung {number} angegebene Niederlassungsmitgliedstaat wurde in IMI geändert. Bitte melden Sie sich bei IMI an, um die Vorwarnung einzusehen.' },
  ),
  'alert.information-broadcast': m(
    { subject: 'IMI: new information on alert {number}', body: 'Additional information has been broadcast on alert {number} in IMI. Please log in to IMI to read it.' },
    { subject: "IMI : nouvelles informations sur l'alerte {number}", body: "Des informations complémentaires ont été diffusées sur l'alerte {number} dans IMI. Veuillez vous connecter à IMI pour les lire." },
    { subject: 'IMI: neue Informationen zu Vorwarnung {number}', body: 'Zur Vorwarnung {number} wurden in IMI zusätzliche Informationen übermittelt. Bitte melden Sie sich bei IMI an, um sie zu lesen.' },
  ),
  'alert.objection-broadcast': m(
    { subject: 'IMI: objection to the closure of alert {number}', body: 'An objection to the proposed closure of alert {number} has been broadcast in IMI. Please log in to IMI to read it.' },
    { subject: "IMI : objection à la clôture de l'alerte {number}", body: "Une objection à la clôture proposée de l'alerte {number} a été diffusée dans IMI. Veuillez vous connecter à IMI pour la lire." },
    { subject: 'IMI: Einwand gegen den Abschluss der Vorwarnung {number}', body: 'Gegen den vorgeschlagenen Abschluss der Vorwarnung {number} wurde in IMI ein Einwand übermittelt. Bitte melden Sie sich bei IMI an, um ihn zu lesen.' },
  ),
  'alert.closure-may-comment': m(
    { subject: 'IMI: closure proposed for alert {number}: you may comment', body: 'The closure of alert {number} has been proposed in IMI. Your authority may comment on the proposal until the end of the comment period.' },
    { subject: "IMI : clôture proposée pour l'alerte {number} : vous pouvez formuler des observations", body: "La clôture de l'alerte {number} a été proposée dans IMI. Votre autorité peut formuler des observations sur cette proposition jusqu'à la fin de la période prévue." },
    { subject: 'IMI: Abschluss der Vorwarnung {number} vorgeschlagen: Stellungnahme möglich', body: 'Der Abschluss der Vorwarnung {number} wurde in IMI vorgeschlagen. Ihre Behörde kann bis zum Ende der Frist zu dem Vorschlag Stellung nehmen.' },
  ),
  'alert.comment-period-ended': m(
    { subject: 'IMI: comment period ended on alert {number}', body: 'The comment period on the proposed closure of alert {number} has ended in IMI. Please log in to IMI to broadcast the closure proposal.' },
    { subject: "IMI : fin de la période d'observations sur l'alerte {number}", body: "La période d'observations sur la clôture proposée de l'alerte {number} a pris fin dans IMI. Veuillez vous connecter à IMI pour diffuser la proposition de clôture." },
    { subject: 'IMI: Frist für Stellungnahmen zur Vorwarnung {number} abgelaufen', body: 'Die Frist für Stellungnahmen zum vorgeschlagenen Abschluss der Vorwarnung {number} ist in IMI abgelaufen. Bitte melden Sie sich bei IMI an, um den Abschlussvorschlag zu übermitteln.' },
  ),
  'alert.closure-proposal-broadcast': m(
    { subject: 'IMI: closure of alert {number} proposed to all recipients', body: 'A proposal to close alert {number} has been broadcast in IMI. Objections may be raised until the end of the objection period.' },
    { subject: "IMI : clôture de l'alerte {number} proposée à tous les destinataires", body: "Une proposition de clôture de l'alerte {number} a été diffusée dans IMI. Des objections peuvent être formulées jusqu'à la fin de la période prévue." },
    { subject: 'IMI: Abschluss der Vorwarnung {number} allen Empfängern vorgeschlagen', body: 'Ein Vorschlag, die Vorwarnung {number} abzuschließen, wurde in IMI übermittelt. Einwände können bis zum Ende der Einspruchsfrist erhoben werden.' },
  ),
  'alert.objection-period-ended': m(
    { subject: 'IMI: objection period ended on alert {number}', body: 'The objection period on the proposed closure of alert {number} has ended in IMI. Please log in to IMI to decide on the closure.' },
    { subject: "IMI : fin de la période d'objection sur l'alerte {number}", body: "La période d'objection sur la clôture proposée de l'alerte {number} a pris fin dans IMI. Veuillez vous connecter à IMI pour décider de la clôture." },
    { subject: 'IMI: Einspruchsfrist zur Vorwarnung {number} abgelaufen', body: 'Die Einspruchsfrist zum vorgeschlagenen Abschluss der Vorwarnung {number} ist in IMI abgelaufen. Bitte melden Sie sich bei IMI an, um über den Abschluss zu entscheiden.' },
  ),
  'alert.withdrawal-proposed': m(
    { subject: 'IMI: withdrawal proposed for alert {number}', body: 'The withdrawal of alert {number} has been proposed to your authority in IMI. Please log in to IMI to broadcast the withdrawal or not.' },
    { subject: "IMI : retrait proposé pour l'alerte {number}", body: "Le retrait de l'alerte {number} a été proposé à votre autorité dans IMI. Veuillez vous connecter à IMI pour diffuser ou non ce retrait." },
    { subject: 'IMI: Rücknahme der Vorwarnung {number} vorgeschlagen', body: 'Die Rücknahme der Vorwarnung {number} wurde Ihrer Behörde in IMI vorgeschlagen. Bitte melden Sie sich bei IMI an, um über die Übermittlung der Rücknahme zu entscheiden.' },
  ),
  'alert.withdrawn': m(
    { subject: 'IMI: alert {number} withdrawn', body: 'Alert {number} has been withdrawn in IMI.' },
    { subject: 'IMI : alerte {number} retirée', body: "L'alerte {number} a été retirée dans IMI." },
    { subject: 'IMI: Vorwarnung {number} zurückgenommen', body: 'Die Vorwarnung {number} wurde in IMI zurückgenommen.' },
  ),
  'alert.closed': m(
    { subject: 'IMI: alert {number} closed', body: 'Alert {number} has been closed in IMI.' },
    { subject: 'IMI : alerte {number} clôturée', body: "L'alerte {number} a été clôturée dans IMI." },
    { subject: 'IMI: Vorwarnung {number} abgeschlossen', body: 'Die Vorwarnung {number} wurde in IMI abgeschlossen.' },
  ),
}

/**
 * The message for an id the catalogue does not know (a procedure added later): it says only that
 * something happened on the exchange.
 *
 * @category mail
 */
export const FALLBACK_MESSAGE: NotificationMessage = m(
  { subject: 'IMI: news on {number}', body: 'There is news on {number} in IMI. Please log in to IMI to see it.' },
  { subject: 'IMI : du nouveau sur {number}', body: 'Il y a du nouveau sur {number} dans IMI. Veuillez vous connecter à IMI pour le consulter.' },
  { subject: 'IMI: Neuigkeiten zu {number}', body: 'Es gibt Neuigkeiten zu {number} in IMI. Bitte melden Sie sich bei IMI an, um sie einzusehen.' },
)

const LINK_LABEL: MailTranslations<string> = { en: 'Open {number} in IMI:', fr: 'Ouvrir {number} dans IMI :', de: '{number} in IMI öffnen:' }

const FOOTER: MailTranslations<string> = {
  en: 'This is an automatic message from IMI. For data protection it contains no details of the case: log in to IMI to see them. Please do not reply to this message.',
  fr: "Ceci est un message automatique d'IMI. Pour protéger les données, il ne contient aucun détail du dossier : connectez-vous à IMI pour les consulter. Merci de ne pas répondre à ce message.",
  de: 'Dies ist eine automatische Nachricht von IMI. Aus Gründen des Datenschutzes enthält sie keine Einzelheiten zum Vorgang: Melden Sie sich bei IMI an, um sie einzusehen. Bitte antworten Sie nicht auf diese Nachricht.',
}

/**
 * The address of an exchange in the IMI front end: `${baseUrl}/exchanges/${exchangeId}`.
 *
 * @example
 * ```ts
 * import { exchangeUrl } from '@imi-kit/server-adapter'
 * exchangeUrl('https://imi.example.org/', 'x-1') // 'https://imi.example.org/exchanges/x-1'
 * ```
 * @category mail
 */
export const exchangeUrl = (baseUrl: string, exchangeId: string): string => `${baseUrl.replace(/\/+$/, '')}/exchanges/${encodeURIComponent(exchangeId)}`

/**
 * Renders a notification as the standard e-mail of its message id, in one language: its subject and
 * text name the exchange by its number and link to it. It reads nothing but the message id, the
 * exchange id and the exchange number, so it cannot carry the exchange's content.
 *
 * @example
 * ```ts
 * import { renderNotification } from '@imi-kit/server-adapter'
 * import { exchangeId } from '@imi-kit/core'
 * const mail = renderNotification({ message: 'request.incoming', exchangeId: exchangeId('x-1'), exchangeNumber: 'REQ-000001' }, { language: 'fr', baseUrl: 'https://imi.example.org' })
 * mail.subject // "IMI : nouvelle demande REQ-000001 en attente d'acceptation"
 * ```
 * @category mail
 */
export const renderNotification = (
  notification: Pick<Notification, 'message' | 'exchangeId' | 'exchangeNumber'>,
  options: { readonly language: MailLanguage; readonly baseUrl: string },
): MailContent => {
  const { language } = options
  const message = NOTIFICATION_MESSAGES[notification.message] ?? FALLBACK_MESSAGE
  const values = { number: notification.exchangeNumber }
  const texts = message.texts[language]
  const content = layOut({
    language,
    subject: fill(texts.subject, values),
    paragraphs: [fill(texts.body, values)],
    ...(message.link === false ? {} : { link: { label: fill(LINK_LABEL[language], values), url: exchangeUrl(options.baseUrl, notification.exchangeId) } }),
    footer: FOOTER[language],
  })
  return { ...content, headers: { ...content.headers, 'X-IMI-Message': notification.message } }
}
