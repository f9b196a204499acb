import { valueAt } from '@continuity/domain';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';

/** A refusal the client can act on: a 4xx with a code, a sentence, and the fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: Array<{ field: string; message: string }>,
  ) {
    super(message);
  }
}

export function parseInput<T extends z.ZodType>(schema: T, input: unknown, where: 'body' | 'query' | 'params'): z.infer<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || where,
    message: valueAt(input, issue.path) === undefined ? 'is required' : issue.message,
  }));
  const summary = fields.map((f) => `${f.field} ${f.message}`).join('; ');
  throw new ApiError(400, 'invalid-input', `The ${where} is not valid: ${summary}`, fields);
}

export function errorBody(code: string, message: string, fields?: Array<{ field: string; message: string }>) {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/**
 * Every error leaves as the same JSON shape. Errors caused by the request (bad JSON, too large,
 * validation) are 4xx with their reason; anything else is a 500 whose details stay in the log.
 */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) {
      return reply.status(error.statusCode).send(errorBody(error.code, error.message, error.fields));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.message.includes('JSON') ? 'invalid-json' : 'bad-request';
      return reply.status(status).send(errorBody(code, requestErrorMessage(error)));
    }
    // Log what failed and where, never the request's content: it may hold personal data.
    request.log.error({ err: { name: error.name, code: error.code, stack: error.stack?.split('\n').slice(1, 6).join('\n') } }, 'request failed');
    return reply.status(500).send(errorBody('internal', 'Something went wrong on our side. The problem has been logged; please try again.'));
  });
}

/**
 * Errors Fastify raises before any route runs (Fastify's `frameworkErrors` option): a URL with a
 * malformed %-escape, or a path segment too long. The same JSON shape as every other error, and
 * without echoing the URL, which can carry personal data.
 */
export function frameworkErrors(error: FastifyError, _request: unknown, reply: FastifyReply) {
  if (error.code === 'FST_ERR_BAD_URL') return reply.status(400).send(errorBody('bad-url', 'The address is not valid: it has a malformed %-escape.'));
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return reply.status(414).send(errorBody('bad-url', 'The address is not valid: a part of it is too long.'));
  return reply.status(error.statusCode ?? 400).send(errorBody('bad-request', 'The request could not be routed.'));
}

function requestErrorMessage(error: FastifyError): string {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'The request body is too large.';
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'Send the request body as application/json.';
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'The request body is empty; send a JSON object.';
  if (error.code?.startsWith('FST_ERR_CTP') || error.message.includes('JSON')) return 'The request body is not valid JSON.';
  return error.message;
}
