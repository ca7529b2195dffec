import { Module } from '@nestjs/common';
import { RemindersJob } from './reminders.job';

/** The daily REMINDERS job (DESIGN.md, "Reminders"). */
@Module({
  providers: [RemindersJob],
  exports: [RemindersJob],
})
export class RemindersModule {}
