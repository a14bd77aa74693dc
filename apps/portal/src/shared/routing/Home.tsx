import { Navigate } from 'react-router';
import { useMe } from '../session/session-context';
import { TodayScreen } from '../../volunteer/today/TodayScreen';

/** `/` is where each role starts: a volunteer's Today, a coordinator's requests. */
export function Home() {
  const { role } = useMe().user;
  if (role === 'coordinator') return <Navigate to="/requests" replace />;
  return <TodayScreen />;
}
