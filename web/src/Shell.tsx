import { useEffect, useRef, type ReactNode } from 'react';
import { api, type Me } from './api.ts';
import { useHashRoute } from './hash-route.ts';
import { atLeast } from './lib/roles.ts';
import { Alerts } from './screens/Alerts.tsx';
import { Clusters } from './screens/Clusters.tsx';
import { Incidents } from './screens/Incidents.tsx';
import { Kb } from './screens/Kb.tsx';
import { Queue } from './screens/Queue.tsx';
import { Settings } from './screens/Settings.tsx';
import { StatusAdmin } from './screens/StatusAdmin.tsx';
import { Telemetry } from './screens/Telemetry.tsx';
import { TxLookup } from './screens/TxLookup.tsx';

interface Screen {
  path: string;
  label: string;
  minRole: Me['role'];
  render: (me: Me, route: string) => ReactNode;
}

const screens: Screen[] = [
  { path: '/queue', label: 'Queue', minRole: 'agent', render: (me, route) => <Queue me={me} route={route} /> },
  { path: '/clusters', label: 'Problems', minRole: 'agent', render: (me, route) => <Clusters me={me} route={route} /> },
  { path: '/lookup', label: 'Transaction lookup', minRole: 'agent', render: () => <TxLookup /> },
  { path: '/alerts', label: 'Monitors & alerts', minRole: 'agent', render: (me) => <Alerts me={me} /> },
  { path: '/incidents', label: 'Incidents', minRole: 'viewer', render: (me, route) => <Incidents me={me} route={route} /> },
  { path: '/status-page', label: 'Status page', minRole: 'agent', render: (me) => <StatusAdmin me={me} /> },
  { path: '/kb', label: 'Knowledge base', minRole: 'viewer', render: (_me, route) => <Kb route={route} /> },
  { path: '/telemetry', label: 'Telemetry', minRole: 'agent', render: () => <Telemetry /> },
  { path: '/settings/users', label: 'Users & tokens', minRole: 'admin', render: (me, route) => <Settings me={me} route={route} /> },
  { path: '/settings', label: 'Settings', minRole: 'agent', render: (me, route) => <Settings me={me} route={route} /> },
];

export function Shell({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const allowed = screens.filter((s) => atLeast(me.role, s.minRole));
  const [route, go] = useHashRoute(allowed[0]?.path ?? '/lookup');
  const current = allowed.find((s) => route === s.path || route.startsWith(`${s.path}/`) || route.startsWith(`${s.path}?`)) ?? allowed[0];
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    document.title = current ? `${current.label} · OpsDesk` : 'OpsDesk';
  }, [current]);
  const first = useRef(true);
  useEffect(() => {
    // Move focus to the new screen's content on navigation, so keyboard and screen-reader users land there.
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [route]);
  const signOut = async () => {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    onSignedOut();
  };
  return (
    <div className="shell">
      <a className="skip" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        Skip to content
      </a>
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
      <main className="content" id="main" ref={main} tabIndex={-1}>
        {current ? current.render(me, route) : <p>Your role has no screens yet.</p>}
      </main>
    </div>
  );
}
