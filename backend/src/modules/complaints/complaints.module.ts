import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ComplaintEscalationJob } from './complaint-escalation.job';
import { ComplaintEvent } from './complaint-event.entity';
import { ComplaintResolvedHooks } from './complaint.hooks';
import { Complaint } from './complaint.entity';
import { ComplaintsResolver } from './complaints.resolver';
import { ComplaintsService } from './complaints.service';

/** Complaints (投诉): tickets with SLA, timeline, escalation and figures. */
@Module({
  imports: [TypeOrmModule.forFeature([Complaint, ComplaintEvent])],
  providers: [ComplaintsService, ComplaintsResolver, ComplaintEscalationJob, ComplaintResolvedHooks],
  exports: [ComplaintsService, ComplaintResolvedHooks],
})
export class ComplaintsModule {}
