import { Injectable } from '@nestjs/common';
import { HookRegistry } from '../../common/hooks';
import { Complaint } from './complaint.entity';

export interface ComplaintResolved {
  complaint: Complaint;
}

/**
 * Listeners to a complaint just RESOLVED (e.g. a POST_COMPLAINT follow-up call), run in the
 * resolving transaction. A reopened and re-resolved complaint runs them again.
 */
@Injectable()
export class ComplaintResolvedHooks extends HookRegistry<ComplaintResolved> {}
