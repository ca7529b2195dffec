import { Platform1795365411058 } from './1795365411058-Platform';
/** MySQL/MariaDB migrations in the order they run; `npm run migration:generate` appends here. */
export const mysqlMigrations: Function[] = [Platform1795365411058];
