import { Args, Query, Resolver } from '@nestjs/graphql';
import { Access, StaffRole } from '../../common/auth';
import { PageInput } from '../../common/list';
import { Notification } from './notification.entity';
import { NotificationFilter, NotificationPage, NotificationSort } from './notifications.types';
import { NotificationsService } from './notifications.service';

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Query(() => NotificationPage, { description: 'The notification outbox: what was queued, sent or failed.' })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.CUSTOMER_SERVICE, StaffRole.MARKETING] })
  notifications(
    @Args('filter', { nullable: true }) filter?: NotificationFilter,
    @Args('sort', { type: () => [NotificationSort], nullable: true }) sort?: NotificationSort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.service.list({ filter, sort, page });
  }
}
