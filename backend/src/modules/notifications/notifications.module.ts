import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { LogSender } from './log.sender';
import { NotificationDispatchJob } from './notification-dispatch.job';
import { NOTIFICATION_SENDER } from './notification-sender';
import { Notification } from './notification.entity';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { WebhookSender } from './webhook.sender';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Notification])],
  providers: [
    {
      provide: NOTIFICATION_SENDER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.notificationWebhookUrl ? new WebhookSender(config.notificationWebhookUrl, config.webhookRetryDelaysMs) : new LogSender(),
    },
    NotificationsService,
    NotificationsResolver,
    NotificationDispatchJob,
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
