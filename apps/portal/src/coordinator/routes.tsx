import type { RouteObject } from 'react-router';
import { lazyScreen } from '../shared/routing/routes';

/** The coordinator's screens (issue 13), each fetched when first opened. */
export const coordinatorRoutes: RouteObject[] = [
  { path: 'requests', lazy: lazyScreen(() => import('./requests/RequestsScreen'), 'RequestsScreen') },
  { path: 'requests/:id', lazy: lazyScreen(() => import('./request/RequestScreen'), 'RequestScreen') },
  { path: 'requests/:id/candidates', lazy: lazyScreen(() => import('./candidates/CandidatesScreen'), 'CandidatesScreen') },
  { path: 'follow-ups', lazy: lazyScreen(() => import('./follow-ups/FollowUpsScreen'), 'FollowUpsScreen') },
];
