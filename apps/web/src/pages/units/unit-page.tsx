import { Card, Descriptions, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/i18n';

const KIND_LABEL: Record<string, MessageKey> = {
  government: 'unit.kind.government',
  department: 'unit.kind.department',
  office: 'unit.kind.office',
};

/** A unit's record; the API refuses units outside the user's reach, and the page then says 无权访问. */
export function UnitPage({ id }: { id: number }) {
  const t = useT();
  const unit = useAsync(() => unwrap(api.GET('/api/units/{id}', { params: { path: { id } } })), [id]);
  if (unit.error) {
    return <ErrorResult error={unit.error} onRetry={unit.reload} />;
  }
  if (!unit.data) {
    return <PageLoading />;
  }
  const { name, shortName, kind, headName, headTitle, emails, aliases } = unit.data;
  const kindLabel = KIND_LABEL[kind];
  return (
    <Card>
      <Typography.Title level={2}>{name}</Typography.Title>
      <Descriptions
        column={1}
        items={[
          { key: 'short', label: t('unit.shortName'), children: shortName },
          { key: 'kind', label: t('unit.kind'), children: kindLabel ? t(kindLabel) : kind },
          {
            key: 'head',
            label: t('unit.head'),
            children: headName ? `${headName}${headTitle ? `（${headTitle}）` : ''}` : '—',
          },
          { key: 'emails', label: t('unit.emails'), children: emails.length ? emails.join('，') : '—' },
          {
            key: 'aliases',
            label: t('unit.aliases'),
            children: aliases?.length ? aliases.map((alias) => <Tag key={alias.id}>{alias.alias}</Tag>) : '—',
          },
        ]}
      />
    </Card>
  );
}
