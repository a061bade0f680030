import { Alert, App, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { asApiError } from '../../../api/errors';
import type { UnresolvedName } from '../../../api/types';
import { useAsync } from '../../../api/use-async';
import { useT } from '../../../i18n/i18n';
import { CreateUnitModal } from './create-unit-modal';
import { UnresolvedNameRow } from './unresolved-name-row';

interface Props {
  planId: number;
  governmentId: number;
  names: UnresolvedName[];
  onMapped: () => void;
}

/** The names the office must map before publishing; each mapping becomes an alias, so the next import knows it. */
export function UnresolvedNames({ planId, governmentId, names, onMapped }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [mapping, setMapping] = useState<string | null>(null);
  const [creatingFor, setCreatingFor] = useState<string | null>(null);
  const government = useAsync(
    () => unwrap(api.GET('/api/units/{id}', { params: { path: { id: governmentId } } })),
    [governmentId],
  );

  const map = async (rawName: string, unitId: number) => {
    setMapping(rawName);
    try {
      const result = await unwrap(
        api.POST('/api/plans/{id}/unit-mappings', { params: { path: { id: planId } }, body: { rawName, unitId } }),
      );
      void message.success(t('review.mapped', { name: rawName, rows: result.resolvedRows }));
      onMapped();
    } catch (error) {
      void message.error(asApiError(error).message);
    } finally {
      setMapping(null);
    }
  };

  if (names.length === 0) {
    return <Alert type="success" showIcon title={t('review.allResolved')} className="form-alert" />;
  }
  return (
    <section aria-labelledby="unresolved-title" className="unresolved-section">
      <Typography.Title level={3} id="unresolved-title">
        {t('review.unresolvedTitle', { count: names.length })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('review.unresolvedHint')}</Typography.Paragraph>
      <ul className="card-list">
        {names.map((name) => (
          <UnresolvedNameRow
            key={name.rawName}
            name={name}
            mapping={mapping === name.rawName}
            onMap={(unitId) => void map(name.rawName, unitId)}
            onCreate={() => setCreatingFor(name.rawName)}
          />
        ))}
      </ul>
      <CreateUnitModal
        open={creatingFor !== null}
        rawName={creatingFor ?? ''}
        government={government.data}
        onCancel={() => setCreatingFor(null)}
        onCreated={(unit) => {
          const rawName = creatingFor;
          setCreatingFor(null);
          if (rawName) {
            void map(rawName, unit.id);
          }
        }}
      />
    </section>
  );
}
