import { OpsError, ValidationError } from '../core/index.ts';

export class RouteNotFoundError extends OpsError {
  override name = 'RouteNotFoundError';
  constructor(method: string, path: string) {
    super(`No route ${method} ${path}.`, { code: 'NOT_FOUND', metaMessages: ['The API is described at /api/openapi.json.'] });
  }
}

export class BodyTooLargeError extends ValidationError {
  override name = 'BodyTooLargeError';
  constructor(limitBytes: number) {
    super(`The request body is larger than ${limitBytes} bytes.`, { metaMessages: ['Split the payload into smaller requests.'] });
  }
}

export class BadJsonError extends ValidationError {
  override name = 'BadJsonError';
  constructor(reason: string) {
    super(`The request body is not valid JSON: ${reason}`, { metaMessages: ['Send Content-Type: application/json with one JSON value.'] });
  }
}

export class CsrfError extends OpsError {
  override name = 'CsrfError';
  constructor() {
    super('Missing or wrong CSRF token.', { code: 'FORBIDDEN', metaMessages: ['Send the value of the opsdesk_csrf cookie in the x-csrf-token header, or use an API token.'] });
  }
}
