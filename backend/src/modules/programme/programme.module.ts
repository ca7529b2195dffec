import { Global, Module } from '@nestjs/common';
import { ProgrammeResolver } from './programme.resolver';
import { ProgrammeService } from './programme.service';

/** The programme's numbers, read by every loyalty module. */
@Global()
@Module({
  providers: [ProgrammeService, ProgrammeResolver],
  exports: [ProgrammeService],
})
export class ProgrammeModule {}
