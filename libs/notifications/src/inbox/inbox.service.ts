import { Injectable } from '@nestjs/common';
import { NotFoundError, Page, Principal } from '@app/core';
import { DEFAULT_LOCALE, Locale } from '@app/i18n';
import { NotificationDeliveryRepository } from '../delivery/notification-delivery.repository';
import { MessageComposer } from '../messages/message-composer';
import { Notification } from './notification.entity';
import { NotificationRepository } from './notification.repository';

/** An inbox item as its reader sees it, in their language; the link is a portal path. */
export interface InboxItem {
  id: string;
  kind: string;
  urgent: boolean;
  title: string;
  body: string;
  path: string | null;
  readAt: Date | null;
  createdAt: Date;
}

/** The in-app inbox: every notification of the caller, whatever the other channels did. */
@Injectable()
export class InboxService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly deliveries: NotificationDeliveryRepository,
    private readonly composer: MessageComposer,
  ) {}

  async list(actor: Principal, page: number, pageSize: number): Promise<Page<InboxItem>> {
    const [rows, total] = await this.notifications.inbox(actor.organisationId, actor.userId, (page - 1) * pageSize, pageSize);
    const reader = await this.reader(actor.userId);
    return { items: rows.map((n) => this.item(n, reader)), total, page, pageSize };
  }

  /** Whether the caller's account is still active (a live stream asks at every heartbeat). */
  async stillActive(actor: Principal): Promise<boolean> {
    return (await this.notifications.activeUsers('organisation_id = $1 AND id = $2', [actor.organisationId, actor.userId])).length > 0;
  }

  async unreadCount(actor: Principal): Promise<{ count: number }> {
    return { count: await this.notifications.unreadCount(actor.organisationId, actor.userId) };
  }

  /** Marks one read; another user's notification is not found. */
  async read(actor: Principal, id: string): Promise<InboxItem> {
    if (!(await this.notifications.markRead(actor.organisationId, actor.userId, id))) throw new NotFoundError('Notification', id);
    return (await this.find(actor.organisationId, actor.userId, id)) as InboxItem;
  }

  async readAll(actor: Principal): Promise<{ updated: number }> {
    return { updated: await this.notifications.markAllRead(actor.organisationId, actor.userId) };
  }

  /** One item of a user in their language, or null if it is not theirs. */
  async find(organisationId: string, userId: string, id: string): Promise<InboxItem | null> {
    const notification = await this.notifications.findForUser(organisationId, userId, id);
    return notification && this.item(notification, await this.reader(userId));
  }

  private async reader(userId: string): Promise<{ locale: Locale; organisationName: string }> {
    return (await this.deliveries.recipient(userId)) ?? { locale: DEFAULT_LOCALE, organisationName: '' };
  }

  private item(notification: Notification, reader: { locale: Locale; organisationName: string }): InboxItem {
    const message = this.composer.compose(notification, reader);
    return {
      id: notification.id,
      kind: notification.kind,
      urgent: notification.urgent,
      title: message.title,
      body: message.body,
      path: notification.path,
      readAt: notification.readAt,
      createdAt: notification.createdAt,
    };
  }
}
