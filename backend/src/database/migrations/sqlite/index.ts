import { MemberTransactionFiguresIndex1795379936682 } from './1795379936682-MemberTransactionFiguresIndex';
import { ApiClientRateLimit1795378856818 } from './1795378856818-ApiClientRateLimit';
import { JobRangeIndexes1795378305859 } from './1795378305859-JobRangeIndexes';
import { PointsEntryCreatedAtIndex1795374744818 } from './1795374744818-PointsEntryCreatedAtIndex';
import { Service1795371474102 } from './1795371474102-Service';
import { Marketing1795369922727 } from './1795369922727-Marketing';
import { Cards1795368712453 } from './1795368712453-Cards';
import { LoyaltyCore1795367336852 } from './1795367336852-LoyaltyCore';
import type { MigrationInterface } from 'typeorm';
import { Platform1795365411058 } from './1795365411058-Platform';
/** SQLite migrations in the order they run; `npm run migration:generate` appends here. */
type MigrationClass = new () => MigrationInterface;

export const sqliteMigrations: MigrationClass[] = [Platform1795365411058, LoyaltyCore1795367336852, Cards1795368712453, Marketing1795369922727, Service1795371474102, PointsEntryCreatedAtIndex1795374744818, JobRangeIndexes1795378305859, ApiClientRateLimit1795378856818, MemberTransactionFiguresIndex1795379936682];
