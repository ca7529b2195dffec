import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { SeedService } from './seed.service';

@Module({ imports: [StaffModule], providers: [SeedService], exports: [SeedService] })
export class SeedingModule {}
