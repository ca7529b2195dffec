import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Dealership } from './dealership.entity';
import { DealershipsResolver } from './dealerships.resolver';
import { DealershipsService } from './dealerships.service';

@Module({
  imports: [TypeOrmModule.forFeature([Dealership])],
  providers: [DealershipsService, DealershipsResolver],
  exports: [DealershipsService],
})
export class DealershipsModule {}
