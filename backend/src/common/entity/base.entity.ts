import { Field, ID, ObjectType } from '@nestjs/graphql';
import { BeforeInsert, CreateDateColumn, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { nowDefault } from './columns';
import { newId } from './ids';

/** Columns every table has: an opaque, time-ordered string id and UTC timestamps. */
@ObjectType({ isAbstract: true })
export abstract class BaseRecord {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Field({ description: 'When the record was created (UTC).' })
  @CreateDateColumn({ type: 'datetime', precision: 3, default: nowDefault() })
  createdAt: Date;

  @Field({ description: 'When the record was last changed (UTC).' })
  @UpdateDateColumn({ type: 'datetime', precision: 3, default: nowDefault(), onUpdate: nowDefault()() })
  updatedAt: Date;

  @BeforeInsert()
  protected assignId() {
    this.id ??= newId();
  }
}
