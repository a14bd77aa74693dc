import { useTranslation } from 'react-i18next';
import { Link } from 'react-aria-components';
import { formatDateTime } from '../format/format';
import { useUnreadCount } from '../shell/Shell';
import { Button } from '../ui/Button';
import { QueryView } from '../ui/Loading';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { messageOf } from '../ui/errors';
import { InboxItem, portalPath, useInbox, useMarkAllRead, useMarkRead } from './queries';

/** The inbox of every role: what the service told you, unread first; opening one marks it read. */
export function InboxScreen() {
  const { t } = useTranslation();
  const inbox = useInbox();
  const unread = useUnreadCount().data?.count ?? 0;
  const markAll = useMarkAllRead();
  const markRead = useMarkRead();
  const failure = markAll.error ?? markRead.error;
  return (
    <Page
      title={t('inbox.title')}
      actions={
        <Link href="/profile/notifications" className="button button--quiet">
          {t('inbox.settings')}
        </Link>
      }
    >
      {failure && <Notice tone="error">{messageOf(failure)}</Notice>}
      <QueryView query={inbox}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) return <p>{t('inbox.empty')}</p>;
          return (
            <div className="stack">
              <div className="row">
                <p className="inbox__summary">{unread > 0 ? t('inbox.unreadSummary', { count: unread }) : t('inbox.allRead')}</p>
                {unread > 0 && (
                  <Button variant="secondary" onPress={() => markAll.mutate()} isPending={markAll.isPending}>
                    {t('inbox.markAllRead')}
                  </Button>
                )}
              </div>
              <ul className="list">
                {items.map((item) => (
                  <InboxEntry key={item.id} item={item} onRead={(id) => markRead.mutate(id)} />
                ))}
              </ul>
              {inbox.hasNextPage && (
                <Button variant="secondary" onPress={() => void inbox.fetchNextPage()} isPending={inbox.isFetchingNextPage}>
                  {t('inbox.more')}
                </Button>
              )}
            </div>
          );
        }}
      </QueryView>
    </Page>
  );
}

/** Unread is said in words and shown in bold and with a thick edge, never by colour alone. */
function InboxEntry({ item, onRead }: { item: InboxItem; onRead: (id: string) => void }) {
  const { t } = useTranslation();
  const unread = item.readAt === null;
  const path = portalPath(item.path);
  const open = () => {
    if (unread) onRead(item.id);
  };
  return (
    <li className={`card inbox-item${unread ? ' inbox-item--unread' : ''}`}>
      <p className="inbox-item__meta">
        {unread && <span className="tag tag--unread">{t('inbox.unread')}</span>}
        {item.urgent && <span className="tag tag--urgent">{t('inbox.urgent')}</span>}
        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
      </p>
      <h2 className="inbox-item__title">
        {path ? (
          <Link href={path} onPress={open}>
            {item.title}
          </Link>
        ) : (
          item.title
        )}
      </h2>
      <p className="inbox-item__body">{item.body}</p>
      {unread && !path && (
        <Button variant="quiet" onPress={open} aria-label={t('inbox.markReadOf', { title: item.title })}>
          {t('inbox.markRead')}
        </Button>
      )}
    </li>
  );
}
