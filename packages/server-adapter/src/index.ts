/**
 * `@imi-kit/server-adapter`: the HTTP side of imi-kit — a web-standard handler over the core's
 * application service, its Node binding, attachment storage, and (as they land) the built-in login,
 * the worker and exports.
 *
 * @module
 */
export type { Authenticate, ExtraRoutes, ImiHandlerOptions, SearchExporter } from './http/handler.js'
export { createImiHandler, DEFAULT_ATTACHMENT_LIMIT, DEFAULT_ATTACHMENT_TYPES, DEFAULT_BODY_LIMIT } from './http/handler.js'
export { createNodeListener } from './http/node.js'
export { openApiDocument } from './http/openapi.js'
export type { ErrorBody } from './http/responses.js'
export { errorResponse, json, statusOf } from './http/responses.js'
export type { Method, OperationId, RouteSpec } from './http/routes.js'
export { ROUTES, matchPath } from './http/routes.js'
export type { BlobInfo, BlobRejection, BlobStore } from './attachments/blob-store.js'
export { createFileBlobStore, createMemoryBlobStore } from './attachments/blob-store.js'
