import type { RouteObject } from 'react-router';
import { TodayScreen } from './today/TodayScreen';
import { PlanVisitScreen } from './visits/PlanVisitScreen';
import { VisitsScreen } from './visits/VisitsScreen';

/** The volunteer's screens (other roles see the placeholder of `ForRoles`). */
export const volunteerRoutes: RouteObject[] = [
  { index: true, element: <TodayScreen /> },
  { path: 'visits', element: <VisitsScreen /> },
  { path: 'visits/new', element: <PlanVisitScreen /> },
];
