import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';

/** Builds the `XPage { items: [X!]! total: Int! }` type of the list convention. */
export function PageOf<T>(item: Type<T>, description?: string) {
  @ObjectType({ isAbstract: true })
  abstract class PageClass {
    @Field(() => [item], { description: description ?? 'The records on this page.' })
    items: T[];

    @Field(() => Int, { description: 'How many records match the filter, over all pages.' })
    total: number;
  }
  return PageClass;
}
