import type { RouteObject } from 'react-router';
import { TodayScreen } from './today/TodayScreen';

/** The volunteer's screens (other roles see the placeholder of `ForRoles`). */
export const volunteerRoutes: RouteObject[] = [{ index: true, element: <TodayScreen /> }];
