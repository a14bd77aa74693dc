import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** Answers the same words whether the address has an account or not. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => unwrap(api.POST('/api/auth/password-reset', { body: { email } })),
  });
}
