import { ReactNode } from 'react';
import { PublicFrame } from '../shell/PublicFrame';
import { Page } from '../ui/Page';

/** A screen before login: the public frame (name, language choice) around the screen's page. */
export function AccountFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <PublicFrame>
      <Page title={title}>{children}</Page>
    </PublicFrame>
  );
}
