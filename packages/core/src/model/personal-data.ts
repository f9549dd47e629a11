/**
 * Personal data is typed. A field holding personal data is declared with {@link personalData} in its
 * codec, and redaction, blocking and erasure walk the codec to find it: no hand-kept lists of field
 * names that drift from the schema.
 *
 * @module
 */
import * as t from 'io-ts'

/**
 * A codec that marks its values as personal data. It validates and encodes as the wrapped codec
 * does, and also accepts a {@link Redacted} marker: once personal data is erased, what stood in its
 * place is the marker.
 *
 * @category codecs
 */
export class PersonalDataType<C extends t.Mixed> extends t.Type<t.TypeOf<C> | Redacted, t.OutputOf<C> | Redacted, unknown> {
  /** Discriminates this codec from the other io-ts codecs when walking a schema. */
  readonly _tag = 'PersonalDataType' as const
  constructor(
    /** The codec of the value itself. */
    readonly type: C,
  ) {
    super(
      `PersonalData<${type.name}>`,
      (u): u is t.TypeOf<C> | Redacted => isRedacted(u) || type.is(u),
      (u, c) => (isRedacted(u) ? t.success(u) : type.validate(u, c)),
      (a) => (isRedacted(a) ? a : (type.encode(a) as t.OutputOf<C>)),
    )
  }
}

/**
 * Marks a codec as holding personal data of the subject of an exchange.
 *
 * @example
 * ```ts
 * import * as t from 'io-ts'
 * import { personalData, redactPersonalData } from '@imi-kit/core'
 * const Subject = t.type({ reference: t.string, name: personalData(t.string) })
 * redactPersonalData(Subject, { reference: 'A-1', name: 'Jane Doe' })
 * // { reference: 'A-1', name: { redacted: 'personal-data' } }
 * ```
 * @category codecs
 */
export const personalData = <C extends t.Mixed>(codec: C): PersonalDataType<C> => new PersonalDataType(codec)

/** What a redacted personal-data value is replaced with in a view. @category model */
export interface Redacted {
  readonly redacted: 'personal-data' | 'blocked' | 'erased'
}

/** A value that may have been redacted. @category model */
export type MaybeRedacted<A> = A | Redacted

const REDACTION_REASONS: ReadonlyArray<unknown> = ['personal-data', 'blocked', 'erased']

/** True when a value is a {@link Redacted} marker. @category guards */
export function isRedacted(u: unknown): u is Redacted {
  return typeof u === 'object' && u !== null && Object.keys(u).length === 1 && REDACTION_REASONS.includes((u as { redacted?: unknown }).redacted)
}

/** Any io-ts codec, as walked by the personal-data functions. @category model */
export type AnyCodec = t.Mixed | t.Any

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

/**
 * Rebuilds `value`, replacing each value that `codec` marks as personal data by `f(value)`.
 * Structure that the codec does not describe is kept as it is.
 *
 * @category destructors
 */
export const mapPersonalData = (codec: AnyCodec, value: unknown, f: (personal: unknown) => unknown): unknown => {
  if (codec instanceof PersonalDataType) return value === undefined ? undefined : f(value)
  if (value === undefined || value === null) return value
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType || codec instanceof t.StrictType) {
    if (!isObject(value)) return value
    const props = codec.props as Record<string, AnyCodec>
    const out: Record<string, unknown> = { ...value }
    for (const [k, c] of Object.entries(props)) if (k in value) out[k] = mapPersonalData(c, value[k], f)
    return out
  }
  if (codec instanceof t.ExactType || codec instanceof t.ReadonlyType || codec instanceof t.RefinementType) {
    return mapPersonalData(codec.type as AnyCodec, value, f)
  }
  if (codec instanceof t.ArrayType || codec instanceof t.ReadonlyArrayType) {
    return Array.isArray(value) ? value.map((v) => mapPersonalData(codec.type as AnyCodec, v, f)) : value
  }
  if (codec instanceof t.IntersectionType) {
    return (codec.types as ReadonlyArray<AnyCodec>).reduce<unknown>((acc, c) => mapPersonalData(c, acc, f), value)
  }
  if (codec instanceof t.UnionType) {
    const member = (codec.types as ReadonlyArray<AnyCodec>).find((c) => c.is(value))
    return member === undefined ? value : mapPersonalData(member, value, f)
  }
  if (codec instanceof t.DictionaryType) {
    if (!isObject(value)) return value
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapPersonalData(codec.codomain as AnyCodec, v, f)]))
  }
  return value
}

/**
 * Replaces every personal-data value by a {@link Redacted} marker with the given reason.
 *
 * @category destructors
 */
export const redactPersonalData = <A>(
  codec: AnyCodec,
  value: A,
  reason: Redacted['redacted'] = 'personal-data',
): unknown => mapPersonalData(codec, value, () => ({ redacted: reason }))

/**
 * Lists every personal-data value found in `value` according to `codec`. Used by erasure and by tests
 * that prove no personal data reaches a viewer.
 *
 * @category destructors
 */
export const collectPersonalData = (codec: AnyCodec, value: unknown): ReadonlyArray<unknown> => {
  const found: unknown[] = []
  mapPersonalData(codec, value, (v) => {
    found.push(v)
    return v
  })
  return found
}

/**
 * What stands in an event, as stored, where personal data was: the index of the value in the
 * exchange's personal-data vault entry for that event.
 *
 * @category model
 */
export interface PersonalDataRef {
  readonly personalDataRef: number
}

// Exactly one key: no object a command can carry through its codec has that shape, so a reference
// is never forged into a place the schema does not mark as personal.
const isRef = (u: unknown): u is PersonalDataRef =>
  typeof u === 'object' && u !== null && Object.keys(u).length === 1 && Number.isInteger((u as { personalDataRef?: unknown }).personalDataRef)

/**
 * Takes the personal data out of a value: each value the codec marks is replaced by a
 * {@link PersonalDataRef} and listed in `personal`, in order. Storage keeps the two apart, so that
 * erasing the list removes the personal data from an append-only log.
 *
 * @example
 * ```ts
 * import * as t from 'io-ts'
 * import { personalData, extractPersonalData } from '@imi-kit/core'
 * const Subject = t.type({ reference: t.string, name: personalData(t.string) })
 * extractPersonalData(Subject, { reference: 'A-1', name: 'Jane Doe' })
 * // { value: { reference: 'A-1', name: { personalDataRef: 0 } }, personal: ['Jane Doe'] }
 * ```
 * @category destructors
 */
export const extractPersonalData = (codec: AnyCodec, value: unknown): { readonly value: unknown; readonly personal: ReadonlyArray<unknown> } => {
  const personal: unknown[] = []
  const stripped = mapPersonalData(codec, value, (v) => {
    if (isRedacted(v)) return v
    personal.push(v)
    return { personalDataRef: personal.length - 1 }
  })
  return { value: stripped, personal }
}

/**
 * Puts personal data back where {@link extractPersonalData} took it out. Without the values (erased),
 * each reference becomes a `{ redacted: 'erased' }` marker.
 *
 * @category constructors
 */
export const restorePersonalData = (value: unknown, personal: ReadonlyArray<unknown> | undefined): unknown => {
  const walk = (u: unknown): unknown => {
    if (isRef(u)) return personal === undefined || !(u.personalDataRef in personal) ? { redacted: 'erased' } : personal[u.personalDataRef]
    if (Array.isArray(u)) return u.map(walk)
    if (typeof u === 'object' && u !== null) return Object.fromEntries(Object.entries(u).map(([k, v]) => [k, walk(v)]))
    return u
  }
  return walk(value)
}
