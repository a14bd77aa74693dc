import type { RouteObject } from 'react-router';
import { NotificationSettingsScreen } from './notifications/NotificationSettingsScreen';
import { TodayScreen } from './today/TodayScreen';

/** The volunteer's screens (other roles see the placeholder of `ForRoles`). */
export const volunteerRoutes: RouteObject[] = [
  { index: true, element: <TodayScreen /> },
  // Every role has notification settings; the volunteer reaches them from the profile, others from the inbox.
  { path: '/profile/notifications', element: <NotificationSettingsScreen /> },
];
