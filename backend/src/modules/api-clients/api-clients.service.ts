import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApiClientPrincipal } from '../../common/auth';
import { readEntity, TransactionService } from '../../common/database';
import { NotFoundError } from '../../common/errors';
import { ListArgs, listQuery, Page } from '../../common/list';
import { ApiClient } from './api-client.entity';
import { CreateApiClientInput } from './api-client.types';

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** `lastUsedAt` is refreshed at most this often, so busy keys do not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiClientsService {
  constructor(
    @InjectRepository(ApiClient) private readonly clients: Repository<ApiClient>,
    private readonly tx: TransactionService,
  ) {}

  list(args: ListArgs): Promise<Page<ApiClient>> {
    return listQuery(this.clients, args, { search: ['name'] });
  }

  /** Creates a client and returns its key, which is not kept: only its hash is stored. */
  async create(input: CreateApiClientInput): Promise<{ client: ApiClient; apiKey: string }> {
    const apiKey = `dlk_${randomBytes(24).toString('base64url')}`;
    const client = await this.tx.run((manager) =>
      manager.save(
        manager.create(ApiClient, {
          name: input.name,
          scopes: input.scopes,
          rateLimitPerWindow: input.rateLimitPerWindow ?? null,
          keyHash: hashKey(apiKey),
          keyPrefix: apiKey.slice(0, 10),
          active: true,
          lastUsedAt: null,
          revokedAt: null,
        }),
      ),
    );
    return { client, apiKey };
  }

  async revoke(id: string): Promise<ApiClient> {
    return this.tx.run(async (manager) => {
      const client = await manager.findOneBy(ApiClient, { id });
      if (!client) throw new NotFoundError('ApiClient', id);
      if (!client.active) return client;
      return manager.save(Object.assign(client, { active: false, revokedAt: new Date() }));
    });
  }

  /** The principal for an API key, or null when the key is unknown or revoked. */
  async verifyKey(apiKey: string): Promise<ApiClientPrincipal | null> {
    const client = await readEntity(this.clients.manager, ApiClient, { keyHash: hashKey(apiKey), active: true });
    if (!client) return null;
    const now = new Date();
    if (!client.lastUsedAt || now.getTime() - client.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.clients.update({ id: client.id }, { lastUsedAt: now });
    }
    return { id: client.id, name: client.name, scopes: client.scopes, rateLimitPerWindow: client.rateLimitPerWindow };
  }
}
