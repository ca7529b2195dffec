import { Platform1795365411058 } from './1795365411058-Platform';
/** SQLite migrations in the order they run; `npm run migration:generate` appends here. */
export const sqliteMigrations: Function[] = [Platform1795365411058];
