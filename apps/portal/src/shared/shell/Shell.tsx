import { useQuery } from '@tanstack/react-query';
import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { useMe } from '../session/session-context';
import { signOut } from '../session/sign-out';

export const unreadCountKey = ['notifications', 'unread-count'] as const;

export function useUnreadCount() {
  return useQuery({ queryKey: unreadCountKey, queryFn: () => unwrap(api.GET('/api/me/notifications/unread-count')) });
}

interface NavItem {
  to: string;
  label: string;
  badge?: number;
}

/** The frame of every signed-in screen: a skip link, the organisation, the menu (at the bottom on a phone). */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const unread = useUnreadCount().data?.count ?? 0;
  const items: NavItem[] =
    me.user.role === 'volunteer'
      ? [
          { to: '/', label: t('nav.today') },
          { to: '/visits', label: t('nav.visits') },
          { to: '/availability', label: t('nav.availability') },
          { to: '/inbox', label: t('nav.inbox'), badge: unread },
          { to: '/profile', label: t('nav.profile') },
        ]
      : me.user.role === 'coordinator'
        ? [
            { to: '/requests', label: t('nav.requests') },
            { to: '/follow-ups', label: t('nav.followUps') },
            { to: '/inbox', label: t('nav.inbox'), badge: unread },
          ]
        : [{ to: '/inbox', label: t('nav.inbox'), badge: unread }];
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="shell__header">
        <span className="shell__brand">{t('app.name')}</span>
        <span className="shell__organisation">{me.organisation.name}</span>
        <button
          type="button"
          className="shell__logout"
          onClick={() => void signOut(me.user.id).then(() => navigate('/login'))}
        >
          {t('nav.logout')}
        </button>
      </header>
      <main id="main" className="shell__main" tabIndex={-1}>
        {children}
      </main>
      <nav className="shell__nav" aria-label={t('nav.main')}>
        <ul>
          {items.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.to === '/'}>
                <span>{item.label}</span>
                {item.badge ? (
                  <span className="badge">
                    <span aria-hidden="true">{item.badge}</span>
                    <span className="visually-hidden">{t('nav.unread', { count: item.badge })}</span>
                  </span>
                ) : null}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
