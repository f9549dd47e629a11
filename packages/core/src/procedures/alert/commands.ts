/**
 * The commands of the alert procedure, validated at the boundary by io-ts codecs.
 *
 * @module
 */
import * as t from 'io-ts'
import { AuthorityIdCodec, ExchangeIdCodec } from '../../model/ids.js'
import { MemberStateCodec } from '../../model/member-states.js'
import { FreeTextCodec } from '../../i18n/languages.js'
import { earlyRemovalFields } from '../../retention/early-removal.js'
import { AlertContentPatchCodec, AlertInformationKindCodec } from './model.js'

const cmd = <T extends string, P extends t.Props>(type: T, props: P) =>
  t.readonly(t.type({ type: t.literal(type), exchangeId: ExchangeIdCodec, ...props }))

const ItemId = t.refinement(t.string, (s) => s.length > 0 && s.length <= 200, 'ItemId')
const NonEmpty = <C extends t.Mixed>(c: C, name: string) => t.refinement(t.readonlyArray(c), (a) => a.length > 0 && a.length <= 100, name)

/**
 * Every command of the alert procedure.
 *
 * @category codecs
 */
export const AlertCommandCodec = t.union([
  t.readonly(t.intersection([t.type({ type: t.literal('alert.create') }), AlertContentPatchCodec, t.partial({ coordinator: AuthorityIdCodec })])),
  t.readonly(t.intersection([t.type({ type: t.literal('alert.edit'), exchangeId: ExchangeIdCodec }), AlertContentPatchCodec, t.partial({ coordinator: AuthorityIdCodec })])),
  cmd('alert.delete', {}),
  t.readonly(t.intersection([t.type({ type: t.literal('alert.submit'), exchangeId: ExchangeIdCodec }), t.partial({ coordinator: AuthorityIdCodec })])),
  cmd('alert.forward-to-coordinator', { coordinator: AuthorityIdCodec }),
  cmd('alert.accept', {}),
  cmd('alert.add-recipient-states', { memberStates: NonEmpty(MemberStateCodec, 'MemberStates') }),
  cmd('alert.broadcast', {}),
  cmd('alert.acknowledge', {}),
  cmd('alert.forward-within-state', { authorities: NonEmpty(AuthorityIdCodec, 'Authorities') }),
  cmd('alert.remove-recipient', { authorityId: AuthorityIdCodec }),
  t.readonly(t.intersection([t.type({ type: t.literal('alert.modify'), exchangeId: ExchangeIdCodec }), t.partial({ provider: AlertContentPatchCodec.props.provider, caseDescription: FreeTextCodec, serviceActivity: AlertContentPatchCodec.props.serviceActivity })])),
  cmd('alert.change-establishment', { establishment: t.union([MemberStateCodec, t.null]) }),
  cmd('alert.submit-information', { kind: AlertInformationKindCodec, coordinator: AuthorityIdCodec, text: FreeTextCodec }),
  cmd('alert.edit-information', { informationId: ItemId, text: FreeTextCodec }),
  cmd('alert.delete-information', { informationId: ItemId }),
  cmd('alert.broadcast-information', { informationId: ItemId }),
  cmd('alert.propose-withdrawal', { reason: FreeTextCodec }),
  cmd('alert.cancel-withdrawal', {}),
  cmd('alert.broadcast-withdrawal', {}),
  cmd('alert.propose-closure', { coordinator: AuthorityIdCodec, text: FreeTextCodec }),
  cmd('alert.comment', { text: FreeTextCodec }),
  cmd('alert.edit-closure-proposal', { text: FreeTextCodec }),
  cmd('alert.cancel-closure-proposal', {}),
  cmd('alert.end-comment-period', {}),
  cmd('alert.broadcast-closure-proposal', { includedComments: t.readonlyArray(ItemId) }),
  cmd('alert.end-objection-period', {}),
  cmd('alert.close', {}),
  cmd('alert.block-personal-data', {}),
  cmd('alert.erase-personal-data', {}),
  // Early removal, before the scheduled date, with a mandatory reason and optionally who asked (RET-EARLY-REMOVAL).
  t.readonly(
    t.intersection([
      t.type({ type: t.literal('alert.remove-personal-data'), exchangeId: ExchangeIdCodec, ...earlyRemovalFields.required }),
      t.partial(earlyRemovalFields.optional),
    ]),
  ),
])

/** A command of the alert procedure. @category model */
export type AlertCommand = t.TypeOf<typeof AlertCommandCodec>

/** The name of an alert action. @category model */
export type AlertAction = AlertCommand['type']

/** The command of one action. @category model */
export type AlertCommandOf<A extends AlertAction> = Extract<AlertCommand, { readonly type: A }>

/** Every action of the alert procedure, in toolbar order. @category constants */
export const ALERT_ACTIONS: ReadonlyArray<AlertAction> = [
  'alert.create',
  'alert.edit',
  'alert.delete',
  'alert.submit',
  'alert.forward-to-coordinator',
  'alert.accept',
  'alert.add-recipient-states',
  'alert.broadcast',
  'alert.acknowledge',
  'alert.forward-within-state',
  'alert.remove-recipient',
  'alert.modify',
  'alert.change-establishment',
  'alert.submit-information',
  'alert.edit-information',
  'alert.delete-information',
  'alert.broadcast-information',
  'alert.propose-withdrawal',
  'alert.cancel-withdrawal',
  'alert.broadcast-withdrawal',
  'alert.propose-closure',
  'alert.comment',
  'alert.edit-closure-proposal',
  'alert.cancel-closure-proposal',
  'alert.end-comment-period',
  'alert.broadcast-closure-proposal',
  'alert.end-objection-period',
  'alert.close',
  'alert.block-personal-data',
  'alert.erase-personal-data',
  'alert.remove-personal-data',
]
