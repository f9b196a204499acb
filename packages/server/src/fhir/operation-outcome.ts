import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../http/errors.ts';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** The OperationOutcome issue code for each status the FHIR API answers with. */
const issueCodes: Record<number, string> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  405: 'not-supported',
  409: 'conflict',
  412: 'conflict',
  413: 'too-costly',
  415: 'not-supported',
  428: 'required',
};

/** An OperationOutcome saying why, with one issue per field at fault (its `expression`). */
export function operationOutcome(status: number, code: string, message: string, fields?: Array<{ field: string; message: string }>) {
  const issueCode = status >= 500 ? 'exception' : code === 'not-supported' ? 'not-supported' : (issueCodes[status] ?? 'processing');
  const details = { coding: [{ system: 'https://continuity.health/fhir/CodeSystem/error', code }], text: message };
  const issues = fields && fields.length > 0
    ? fields.map((f) => ({ severity: 'error', code: issueCode, details: { ...details, text: `${f.field} ${f.message}` }, diagnostics: message, expression: [f.field] }))
    : [{ severity: 'error', code: issueCode, details, diagnostics: message }];
  return { resourceType: 'OperationOutcome', issue: issues };
}

function sendOutcome(reply: FastifyReply, status: number, code: string, message: string, fields?: Array<{ field: string; message: string }>) {
  return reply.status(status).type(FHIR_JSON).send(operationOutcome(status, code, message, fields));
}

/**
 * Under /fhir every error is an OperationOutcome, in FHIR's JSON, whatever raised it: the access
 * gate, validation, the body parser, or a fault (500, details in the log only, never the content).
 */
export function installFhirErrors(fhir: FastifyInstance) {
  fhir.setErrorHandler((error: FastifyError | ApiError, request: FastifyRequest, reply) => {
    if (error instanceof ApiError) return sendOutcome(reply, error.statusCode, error.code, error.message, error.fields);
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const message = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'The request body is too large.'
        : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Send the resource as application/fhir+json.'
        : error.code?.startsWith('FST_ERR_CTP') || error.message.includes('JSON') ? 'The request body is not valid JSON.'
        : 'The request is not valid.';
      return sendOutcome(reply, status, 'bad-request', message);
    }
    request.log.error({ err: { name: error.name, code: error.code, stack: error.stack?.split('\n').slice(1, 6).join('\n') } }, 'request failed');
    return sendOutcome(reply, 500, 'internal', 'Something went wrong on our side. The problem has been logged; please try again.');
  });
  fhir.setNotFoundHandler((_request, reply) => sendOutcome(reply, 404, 'not-found', 'The FHIR API has no such address: see /fhir/metadata for what it supports.'));
  // FHIR clients send resources as application/fhir+json: read them as the JSON they are.
  fhir.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, fhir.getDefaultJsonParser('error', 'error'));
}

/** `W/"3"` for version 3: the ETag a read answers with and an update must send back in If-Match. */
export const etagOf = (versionId: number) => `W/"${versionId}"`;

/** The version an If-Match header names (`W/"3"`, `"3"` or `3`); undefined when absent or unreadable. */
export function versionInIfMatch(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value) : null;
  return match ? Number(match[1]) : undefined;
}

/** The absolute base of the FHIR API as this request reached it, for fullUrl and paging links. */
export function fhirBase(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? 'localhost'}/fhir`;
}

/**
 * Fastify's `frameworkErrors` (a malformed %-escape, a path segment too long, raised before any
 * route runs) as an OperationOutcome under /fhir, and as the API's error shape elsewhere.
 */
export function withFhirFrameworkErrors(apiErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/fhir/')) return apiErrors(error, request, reply);
    const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
    return sendOutcome(reply, tooLong ? 414 : 400, 'bad-url', tooLong ? 'The address is not valid: a part of it is too long.' : 'The address is not valid: it has a malformed %-escape.');
  };
}
