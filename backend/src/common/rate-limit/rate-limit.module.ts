import { Global, Module } from '@nestjs/common';
import { LoginRateLimitGuard } from './login-rate-limit';
import { RateLimitService } from './rate-limit.service';

@Global()
@Module({ providers: [RateLimitService, LoginRateLimitGuard], exports: [RateLimitService, LoginRateLimitGuard] })
export class RateLimitModule {}
