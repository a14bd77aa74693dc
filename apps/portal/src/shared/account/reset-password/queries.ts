import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: { token: string; newPassword: string }) => unwrap(api.POST('/api/auth/password-reset/confirm', { body })),
  });
}
