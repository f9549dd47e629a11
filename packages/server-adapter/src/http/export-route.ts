/**
 * The built-in export of search results: what the caller's search finds, each row what `view`
 * shows the caller, as CSV or XLSX in the caller's language.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { LANGUAGES, decodeSearchInput, domainError, listingScope, viewerOf } from '@imi-kit/core'
import type { ApplicationService, Directory, Language, Storage } from '@imi-kit/core'
import { ExportFormatCodec, exportSearchStream, loadExchanges, searchAll } from '../exports/index.js'
import type { SearchExporter } from './handler.js'

const isLanguage = (s: string): s is Language => (LANGUAGES as ReadonlyArray<string>).includes(s)

/**
 * The default {@link SearchExporter}: streams the file, paging through the search as it writes.
 *
 * @category http
 */
export const builtInExporter =
  (o: { readonly app: ApplicationService; readonly storage: Storage; readonly directory: () => Directory }): SearchExporter =>
  async ({ format, actor, language, query }) => {
    const f = ExportFormatCodec.decode(format)
    if (E.isLeft(f)) return E.left(domainError('export.invalid', 'The format is csv or xlsx'))
    const input = decodeSearchInput(query)
    if (E.isLeft(input)) return input
    const directory = o.directory()
    const viewer = viewerOf(directory, actor)
    const scope = viewer === undefined ? undefined : listingScope(viewer)
    if (viewer === undefined || scope === undefined) return E.left(domainError('export.not-allowed', 'This user lists no exchange'))
    // The export's language defaults to the user's own (CPC-COMMON-EXPORT-LANGUAGE).
    const lang = isLanguage(language) ? language : viewer.kind === 'user' ? viewer.user.language : 'en'
    const out = exportSearchStream({
      format: f.right,
      viewer,
      language: lang,
      directory,
      rows: loadExchanges(o.app, searchAll(o.storage.projections, { ...input.right, limit: 200, scope })),
    })
    return E.right({ body: out.body, mediaType: out.contentType, fileName: out.fileName })
  }
