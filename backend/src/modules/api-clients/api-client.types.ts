import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMinSize, ArrayUnique, IsIn, IsString, Length } from 'class-validator';
import { API_SCOPES } from '../../common/auth';
import { PageOf } from '../../common/list';
import { ApiClient } from './api-client.entity';

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
}

@ObjectType({ description: 'A new API client and its key. The key is shown only here, once: store it now.' })
export class ApiClientCredentials {
  @Field(() => ApiClient)
  client: ApiClient;

  @Field({ description: 'Send as the `X-Api-Key` header.' })
  apiKey: string;
}
