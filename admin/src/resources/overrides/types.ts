import type { RaRecord } from 'react-admin';

/** What a resource may change about its generated views; everything is optional. */
export interface ResourceOverride {
  /** List columns, in order (default: chosen by type, see columns.ts). */
  listFields?: string[];
  /** Fields never shown in list or show (e.g. secrets, internal keys). */
  hiddenFields?: string[];
  /** Filters shown without "add filter" (default: q and status). */
  alwaysOnFilters?: string[];
  /** Initial sort of the list (default: newest first where createdAt sorts). */
  defaultSort?: { field: string; order: 'ASC' | 'DESC' };
  /** How one record is named in titles, references and autocompletes. */
  recordRepresentation?: string | ((record: RaRecord) => string);
}
