import { UseQueryResult } from '@tanstack/react-query';
import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { Notice } from './Notice';
import { messageOf } from './errors';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {t('app.loading')}
    </p>
  );
}

/** Renders a query's data, or the loading and failure states every screen needs in the same words. */
export function QueryView<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (query.isError)
    return (
      <Notice tone="error" title={t('app.loadFailed')}>
        <p>{messageOf(query.error)}</p>
        <Button variant="secondary" onPress={() => void query.refetch()}>
          {t('app.retry')}
        </Button>
      </Notice>
    );
  return <>{children(query.data)}</>;
}
