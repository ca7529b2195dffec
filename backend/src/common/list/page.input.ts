import { Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { IsInt, IsOptional, Min } from 'class-validator';

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder', description: 'Sort direction.' });

@InputType({ description: 'Which page of a list to return. `perPage` is capped at 100 for API keys and members, 1000 for staff.' })
export class PageInput {
  @Field(() => Int, { nullable: true, defaultValue: 1, description: 'Page number, from 1.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  page?: number;

  @Field(() => Int, { nullable: true, defaultValue: 25, description: 'Items per page.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  perPage?: number;
}
