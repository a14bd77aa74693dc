import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { COOKIE_SESSION, session } from '../../session/session';

/** A new authenticator secret for a login whose organisation requires a second factor the user lacks. */
export function useEnrolAtLogin() {
  return useMutation({
    mutationFn: (challenge: string) => unwrap(api.POST('/api/auth/login/totp/enrol', { body: { challenge } })),
  });
}

export type SecondFactor = { code: string } | { recoveryCode: string };

/** Finishes the login; the answer carries recovery codes only when it finished a required enrolment. */
export function useSecondFactor() {
  return useMutation({
    mutationFn: async ({ challenge, factor }: { challenge: string; factor: SecondFactor }) => {
      const answer = await unwrap(api.POST('/api/auth/login/totp', { body: { challenge, ...factor }, headers: COOKIE_SESSION }));
      session.accept(answer);
      return { recoveryCodes: answer.recoveryCodes ?? [] };
    },
  });
}
