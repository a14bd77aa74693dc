import { useQueryClient } from '@tanstack/react-query';
import { createParser } from 'eventsource-parser';
import { useEffect } from 'react';
import { session } from '../session/session';

/**
 * Keeps the screens current: the inbox's Server-Sent Events stream tells of each new notification
 * (an offer, a proposal, a visit change), and every cached answer is refetched. EventSource cannot send
 * the bearer token, so the stream is read with fetch. It ends when the access token lapses; then it is
 * opened again with the fresh one, and after a network failure with a growing pause.
 */
export function useLiveUpdates(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const stop = new AbortController();
    let pause = 1000;
    const connect = async (): Promise<void> => {
      while (!stop.signal.aborted) {
        const opened = Date.now();
        try {
          await readStream(stop.signal, () => void queryClient.invalidateQueries());
        } catch {
          // network gone or stream refused: wait and try again
        }
        if (stop.signal.aborted) return;
        pause = Date.now() - opened > 30_000 ? 1000 : Math.min(pause * 2, 30_000);
        await new Promise((resolve) => setTimeout(resolve, pause));
        if (!session.accessToken()) await session.refresh();
        // Whatever happened while the stream was down is fetched again.
        void queryClient.invalidateQueries();
      }
    };
    void connect();
    return () => stop.abort();
  }, [enabled, queryClient]);
}

async function readStream(signal: AbortSignal, onNotification: () => void): Promise<void> {
  const token = session.accessToken();
  if (!token) throw new Error('no session');
  const response = await fetch('/api/me/notifications/stream', { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal });
  if (response.status === 401) await session.refresh();
  if (!response.ok || !response.body) throw new Error(`stream ${response.status}`);
  const parser = createParser({ onEvent: (event) => event.event === 'notification' && onNotification() });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    parser.feed(value);
  }
}
