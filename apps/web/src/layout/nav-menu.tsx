import { Menu } from 'antd';
import { useT } from '../i18n/i18n';
import { useRouter } from '../router/router';
import { useUser } from '../session/session';
import { menuFor, selectedEntry } from './menu';

/** The role-based navigation; used in the side bar and, on a phone, in the drawer. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const user = useUser();
  const { path, navigate } = useRouter();
  const menu = menuFor(user);
  const selected = selectedEntry(menu, path);
  return (
    <nav aria-label={t('menu.label')}>
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected] : []}
        items={menu.map((entry) => ({ key: entry.path, icon: entry.icon, label: t(entry.label) }))}
        onClick={({ key }) => {
          navigate(key);
          onNavigate?.();
        }}
      />
    </nav>
  );
}
