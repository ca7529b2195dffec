import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeColumn, IdColumn, JsonColumn } from '../../common/entity';
import { NotificationChannel, NotificationStatus, NotificationTemplate } from './notification.enums';

@ObjectType({ description: 'A message in the notification outbox (通知): queued with the change it reports, delivered by a sender.' })
@Entity('notification')
@Index(['status', 'nextAttemptAt'])
export class Notification extends BaseRecord {
  @Field(() => ID, { nullable: true })
  @Index()
  @IdColumn({ nullable: true })
  memberId: string | null;

  @Field(() => NotificationChannel)
  @Column({ type: 'varchar', length: 20 })
  channel: NotificationChannel;

  @Field(() => NotificationTemplate)
  @Column({ type: 'varchar', length: 40 })
  template: NotificationTemplate;

  /** Recipient address: a phone number, e-mail address or push token. */
  @Column({ type: 'varchar', length: 200 })
  recipient: string;

  @Field(() => NotificationStatus)
  @Column({ type: 'varchar', length: 20 })
  status: NotificationStatus;

  @Field({ description: 'Unique key: the same reminder or message is never queued twice.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 191 })
  dedupeKey: string;

  @Field({ description: 'The rendered text (zh-CN).' })
  @Column({ type: 'text' })
  body: string;

  /** The data the template was rendered from. */
  @JsonColumn({ nullable: true })
  data: Record<string, unknown> | null;

  @Field({ description: 'Not sent before this instant (quiet hours, reminders for later).' })
  @DateTimeColumn()
  scheduledAt: Date;

  /** When the next delivery attempt is due (backoff after failures). */
  @DateTimeColumn()
  nextAttemptAt: Date;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  sentAt: Date | null;

  @Field(() => Int, { description: 'Delivery attempts so far.' })
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Field(() => String, { nullable: true, description: 'The last delivery error.' })
  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** Set while one sender delivers it, so a concurrent sender does not send it again. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  claimedBy: string | null;

  @DateTimeColumn({ nullable: true })
  claimedUntil: Date | null;
}
