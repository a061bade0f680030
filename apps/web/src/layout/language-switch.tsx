import { Segmented } from 'antd';
import { useI18n } from '../i18n/i18n';
import type { Language } from '../i18n/messages';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('language.label')}
      value={language}
      options={[
        { label: '中文', value: 'zh' },
        { label: 'EN', value: 'en' },
      ]}
      onChange={setLanguage}
    />
  );
}
