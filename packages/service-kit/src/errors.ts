/**
 * Domain errors with stable codes. They cross NATS as Moleculer errors (type = our code,
 * code = HTTP status, data = message key and fields) and are rendered in the gateway.
 */
import { Errors } from 'moleculer';
import {
  defaultMessageKeyByCode,
  errorDefinitions,
  formatMessage,
  type ErrorCode,
  type ErrorData,
  type MessageKey,
} from '@par/contracts';

export class PortalError extends Errors.MoleculerError {
  constructor(code: ErrorCode, data: Partial<ErrorData> = {}) {
    const full: ErrorData = { key: data.key ?? defaultMessageKeyByCode[code], ...data };
    const definition = errorDefinitions[code];
    super(formatMessage(full.key, full.params), definition.status, code, full);
    this.retryable = definition.retryable;
  }
}

/** A 422 naming the fields at fault; each field's message comes from the catalogue. */
export function fieldError(
  code: ErrorCode,
  field: string,
  key: MessageKey,
  params?: Record<string, string | number>,
): PortalError {
  return new PortalError(code, { key, params, fields: [{ field, key }] });
}
