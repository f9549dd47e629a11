/**
 * The OpenAPI 3.1 document of the API, served at `{base}/openapi.json`. A test holds it equal to the
 * route table, path for path and method for method.
 *
 * @module
 */
import { ROUTES } from './routes.js'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const jsonContent = (schema: unknown) => ({ 'application/json': { schema } })
const error = (description: string) => ({ description, content: jsonContent(ref('Error')) })
const idParam = (name: string, description: string) => ({ name, in: 'path', required: true, schema: { type: 'string', maxLength: 200 }, description })
const query = (name: string, schema: unknown, description: string) => ({ name, in: 'query', required: false, schema, description })

const SEARCH_PARAMETERS = [
  query('procedure', { type: 'string' }, 'A procedure id, e.g. `imi.request-for-information` or `services.alert`'),
  query('statuses', { type: 'array', items: { type: 'string' } }, 'Statuses (repeat the key)'),
  query('sentFrom', { type: 'string', format: 'date-time' }, 'Sent at or after'),
  query('sentTo', { type: 'string', format: 'date-time' }, 'Sent before'),
  query('updatedFrom', { type: 'string', format: 'date-time' }, 'Updated at or after'),
  query('updatedTo', { type: 'string', format: 'date-time' }, 'Updated before'),
  query('memberStates', { type: 'array', items: { type: 'string' } }, 'Member states involved (repeat the key)'),
  query('authorities', { type: 'array', items: { type: 'string' } }, 'Authorities involved (repeat the key)'),
  query('text', { type: 'string', maxLength: 200 }, 'Free text in the number and non-personal fields'),
  query('overdueAt', { type: 'string', format: 'date' }, 'Overdue at this date'),
  query('sort', { enum: ['updated-desc', 'created-desc', 'deadline-asc', 'number-asc'] }, 'Order (default updated-desc)'),
  query('limit', { type: 'integer', minimum: 1, maximum: 200 }, 'Page size (default 20)'),
  query('after', { type: 'string' }, 'The `next` cursor of the previous page'),
]

const OPERATIONS: Record<string, Record<string, unknown>> = {
  getOpenApi: { summary: 'This document', security: [], responses: { 200: { description: 'The OpenAPI document', content: jsonContent({ type: 'object' }) } } },
  createExchange: {
    summary: 'Create an exchange (a draft): run a creation command of any registered procedure',
    requestBody: { required: true, content: jsonContent(ref('Command')) },
    responses: { 201: { description: 'Created', content: jsonContent(ref('CommandResult')) } },
  },
  getExchange: {
    summary: 'What the caller may see of an exchange (its `view`)',
    parameters: [idParam('id', 'Exchange id')],
    responses: { 200: { description: 'The view', content: jsonContent(ref('ExchangeView')) } },
  },
  executeCommand: {
    summary: 'Run a command of the exchange’s procedure; `exchangeId` comes from the path',
    parameters: [idParam('id', 'Exchange id')],
    requestBody: { required: true, content: jsonContent(ref('Command')) },
    responses: { 200: { description: 'Done', content: jsonContent(ref('CommandResult')) } },
  },
  getAvailableActions: {
    summary: 'The actions the caller may take now (the toolbar)',
    parameters: [idParam('id', 'Exchange id')],
    responses: { 200: { description: 'The actions', content: jsonContent({ type: 'object', properties: { actions: { type: 'array', items: { type: 'string' } } } }) } },
  },
  getHistory: {
    summary: 'The history of an exchange as the caller may see it',
    parameters: [idParam('id', 'Exchange id')],
    responses: { 200: { description: 'The history', content: jsonContent({ type: 'object', properties: { history: { type: 'array', items: { type: 'object' } } } }) } },
  },
  getComments: {
    summary: 'Messages, information and closure comments as the caller may see them',
    parameters: [idParam('id', 'Exchange id')],
    responses: { 200: { description: 'The comments', content: jsonContent({ type: 'object' }) } },
  },
  addComment: {
    summary: 'Add a structured message to a request',
    parameters: [idParam('id', 'Exchange id')],
    requestBody: { required: true, content: jsonContent({ type: 'object', required: ['text'], properties: { text: ref('FreeText') } }) },
    responses: { 200: { description: 'Added', content: jsonContent(ref('CommandResult')) } },
  },
  downloadAttachment: {
    summary: 'Download an attachment the caller may see',
    parameters: [idParam('id', 'Exchange id'), idParam('attachmentId', 'Attachment id')],
    responses: { 200: { description: 'The document', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } } },
  },
  uploadAttachment: {
    summary: 'Upload a document (the raw bytes, with its media type); reference it in a command by `contentRef`',
    requestBody: { required: true, content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
    responses: {
      201: { description: 'Stored', content: jsonContent({ type: 'object', properties: { contentRef: { type: 'string' }, size: { type: 'integer' }, mediaType: { type: 'string' }, sha256: { type: 'string' } } }) },
      413: error('Too large'),
      415: error('Type not accepted'),
    },
  },
  getDashboard: { summary: 'The caller’s dashboard counts', responses: { 200: { description: 'Counts', content: jsonContent(ref('Dashboard')) } } },
  getActionList: { summary: 'Exchanges waiting for the caller', responses: { 200: { description: 'The list', content: jsonContent({ type: 'object', properties: { items: { type: 'array', items: ref('Summary') } } }) } } },
  search: { summary: 'Search the exchanges the caller may list', parameters: SEARCH_PARAMETERS, responses: { 200: { description: 'A page', content: jsonContent(ref('SearchPage')) } } },
  exportSearch: {
    summary: 'Export search results as CSV or XLSX, in the caller’s language, with only what the caller may see',
    parameters: [query('format', { enum: ['csv', 'xlsx'] }, 'The file format'), query('lang', { type: 'string' }, 'The language of the labels'), ...SEARCH_PARAMETERS],
    responses: { 200: { description: 'The file', content: { 'text/csv': { schema: { type: 'string' } }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } } } },
  },
  searchAuthorities: {
    summary: 'Search the directory of competent authorities',
    parameters: [
      query('text', { type: 'string' }, 'Part of the name'),
      query('memberState', { type: 'string' }, 'Member state'),
      query('legislativeArea', { type: 'string' }, 'Legislative area'),
      query('workflow', { enum: ['request', 'alert'] }, 'Workflow'),
      query('limit', { type: 'integer', minimum: 1, maximum: 200 }, 'At most'),
    ],
    responses: { 200: { description: 'Authorities', content: jsonContent({ type: 'object', properties: { items: { type: 'array', items: { type: 'object' } } } }) } },
  },
  getMe: {
    summary: 'The signed-in user: their authority, member state and working language',
    responses: {
      200: {
        description: 'The user',
        content: jsonContent({
          type: 'object',
          required: ['kind'],
          properties: {
            kind: { type: 'string', enum: ['user', 'system'] },
            userId: { type: 'string' },
            authorityId: { type: 'string' },
            firstName: { type: 'string' },
            lastName: { type: 'string' },
            language: { type: 'string' },
            authorityName: { type: 'string' },
            memberState: { type: 'string' },
          },
        }),
      },
    },
  },
  translate: {
    summary: 'Machine-translate a free text from its declared language into `to`, for a supported pair only (I18N-MT-SOURCE-TAG, I18N-MT-PAIRS); an approximate rendering, not an official translation',
    requestBody: { required: true, content: jsonContent({ type: 'object', required: ['text', 'language', 'to'], properties: { text: { type: 'string', maxLength: 10000 }, language: { type: 'string' }, to: { type: 'string' } } }) },
    responses: {
      200: {
        description: 'The translation',
        content: jsonContent({ type: 'object', properties: { text: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, machineTranslated: { const: true } } }),
      },
    },
  },
  getTranslationPairs: {
    summary: 'The language pairs machine translation is offered for (I18N-MT-PAIRS)',
    responses: {
      200: {
        description: 'The pairs',
        content: jsonContent({ type: 'object', properties: { pairs: { type: 'array', items: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } } } } } }),
      },
    },
  },
  loginBegin: {
    summary: 'Start signing in: the three positions of the security code to give (LOGIN-CHALLENGE-THREE)',
    security: [],
    requestBody: { required: true, content: jsonContent({ type: 'object', required: ['username'], properties: { username: { type: 'string' } } }) },
    responses: { 200: { description: 'The challenge', content: jsonContent({ type: 'object', properties: { positions: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 12 } } } }) }, 400: error('Malformed input') },
  },
  loginComplete: {
    summary: 'Sign in with username, password and the requested characters of the security code; sets the session cookies, or returns a bearer token when `mode` is `bearer`',
    security: [],
    requestBody: { required: true, content: jsonContent(ref('LoginAttempt')) },
    responses: { 200: { description: 'Signed in, or the next first-login step', content: jsonContent(ref('LoginOutcome')) }, 401: { description: 'Refused', content: jsonContent(ref('LoginOutcome')) }, 400: error('Malformed input') },
  },
  loginChangePassword: {
    summary: 'Change the password: at first login with the continuation, later with the current password and a session',
    security: [],
    requestBody: { required: true, content: jsonContent({ type: 'object', required: ['newPassword'], properties: { continuation: { type: 'string' }, currentPassword: { type: 'string' }, newPassword: { type: 'string' } } }) },
    responses: { 200: { description: 'Changed', content: jsonContent(ref('LoginOutcome')) }, 400: error('Malformed input'), 422: error('Refused by the password policy') },
  },
  loginSetSecurityCode: {
    summary: 'Create and confirm the 12-character security code, which ends the first login',
    security: [],
    requestBody: { required: true, content: jsonContent({ type: 'object', required: ['continuation', 'code', 'confirmation'], properties: { continuation: { type: 'string' }, code: { type: 'string' }, confirmation: { type: 'string' }, mode: { enum: ['cookie', 'bearer'] } } }) },
    responses: { 200: { description: 'Signed in', content: jsonContent(ref('LoginOutcome')) }, 400: error('Malformed input'), 422: error('Refused by the code rules') },
  },
  logout: { summary: 'Sign out: end the session and clear its cookies', security: [], responses: { 200: { description: 'Signed out', content: jsonContent({ type: 'object' }) }, 403: error('CSRF token missing or wrong') } },
  resetPassword: {
    summary: 'Reset a user’s password and security code (local data administrator, or a coordinator’s data administrator); the temporary password goes to the user by e-mail',
    parameters: [idParam('id', 'User id')],
    responses: { 200: { description: 'Reset', content: jsonContent({ type: 'object' }) } },
  },
  getReportKinds: {
    summary: 'The report kinds and customisable parts the caller may produce on a request now (SRCH-REPORT-*, RET-SUBJECT-REPORT-PD-USERS)',
    parameters: [idParam('id', 'Exchange id')],
    responses: { 200: { description: 'What the caller may produce', content: jsonContent(ref('ReportPermissions')) } },
  },
  createReport: {
    summary: 'Generate a report on a request; it stays 30 days in the caller’s activity panel (SRCH-REPORT-30-DAYS)',
    parameters: [idParam('id', 'Exchange id')],
    requestBody: { required: true, content: jsonContent(ref('ReportInput')) },
    responses: { 201: { description: 'Generated', content: jsonContent(ref('ReportListing')) } },
  },
  listReports: {
    summary: 'The caller’s reports still available: the activity panel',
    responses: { 200: { description: 'The reports, newest first', content: jsonContent({ type: 'object', properties: { items: { type: 'array', items: ref('ReportListing') } } }) } },
  },
  downloadReport: {
    summary: 'One of the caller’s reports: a self-contained printable HTML document, or the structured document with `Accept: application/json` (SRCH-REPORT-SAVE-PRINT)',
    parameters: [idParam('id', 'Report id')],
    responses: {
      200: { description: 'The report', content: { 'text/html': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } } },
      410: error('Its personal data is no longer available to the caller; the report was deleted'),
    },
  },
  deleteReport: {
    summary: 'Delete one of the caller’s reports',
    parameters: [idParam('id', 'Report id')],
    responses: { 200: { description: 'Deleted', content: jsonContent({ type: 'object', properties: { deleted: { const: true } } }) } },
  },
  getDeadLetters: { summary: 'Messages whose delivery failed for good (administrators)', responses: { 200: { description: 'The dead letters', content: jsonContent({ type: 'object', properties: { items: { type: 'array', items: { type: 'object' } } } }) } } },
  requeueDeadLetter: { summary: 'Put a dead letter back in the queue (administrators)', parameters: [idParam('id', 'Message id')], responses: { 200: { description: 'Requeued', content: jsonContent({ type: 'object' }) } } },
}

const COMMON_ERRORS = { 400: error('Malformed input'), 401: error('Not signed in'), 403: error('Not allowed'), 404: error('Not found, or not visible to the caller'), 409: error('Not possible in the current status'), 422: error('Refused by a rule') }

/**
 * The OpenAPI document of the API under `base`.
 *
 * @category http
 */
export const openApiDocument = (base: string): Record<string, unknown> => {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const r of ROUTES) {
    const path = `${base}${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`
    const op = OPERATIONS[r.operationId] ?? {}
    paths[path] = {
      ...paths[path],
      [r.method.toLowerCase()]: {
        operationId: r.operationId,
        ...op,
        responses: { ...(r.authenticated ? COMMON_ERRORS : {}), ...(op.responses as Record<string, unknown>) },
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'imi-kit API',
      version: '0.1.0',
      description: 'The administrative-cooperation procedures of IMI over HTTP. What a caller may do and see comes from the core’s availableActions and view.',
    },
    servers: [{ url: '/' }],
    security: [{ session: [] }, { bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: '__Host-imi-session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' }, ruleId: { type: 'string' } } } },
        },
        Command: { type: 'object', required: ['type'], properties: { type: { type: 'string', description: 'The action, e.g. `request.create`, `alert.broadcast`' } }, additionalProperties: true },
        CommandResult: { type: 'object', properties: { exchangeId: { type: 'string' }, version: { type: 'integer' }, spawned: { type: 'array', items: { type: 'string' } } } },
        LoginAttempt: { type: 'object', required: ['username', 'password'], properties: { username: { type: 'string' }, password: { type: 'string' }, characters: { type: 'array', items: { type: 'string' }, minItems: 3, maxItems: 3 }, mode: { enum: ['cookie', 'bearer'] } } },
        LoginOutcome: {
          type: 'object',
          required: ['outcome'],
          properties: {
            outcome: { enum: ['signed-in', 'password-change-required', 'security-code-required', 'password-changed', 'blocked', 'temporary-password-expired', 'challenge-expired', 'invalid-credentials'] },
            continuation: { type: 'string' },
            csrf: { type: 'string' },
            token: { type: 'string' },
            expiresAt: { type: 'string', format: 'date-time' },
          },
        },
        FreeText: { type: 'object', required: ['text', 'language'], properties: { text: { type: 'string' }, language: { type: 'string' } } },
        ExchangeView: { type: 'object', properties: { exchangeId: { type: 'string' }, number: { type: 'string' }, status: { type: 'string' }, displayedStatus: { type: 'string' }, access: { enum: ['full', 'no-personal-data', 'metadata'] }, content: { type: 'object' }, history: { type: 'array', items: { type: 'object' } } } },
        Summary: { type: 'object', properties: { exchangeId: { type: 'string' }, number: { type: 'string' }, status: { type: 'string' }, displayedStatus: { type: 'string' } } },
        SearchPage: { type: 'object', properties: { items: { type: 'array', items: ref('Summary') }, next: { type: 'string' } } },
        ReportInput: {
          type: 'object',
          required: ['kind'],
          properties: {
            kind: { enum: ['FULL_WITH_PERSONAL_DATA', 'FULL_WITHOUT_PERSONAL_DATA', 'CUSTOM', 'FOR_DATA_SUBJECT', 'CONSENT_FORM'] },
            parts: {
              type: 'array',
              description: 'For a CUSTOM report only',
              items: { enum: ['requesting-authority', 'responding-authority', 'subject', 'subject-personal-data', 'questions-and-answers', 'messages', 'attachments', 'history'] },
            },
            language: { enum: ['en', 'fr', 'de'], description: 'Default: the caller’s language where reports are written in it, else English' },
          },
        },
        ReportListing: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            exchangeId: { type: 'string' },
            number: { type: 'string' },
            kind: { type: 'string' },
            language: { type: 'string' },
            title: { type: 'string' },
            containsPersonalData: { type: 'boolean' },
            createdAt: { type: 'string', format: 'date-time' },
            expiresAt: { type: 'string', format: 'date-time' },
          },
        },
        ReportPermissions: {
          type: 'object',
          properties: { kinds: { type: 'array', items: { type: 'string' } }, customParts: { type: 'array', items: { type: 'string' } }, personalData: { type: 'boolean' }, withheld: { type: 'object' } },
        },
        Dashboard: { type: 'object', properties: { drafts: { type: 'integer' }, receivedRecently: { type: 'integer' }, updatedRecently: { type: 'integer' }, toAccept: { type: 'integer' }, toAnswer: { type: 'integer' } } },
      },
    },
  }
}
