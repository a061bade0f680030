import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import type { UnresolvedName } from '../../../api/types';
import { useT } from '../../../i18n/i18n';

interface Option {
  value: number;
  label: string;
}

interface Props {
  name: UnresolvedName;
  value: number | undefined;
  onChange: (unitId: number) => void;
}

/** Picks the unit a raw name means: the importer's candidates first, any unit in reach by typing. */
export function UnitPicker({ name, value, onChange }: Props) {
  const t = useT();
  const candidates: Option[] = name.candidates.map((candidate) => ({
    value: candidate.id,
    label: t('review.candidate', { name: candidate.name, score: Math.round(candidate.score * 100) }),
  }));
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Option[]>([]);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setFound([]);
      return;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      unwrap(api.GET('/api/units', { params: { query: { q } } })).then(
        (units) => current && setFound(units.map((unit) => ({ value: unit.id, label: unit.name }))),
        () => current && setFound([]),
      );
    }, 250);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [query]);

  const seen = new Set(candidates.map((option) => option.value));
  const more = found.filter((option) => !seen.has(option.value));
  const options = [
    ...(candidates.length
      ? [{ label: t('review.candidates'), title: t('review.candidates'), options: candidates }]
      : []),
    ...(more.length ? [{ label: t('review.searchResults'), title: t('review.searchResults'), options: more }] : []),
  ];
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setQuery }}
      className="unit-picker"
      aria-label={t('review.pickFor', { name: name.rawName })}
      placeholder={t('review.pickPlaceholder')}
      value={value}
      onChange={onChange}
      options={options}
      notFoundContent={t('review.noUnits')}
    />
  );
}
