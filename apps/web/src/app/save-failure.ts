// Why a save failed, kept as data and put into words when shown, so a message follows the UI
// language even if the reader switches language after the failure.
import { ERROR_CODES, type ErrorCode, localizeError } from '@ntm/domain';
import { GraphQLRequestError } from '@ntm/graphql-client';
import type { Translate } from '../i18n/i18n-provider';
import type { Locale } from '../i18n/locale';
import type { MessageKey } from '../i18n/vi';

export type SaveFailure =
  /** A typed error result from the API (InputError): stable code, message in `locale`. */
  | { kind: 'input'; code: string; message: string; locale: Locale }
  /** The request itself failed (network, HTTP, GraphQL error). */
  | { kind: 'request'; error: unknown };

const TRANSPORT_CODES = new Set([
  'NETWORK_ERROR',
  'HTTP_ERROR',
  'BAD_RESPONSE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

export function describeSaveFailure(failure: SaveFailure, locale: Locale, t: Translate): string {
  if (failure.kind === 'input') {
    // The server's text carries details (which input, which source) but only in the language it was asked in.
    if (failure.locale === locale && failure.message) return failure.message;
    return isErrorCode(failure.code) ? localizeError({ code: failure.code }, locale) : failure.message;
  }
  const code = failure.error instanceof GraphQLRequestError ? failure.error.code : undefined;
  return code && TRANSPORT_CODES.has(code) ? t(`error.${code}` as MessageKey) : t('error.generic');
}
