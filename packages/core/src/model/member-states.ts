/**
 * The countries that take part in IMI: the 27 EU Member States and the three EEA EFTA states.
 *
 * @module
 */
import * as t from 'io-ts'

/**
 * ISO 3166-1 alpha-2 codes of the EEA states, in the protocol order used by EU institutions
 * (Greece as `EL`, as the EU does).
 *
 * @category model
 */
export const MEMBER_STATES = [
  'BE', 'BG', 'CZ', 'DK', 'DE', 'EE', 'IE', 'EL', 'ES', 'FR', 'HR', 'IT', 'CY', 'LV', 'LT', 'LU', 'HU', 'MT',
  'NL', 'AT', 'PL', 'PT', 'RO', 'SI', 'SK', 'FI', 'SE', 'IS', 'LI', 'NO',
] as const

/** A member state of the EEA. @category model */
export type MemberState = (typeof MEMBER_STATES)[number]

/** The Commission is not a member state but appears beside them as a party (alerts, derogations). @category model */
export const COMMISSION = 'EU' as const

/** Codec of {@link MemberState}. @category codecs */
export const MemberStateCodec = /* @__PURE__ */ t.keyof(
  /* @__PURE__ */ Object.fromEntries(/* @__PURE__ */ MEMBER_STATES.map((m) => [m, null])) as Record<MemberState, null>,
  'MemberState',
)

/** True when the string is a member-state code. @category guards */
export const isMemberState = (s: string): s is MemberState => (MEMBER_STATES as ReadonlyArray<string>).includes(s)
