import type { RouteObject } from 'react-router';
import { AvailabilityScreen } from './availability/AvailabilityScreen';
import { ProfileScreen } from './profile/ProfileScreen';
import { TodayScreen } from './today/TodayScreen';

/** The volunteer's screens (other roles see the placeholder of `ForRoles`). */
export const volunteerRoutes: RouteObject[] = [
  { index: true, element: <TodayScreen /> },
  { path: 'availability', element: <AvailabilityScreen /> },
  { path: 'profile', element: <ProfileScreen /> },
];
