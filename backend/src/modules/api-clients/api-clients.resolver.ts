import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, StaffRole } from '../../common/auth';
import { PageInput } from '../../common/list';
import { ApiClient } from './api-client.entity';
import { ApiClientCredentials, ApiClientPage, CreateApiClientInput } from './api-client.types';
import { ApiClientsService } from './api-clients.service';

@Resolver(() => ApiClient)
export class ApiClientsResolver {
  constructor(private readonly clients: ApiClientsService) {}

  @Query(() => ApiClientPage, { description: 'Third-party applications and their scopes (keys are never shown again).' })
  @Access({ roles: [StaffRole.ADMIN] })
  apiClients(@Args('page', { nullable: true }) page?: PageInput) {
    return this.clients.list({ page });
  }

  @Mutation(() => ApiClientCredentials, { description: 'Registers an application; the returned key is shown only once.' })
  @Access({ roles: [StaffRole.ADMIN] })
  createApiClient(@Args('input') input: CreateApiClientInput) {
    return this.clients.create(input);
  }

  @Mutation(() => ApiClient, { description: 'Revokes the key at once; the client stays on record.' })
  @Access({ roles: [StaffRole.ADMIN] })
  revokeApiClient(@Args('id', { type: () => ID }) id: string) {
    return this.clients.revoke(id);
  }
}
