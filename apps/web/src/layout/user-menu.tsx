import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useT } from '../i18n/i18n';
import { useRouter } from '../router/router';
import { useSession, useUser } from '../session/session';

export function UserMenu() {
  const t = useT();
  const user = useUser();
  const { logout } = useSession();
  const { navigate } = useRouter();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'password', icon: <KeyOutlined />, label: t('account.changePassword') },
          { key: 'logout', icon: <LogoutOutlined />, label: t('account.logout') },
        ],
        onClick: ({ key }) => {
          if (key === 'password') {
            navigate('/account/password');
          } else {
            void logout().then(() => navigate('/login'));
          }
        },
      }}
    >
      <Button type="text" icon={<UserOutlined />} aria-label={t('account.menu', { name: user.displayName })}>
        <span className="user-name">{user.displayName}</span>
        <span className="user-role">{user.roleLabel}</span>
        <DownOutlined />
      </Button>
    </Dropdown>
  );
}
