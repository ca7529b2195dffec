import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMinSize, ArrayUnique, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { API_SCOPES } from '../../common/auth';
import { PageOf } from '../../common/list';
import { ApiClient } from './api-client.entity';

/** Far above any real client's need, low enough to stay a limit. */
export const MAX_RATE_LIMIT_PER_WINDOW = 1_000_000;

@ObjectType()
export class ApiClientPage extends PageOf(ApiClient) {}

@InputType()
export class CreateApiClientInput {
  @Field({ description: 'What the application is, e.g. 会员小程序 or DMS 上海浦东.' })
  @IsString()
  @Length(1, 100)
  name: string;

  @Field(() => [String], { description: `Scopes granted: ${API_SCOPES.join(', ')}.` })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(API_SCOPES, { each: true, message: `each scope must be one of ${API_SCOPES.join(', ')}` })
  scopes: string[];

  @Field(() => Int, {
    nullable: true,
    description: `Requests the key may make per rate-limit window, 1 to ${MAX_RATE_LIMIT_PER_WINDOW}; omitted or null: the RATE_LIMIT_API_KEY default.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_RATE_LIMIT_PER_WINDOW)
  rateLimitPerWindow?: number | null;
}

@ObjectType({ description: 'A new API client and its key. The key is shown only here, once: store it now.' })
export class ApiClientCredentials {
  @Field(() => ApiClient)
  client: ApiClient;

  @Field({ description: 'Send as the `X-Api-Key` header.' })
  apiKey: string;
}
