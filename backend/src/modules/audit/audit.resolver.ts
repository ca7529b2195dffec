import { Args, Query, Resolver } from '@nestjs/graphql';
import { Access, StaffRole } from '../../common/auth';
import { PageInput } from '../../common/list';
import { AuditLog } from './audit-log.entity';
import { AuditLogFilter, AuditLogPage, AuditLogSort } from './audit.types';
import { AuditService } from './audit.service';

@Resolver(() => AuditLog)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditLogPage, { description: 'The audit trail of staff and API-client changes, newest first.' })
  @Access({ roles: [StaffRole.ADMIN] })
  auditLogs(
    @Args('filter', { nullable: true }) filter?: AuditLogFilter,
    @Args('sort', { type: () => [AuditLogSort], nullable: true }) sort?: AuditLogSort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.audit.list({ filter, sort, page });
  }
}
