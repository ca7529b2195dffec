import { ConflictError } from './app-error';

/** True when a driver error is a unique-constraint violation (SQLite, MySQL, MariaDB). */
export function isUniqueViolation(error: unknown): boolean {
  const err = error as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } };
  const code = err?.driverError?.code ?? err?.code;
  const errno = err?.driverError?.errno ?? err?.errno;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'ER_DUP_ENTRY' || errno === 1062;
}

/**
 * Runs a write and turns a unique-constraint violation into CONFLICT on the given input field: the
 * database index is the arbiter (a check before the write would race).
 */
export async function uniqueOrConflict<T>(work: () => Promise<T>, message: string, field?: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(message, field);
    throw error;
  }
}
