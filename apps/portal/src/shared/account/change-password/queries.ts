import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { COOKIE_SESSION, session } from '../../session/session';

/** Other logins end; this one goes on with the new tokens (the refresh token comes back as a cookie). */
export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: { currentPassword: string; newPassword: string }) => {
      session.accept(await unwrap(api.POST('/api/me/password', { body, headers: COOKIE_SESSION })));
    },
  });
}
