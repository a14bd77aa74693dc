import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../../shared/format/format';
import { Button } from '../../shared/ui/Button';
import { QueryView } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { ALL, FilterSelect } from './FilterSelect';
import { PAGE_SIZE, PROGRAMME_KINDS, ProgrammeKind, REQUEST_STATUSES, RequestFilters, RequestStatus, useProgrammes, useRequests } from './queries';

/** The filters live in the query string, so a reload or a shared link shows the same list. */
function useFilters(): [RequestFilters, (change: Partial<Record<'status' | 'kind' | 'programmeId' | 'page', string>>) => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const kind = params.get('kind');
  const filters: RequestFilters = {
    status: REQUEST_STATUSES.includes(status as RequestStatus) ? (status as RequestStatus) : undefined,
    kind: PROGRAMME_KINDS.includes(kind as ProgrammeKind) ? (kind as ProgrammeKind) : undefined,
    programmeId: params.get('programmeId') || undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const change = (values: Partial<Record<'status' | 'kind' | 'programmeId' | 'page', string>>) => {
    const next = new URLSearchParams(params);
    if (!('page' in values)) next.delete('page'); // another filter starts at the first page
    for (const [name, value] of Object.entries(values)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next, { replace: true });
  };
  return [filters, change];
}

export function RequestsScreen() {
  const { t } = useTranslation();
  const [filters, change] = useFilters();
  const requests = useRequests(filters);
  const programmes = useProgrammes();
  const all = { id: ALL, name: t('coordinator.requests.all') };
  return (
    <Page title={t('coordinator.requests.title')}>
      <section aria-labelledby="request-filters" className="stack">
        <h2 id="request-filters" className="visually-hidden">
          {t('coordinator.requests.filters')}
        </h2>
        <div className="row row--fields filters">
          <FilterSelect
            label={t('coordinator.requests.status')}
            value={filters.status ?? ALL}
            options={[{ id: ALL, name: t('coordinator.requests.allStatuses') }, ...REQUEST_STATUSES.map((s) => ({ id: s, name: t(`coordinator.vocab.statuses.${s}`) }))]}
            onChange={(status) => change({ status })}
          />
          <FilterSelect
            label={t('coordinator.requests.kind')}
            value={filters.kind ?? ALL}
            options={[all, ...PROGRAMME_KINDS.map((k) => ({ id: k, name: t(`coordinator.vocab.kinds.${k}`) }))]}
            onChange={(kind) => change({ kind })}
          />
          <FilterSelect
            label={t('coordinator.requests.programme')}
            value={filters.programmeId ?? ALL}
            options={[all, ...(programmes.data?.items ?? []).map((p) => ({ id: p.id, name: p.name }))]}
            onChange={(programmeId) => change({ programmeId })}
          />
        </div>
      </section>
      <QueryView query={requests}>
        {(page) => {
          const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
          if (page.items.length === 0) return <p>{t('coordinator.requests.none')}</p>;
          return (
            <>
              <div className="table-scroll">
                <table className="table">
                  <caption>{t('coordinator.requests.caption', { total: page.total })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('coordinator.requests.client')}</th>
                      <th scope="col">{t('coordinator.requests.status')}</th>
                      <th scope="col">{t('coordinator.requests.kind')}</th>
                      <th scope="col">{t('coordinator.requests.urgency')}</th>
                      <th scope="col">{t('coordinator.requests.submitted')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((r) => (
                      <tr key={r.id}>
                        <th scope="row">
                          <Link to={`/requests/${r.id}`}>
                            {r.client.firstName} {r.client.lastName}
                          </Link>
                        </th>
                        <td>{t(`coordinator.vocab.statuses.${r.status}`)}</td>
                        <td>{t(`coordinator.vocab.kinds.${r.kind}`)}</td>
                        <td>{t(`coordinator.vocab.urgencies.${r.urgency}`)}</td>
                        <td>{formatDateTime(r.submittedAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {pages > 1 && (
                <nav aria-label={t('coordinator.requests.pages')} className="row pager">
                  <Button variant="secondary" isDisabled={filters.page <= 1} onPress={() => change({ page: String(filters.page - 1) })}>
                    {t('coordinator.requests.previous')}
                  </Button>
                  <span>{t('coordinator.requests.pageOf', { page: filters.page, pages })}</span>
                  <Button variant="secondary" isDisabled={filters.page >= pages} onPress={() => change({ page: String(filters.page + 1) })}>
                    {t('coordinator.requests.next')}
                  </Button>
                </nav>
              )}
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
