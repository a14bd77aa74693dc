import type { RouteObject } from 'react-router';
import { AvailabilityScreen } from './availability/AvailabilityScreen';
import { MatchScreen } from './match/MatchScreen';
import { OfferScreen } from './offer/OfferScreen';
import { ProfileScreen } from './profile/ProfileScreen';
import { TodayScreen } from './today/TodayScreen';
import { PlanVisitScreen } from './visits/PlanVisitScreen';
import { VisitsScreen } from './visits/VisitsScreen';

/** The volunteer's screens (other roles see the placeholder of `ForRoles`). */
export const volunteerRoutes: RouteObject[] = [
  { index: true, element: <TodayScreen /> },
  { path: 'offers/:id', element: <OfferScreen /> },
  { path: 'matches/:id', element: <MatchScreen /> },
  { path: 'availability', element: <AvailabilityScreen /> },
  { path: 'profile', element: <ProfileScreen /> },
  { path: 'visits', element: <VisitsScreen /> },
  { path: 'visits/new', element: <PlanVisitScreen /> },
];
