import type { RouteObject } from 'react-router';
import { lazyScreen } from '../shared/routing/routes';

/** The volunteer's screens (other roles see the placeholder of `ForRoles`); Today comes with the first load. */
export const volunteerRoutes: RouteObject[] = [
  { path: 'offers/:id', lazy: lazyScreen(() => import('./offer/OfferScreen'), 'OfferScreen') },
  { path: 'matches/:id', lazy: lazyScreen(() => import('./match/MatchScreen'), 'MatchScreen') },
  { path: 'availability', lazy: lazyScreen(() => import('./availability/AvailabilityScreen'), 'AvailabilityScreen') },
  { path: 'profile', lazy: lazyScreen(() => import('./profile/ProfileScreen'), 'ProfileScreen') },
  { path: 'visits', lazy: lazyScreen(() => import('./visits/VisitsScreen'), 'VisitsScreen') },
  { path: 'visits/new', lazy: lazyScreen(() => import('./visits/PlanVisitScreen'), 'PlanVisitScreen') },
  // Every role has notification settings; the volunteer reaches them from the profile, others from the inbox.
  { path: '/profile/notifications', lazy: lazyScreen(() => import('./notifications/NotificationSettingsScreen'), 'NotificationSettingsScreen') },
];
