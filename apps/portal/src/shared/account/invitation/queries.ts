import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export function useAcceptInvitation() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => unwrap(api.POST('/api/invitations/accept', { body })),
  });
}
