import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiClient } from './api-client.entity';
import { ApiClientsResolver } from './api-clients.resolver';
import { ApiClientsService } from './api-clients.service';

@Module({
  imports: [TypeOrmModule.forFeature([ApiClient])],
  providers: [ApiClientsService, ApiClientsResolver],
  exports: [ApiClientsService],
})
export class ApiClientsModule {}
