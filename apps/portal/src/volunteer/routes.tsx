import type { RouteObject } from 'react-router';
import { AvailabilityScreen } from './availability/AvailabilityScreen';
import { NotificationSettingsScreen } from './notifications/NotificationSettingsScreen';
import { ProfileScreen } from './profile/ProfileScreen';
import { TodayScreen } from './today/TodayScreen';
import { PlanVisitScreen } from './visits/PlanVisitScreen';
import { VisitsScreen } from './visits/VisitsScreen';

/** The volunteer's screens (other roles see the placeholder of `ForRoles`). */
export const volunteerRoutes: RouteObject[] = [
  { index: true, element: <TodayScreen /> },
  { path: 'availability', element: <AvailabilityScreen /> },
  { path: 'profile', element: <ProfileScreen /> },
  { path: 'visits', element: <VisitsScreen /> },
  { path: 'visits/new', element: <PlanVisitScreen /> },
  // Every role has notification settings; the volunteer reaches them from the profile, others from the inbox.
  { path: '/profile/notifications', element: <NotificationSettingsScreen /> },
];
