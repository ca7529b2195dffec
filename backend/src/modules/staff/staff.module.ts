import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffUser } from './staff-user.entity';
import { StaffResolver } from './staff.resolver';
import { StaffService } from './staff.service';

@Module({
  imports: [TypeOrmModule.forFeature([StaffUser])],
  providers: [StaffService, StaffResolver],
  exports: [StaffService],
})
export class StaffModule {}
