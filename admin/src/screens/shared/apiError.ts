import { useCallback } from 'react';
import { useTranslate } from 'react-admin';
import { CHECK_FIELDS, hasFieldProblems, readApiError } from '../../data/api-error';

export { readApiError, type ApiError } from '../../data/api-error';

/**
 * Turns an API error into a sentence for the user: the translated code, then the server's detail.
 * Where the screen shows each field's problem under its input (`fieldsShown`), an error with field
 * problems only points at them, as the generated forms do.
 */
export function useApiErrorText(): (error: unknown, options?: { fieldsShown?: boolean }) => string {
  const translate = useTranslate();
  return useCallback(
    (error: unknown, { fieldsShown = false } = {}) => {
      const read = readApiError(error);
      if (fieldsShown && hasFieldProblems(read)) return translate(CHECK_FIELDS);
      const title = translate(`errors.${read.code}`, { _: translate('errors.INTERNAL_SERVER_ERROR') });
      return read.message && read.code !== 'INTERNAL_SERVER_ERROR' ? `${title}: ${read.message}` : title;
    },
    [translate],
  );
}
