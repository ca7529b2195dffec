import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ListArgs, listQuery, Page } from '../../common/list';
import { AuditLog } from './audit-log.entity';
import { AuditLogFilter, AuditLogSort } from './audit.types';

/** Reads the audit trail; records are written by the AuditSubscriber with each change. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLog) private readonly logs: Repository<AuditLog>) {}

  list(args: ListArgs<AuditLogFilter, AuditLogSort>): Promise<Page<AuditLog>> {
    return listQuery(this.logs, args);
  }
}
