/**
 * Branded identifiers. A brand keeps an authority id from being passed where a user id is expected,
 * at no run-time cost.
 *
 * @module
 */
import * as t from 'io-ts'

/** Marks a primitive type with a nominal brand. @category model */
export type Brand<A, B extends string> = A & { readonly __brand: B }

/** Identifier of a registered authority. @category model */
export type AuthorityId = Brand<string, 'AuthorityId'>
/** Identifier of a user (a natural person inside one authority). @category model */
export type UserId = Brand<string, 'UserId'>
/** Identifier of one exchange (a request, an alert, …): also its event-stream id. @category model */
export type ExchangeId = Brand<string, 'ExchangeId'>
/** Identifier of a legislative area, e.g. `professional-qualifications`. @category model */
export type LegislativeAreaId = Brand<string, 'LegislativeAreaId'>
/** Identifier of a question set, e.g. `pq.general`. @category model */
export type QuestionSetId = Brand<string, 'QuestionSetId'>
/** Identifier of an attachment inside an exchange. @category model */
export type AttachmentId = Brand<string, 'AttachmentId'>

const nonEmptyBranded = <B extends string>(name: B): t.Type<Brand<string, B>, string, unknown> =>
  new t.Type<Brand<string, B>, string, unknown>(
    name,
    (u): u is Brand<string, B> => typeof u === 'string' && u.length > 0,
    (u, c) => (typeof u === 'string' && u.length > 0 && u.length <= 200 ? t.success(u as Brand<string, B>) : t.failure(u, c, `${name} must be a non-empty string of at most 200 characters`)),
    (a) => a,
  )

/** Codec of {@link AuthorityId}. @category codecs */
export const AuthorityIdCodec = nonEmptyBranded('AuthorityId')
/** Codec of {@link UserId}. @category codecs */
export const UserIdCodec = nonEmptyBranded('UserId')
/** Codec of {@link ExchangeId}. @category codecs */
export const ExchangeIdCodec = nonEmptyBranded('ExchangeId')
/** Codec of {@link LegislativeAreaId}. @category codecs */
export const LegislativeAreaIdCodec = nonEmptyBranded('LegislativeAreaId')
/** Codec of {@link QuestionSetId}. @category codecs */
export const QuestionSetIdCodec = nonEmptyBranded('QuestionSetId')
/** Codec of {@link AttachmentId}. @category codecs */
export const AttachmentIdCodec = nonEmptyBranded('AttachmentId')

/**
 * Casts a string to a branded id. Use at the edges (fixtures, decoded input), never to bypass a codec.
 *
 * @example
 * ```ts
 * import { authorityId } from '@imi-kit/core'
 * const ministry = authorityId('fr-ministry-economy')
 * ```
 * @category constructors
 */
export const authorityId = (s: string): AuthorityId => s as AuthorityId
/** Casts a string to a {@link UserId}. @category constructors */
export const userId = (s: string): UserId => s as UserId
/** Casts a string to an {@link ExchangeId}. @category constructors */
export const exchangeId = (s: string): ExchangeId => s as ExchangeId
/** Casts a string to a {@link LegislativeAreaId}. @category constructors */
export const legislativeAreaId = (s: string): LegislativeAreaId => s as LegislativeAreaId
/** Casts a string to a {@link QuestionSetId}. @category constructors */
export const questionSetId = (s: string): QuestionSetId => s as QuestionSetId
/** Casts a string to an {@link AttachmentId}. @category constructors */
export const attachmentId = (s: string): AttachmentId => s as AttachmentId
