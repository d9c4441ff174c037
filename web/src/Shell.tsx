import { useEffect, type ReactNode } from 'react';
import { api, type Me } from './api.ts';
import { useHashRoute } from './hash-route.ts';
import { TxLookup } from './screens/TxLookup.tsx';
import { Users } from './screens/Users.tsx';

interface Screen {
  path: string;
  label: string;
  minRole: Me['role'];
  render: (me: Me) => ReactNode;
}

const order: Me['role'][] = ['viewer', 'agent', 'engineer', 'admin'];

const screens: Screen[] = [
  { path: '/lookup', label: 'Transaction lookup', minRole: 'agent', render: () => <TxLookup /> },
  { path: '/settings/users', label: 'Users & tokens', minRole: 'admin', render: () => <Users /> },
];

export function Shell({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const allowed = screens.filter((s) => order.indexOf(me.role) >= order.indexOf(s.minRole));
  const [route, go] = useHashRoute(allowed[0]?.path ?? '/lookup');
  const current = allowed.find((s) => route.startsWith(s.path)) ?? allowed[0];
  useEffect(() => {
    document.title = current ? `${current.label} · OpsDesk` : 'OpsDesk';
  }, [current]);
  const signOut = async () => {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    onSignedOut();
  };
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">OpsDesk</span>
        <span className="who">
          {me.name} · <span className="role">{me.role}</span>
        </span>
        <button type="button" className="link" onClick={signOut}>
          Sign out
        </button>
      </header>
      <nav className="sidebar" aria-label="Main">
        <ul>
          {allowed.map((s) => (
            <li key={s.path}>
              <a href={`#${s.path}`} aria-current={current?.path === s.path ? 'page' : undefined} onClick={() => go(s.path)}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" id="main">
        {current ? current.render(me) : <p>Your role has no screens yet.</p>}
      </main>
    </div>
  );
}
