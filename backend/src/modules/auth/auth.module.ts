import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiClientsModule } from '../api-clients/api-clients.module';
import { StaffModule } from '../staff/staff.module';
import { AccessGuard } from './access.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { AuthenticationService } from './authentication.service';
import { TokenService } from './token.service';

@Module({
  imports: [StaffModule, ApiClientsModule],
  providers: [TokenService, AuthenticationService, AuthService, AuthResolver, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [TokenService],
})
export class AuthModule {}
