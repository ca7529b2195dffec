import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { TiersModule } from '../tiers/tiers.module';
import { VehiclesModule } from '../vehicles/vehicles.module';
import { ActivationLapseJob } from './activation-lapse.job';
import { MemberAuthResolver } from './member-auth.resolver';
import { MemberAuthService } from './member-auth.service';
import { Member } from './member.entity';
import { MemberActivatedHooks, MemberJoinedHooks } from './member.hooks';
import { MembersResolver } from './members.resolver';
import { MembersService } from './members.service';
import { SegmentationJob } from './segmentation.job';
import { VerificationCode } from './verification-code.entity';
import { VerificationCodesService } from './verification-codes.service';

@Module({
  imports: [TypeOrmModule.forFeature([Member, VerificationCode]), AuthModule, TiersModule, VehiclesModule],
  providers: [MembersService, MembersResolver, VerificationCodesService, MemberAuthService, MemberAuthResolver, ActivationLapseJob, SegmentationJob, MemberJoinedHooks, MemberActivatedHooks],
  exports: [MembersService, MemberJoinedHooks, MemberActivatedHooks],
})
export class MembersModule {}
