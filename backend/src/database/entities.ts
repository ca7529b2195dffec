import { ApiClient } from '../modules/api-clients/api-client.entity';
import { AuditLog } from '../modules/audit/audit-log.entity';
import { Dealership } from '../modules/dealerships/dealership.entity';
import { JobLock } from '../modules/jobs/job-lock.entity';
import { JobRun } from '../modules/jobs/job-run.entity';
import { Notification } from '../modules/notifications/notification.entity';
import { SeedState } from '../modules/seeding/seed-state.entity';
import { StaffUser } from '../modules/staff/staff-user.entity';

/** Every entity of the application; the data source and the migration generator both use this list. */
export const ENTITIES = [Dealership, StaffUser, ApiClient, AuditLog, JobRun, JobLock, Notification, SeedState];
