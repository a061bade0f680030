import { Empty, Pagination, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { pageQuery } from '../../api/page-query';
import type { Obligation } from '../../api/types';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { useT } from '../../i18n/i18n';
import { ObligationCard } from './obligation-card';

type Filter = 'waiting' | 'all';

const PAGE_SIZE = 20;

/** 待报送 (open and returned, soonest due first), or every report of the unit, newest period first. */
async function loadWaiting(): Promise<{ items: Obligation[]; total: number }> {
  const [open, returned] = await Promise.all(
    (['open', 'returned'] as const).map((status) =>
      unwrap(api.GET('/api/obligations', { params: { query: { status, ...pageQuery(500) } } })),
    ),
  );
  const items = [...returned.items, ...open.items].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return { items, total: items.length };
}

export function ReportListPage() {
  const t = useT();
  const [filter, setFilter] = useState<Filter>('waiting');
  const [page, setPage] = useState(1);
  const reports = useAsync(
    () =>
      filter === 'waiting'
        ? loadWaiting()
        : unwrap(
            api.GET('/api/obligations', {
              params: { query: pageQuery(PAGE_SIZE, (page - 1) * PAGE_SIZE) },
            }),
          ),
    [filter, page],
  );

  return (
    <section aria-labelledby="reports-title">
      <div className="page-heading">
        <Typography.Title level={2} id="reports-title">
          {t('reports.title')}
        </Typography.Title>
        <Segmented<Filter>
          aria-label={t('reports.filter')}
          value={filter}
          onChange={(next) => {
            setFilter(next);
            setPage(1);
          }}
          options={[
            { label: t('reports.filterWaiting'), value: 'waiting' },
            { label: t('reports.filterAll'), value: 'all' },
          ]}
        />
      </div>
      <Typography.Paragraph type="secondary">{t('reports.hint')}</Typography.Paragraph>
      {reports.error ? (
        <ErrorResult error={reports.error} onRetry={reports.reload} />
      ) : reports.loading && !reports.data ? (
        <PageLoading />
      ) : reports.data?.items.length ? (
        <>
          <ul className="card-list">
            {reports.data.items.map((obligation) => (
              <ObligationCard key={obligation.id} obligation={obligation} />
            ))}
          </ul>
          {filter === 'all' && reports.data.total > PAGE_SIZE && (
            <Pagination
              className="list-pagination"
              current={page}
              pageSize={PAGE_SIZE}
              total={reports.data.total}
              onChange={setPage}
              showSizeChanger={false}
            />
          )}
        </>
      ) : (
        <Empty description={t(filter === 'waiting' ? 'reports.noneWaiting' : 'reports.none')} />
      )}
    </section>
  );
}
