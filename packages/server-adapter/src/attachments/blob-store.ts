/**
 * Where attachment bytes live. The core keeps only a reference (`contentRef`); the server streams
 * uploads into a blob store, with size and media-type limits, and streams downloads out of it only
 * when `view` shows the attachment to the caller.
 *
 * @module
 */
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'

/** What is known of a stored blob. @category attachments */
export interface BlobInfo {
  readonly contentRef: string
  readonly size: number
  readonly mediaType: string
  readonly sha256: string
  readonly uploadedBy: string
  readonly uploadedAt: string
}

/** Why a blob was not stored. @category attachments */
export type BlobRejection = { readonly reason: 'too-large'; readonly limit: number } | { readonly reason: 'empty' }

/**
 * A store of attachment bytes.
 *
 * @category attachments
 */
export interface BlobStore {
  /** Streams `body` in, refusing (and discarding) it beyond `maxBytes`. */
  put(body: ReadableStream<Uint8Array>, meta: { readonly mediaType: string; readonly uploadedBy: string; readonly uploadedAt: string; readonly maxBytes: number }): Promise<BlobInfo | BlobRejection>
  info(contentRef: string): Promise<BlobInfo | undefined>
  /** The bytes, as a stream; `undefined` when absent. */
  open(contentRef: string): Promise<ReadableStream<Uint8Array> | undefined>
}

const newRef = () => `blob-${randomBytes(16).toString('hex')}`
const REF = /^blob-[0-9a-f]{32}$/

/** Reads a stream into chunks, counting and hashing, stopping beyond the limit. */
const drain = async (body: ReadableStream<Uint8Array>, maxBytes: number, sink: (chunk: Uint8Array) => Promise<void> | void) => {
  const hash = createHash('sha256')
  let size = 0
  const reader = body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined)
      return { tooLarge: true as const, size, sha256: '' }
    }
    hash.update(value)
    await sink(value)
  }
  return { tooLarge: false as const, size, sha256: hash.digest('hex') }
}

/**
 * A blob store in memory, for tests and demos.
 *
 * @category attachments
 */
export const createMemoryBlobStore = (): BlobStore => {
  const blobs = new Map<string, { info: BlobInfo; bytes: Uint8Array }>()
  return {
    put: async (body, meta) => {
      const chunks: Uint8Array[] = []
      const r = await drain(body, meta.maxBytes, (c) => {
        chunks.push(c)
      })
      if (r.tooLarge) return { reason: 'too-large', limit: meta.maxBytes }
      if (r.size === 0) return { reason: 'empty' }
      const bytes = new Uint8Array(Buffer.concat(chunks))
      const info: BlobInfo = { contentRef: newRef(), size: r.size, mediaType: meta.mediaType, sha256: r.sha256, uploadedBy: meta.uploadedBy, uploadedAt: meta.uploadedAt }
      blobs.set(info.contentRef, { info, bytes })
      return info
    },
    info: async (ref) => blobs.get(ref)?.info,
    open: async (ref) => {
      const b = blobs.get(ref)
      if (b === undefined) return undefined
      const bytes = b.bytes
      return new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes)
          controller.close()
        },
      })
    },
  }
}

/**
 * A blob store in a directory of the file system: one file per blob and a JSON file of its
 * metadata. Uploads are streamed to disk, never held whole in memory.
 *
 * @category attachments
 */
export const createFileBlobStore = (directory: string): BlobStore => {
  const path = (ref: string) => join(directory, ref)
  return {
    put: async (body, meta) => {
      await mkdir(directory, { recursive: true })
      const ref = newRef()
      const out = createWriteStream(path(ref))
      const r = await drain(body, meta.maxBytes, (c) => new Promise<void>((resolve, reject) => out.write(c, (e) => (e == null ? resolve() : reject(e)))))
      await new Promise<void>((resolve) => out.end(() => resolve()))
      if (r.tooLarge || r.size === 0) {
        await rm(path(ref), { force: true })
        return r.tooLarge ? { reason: 'too-large', limit: meta.maxBytes } : { reason: 'empty' }
      }
      const info: BlobInfo = { contentRef: ref, size: r.size, mediaType: meta.mediaType, sha256: r.sha256, uploadedBy: meta.uploadedBy, uploadedAt: meta.uploadedAt }
      await writeFile(`${path(ref)}.json`, JSON.stringify(info))
      return info
    },
    info: async (ref) => {
      if (!REF.test(ref)) return undefined
      try {
        return JSON.parse(await readFile(`${path(ref)}.json`, 'utf8')) as BlobInfo
      } catch {
        return undefined
      }
    },
    open: async (ref) => {
      if (!REF.test(ref)) return undefined
      try {
        await stat(path(ref))
      } catch {
        return undefined
      }
      return Readable.toWeb(createReadStream(path(ref))) as ReadableStream<Uint8Array>
    },
  }
}
