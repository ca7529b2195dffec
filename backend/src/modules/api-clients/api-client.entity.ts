import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeColumn, JsonColumn } from '../../common/entity';

@ObjectType({ description: 'A third-party application (member app, mini-program, DMS, POS) that calls with an API key.' })
@Entity('api_client')
export class ApiClient extends BaseRecord {
  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** SHA-256 of the key; the key itself is shown once, at creation, and never stored. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  keyHash: string;

  @Field({ description: 'The first characters of the key, to tell keys apart.' })
  @Column({ type: 'varchar', length: 16 })
  keyPrefix: string;

  @Field(() => [String], { description: 'What the key may do, e.g. `members:read`, `transactions:write`.' })
  @JsonColumn()
  scopes: string[];

  @Field(() => Int, {
    nullable: true,
    description: 'Requests the key may make per rate-limit window (RATE_LIMIT_WINDOW_SECONDS); null: the RATE_LIMIT_API_KEY default.',
  })
  @Column({ type: 'int', nullable: true })
  rateLimitPerWindow: number | null;

  @Field({ description: 'False once revoked.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  revokedAt: Date | null;
}
