import { ReactNode } from 'react';

type Tone = 'info' | 'success' | 'warning' | 'error';

/** A sign per tone, so the kind of message is not told by colour alone (WCAG 1.4.1). */
const SIGNS: Record<Tone, string> = { info: 'i', success: '✓', warning: '!', error: '✕' };

/**
 * A message in the page. Errors are announced at once (role=alert), other news politely (role=status).
 * The tone is in the words and an icon-like prefix too, never in colour alone.
 */
export function Notice({ tone = 'info', children, title }: { tone?: Tone; title?: string; children?: ReactNode }) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`notice notice--${tone}`}>
      <span className="notice__sign" aria-hidden="true">
        {SIGNS[tone]}
      </span>
      {title && <p className="notice__title">{title}</p>}
      {children}
    </div>
  );
}
