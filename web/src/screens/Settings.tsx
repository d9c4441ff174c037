import type { ReactNode } from 'react';
import type { Me } from '../api.ts';
import { atLeast } from '../lib/roles.ts';
import { SettingsChains } from './SettingsChains.tsx';
import { SettingsConnectors } from './SettingsConnectors.tsx';
import { SettingsSkills } from './SettingsSkills.tsx';
import { SettingsSla } from './SettingsSla.tsx';
import { Users } from './Users.tsx';

interface Page {
  path: string;
  label: string;
  minRole: Me['role'];
  render: (me: Me) => ReactNode;
}

const pages: Page[] = [
  { path: '/settings/chains', label: 'Chains & RPCs', minRole: 'agent', render: (me) => <SettingsChains me={me} /> },
  { path: '/settings/connectors', label: 'Connectors', minRole: 'agent', render: (me) => <SettingsConnectors me={me} /> },
  { path: '/settings/sla', label: 'SLA policies', minRole: 'agent', render: () => <SettingsSla /> },
  { path: '/settings/skills', label: 'Agent skills', minRole: 'agent', render: (me) => <SettingsSkills me={me} /> },
  { path: '/settings/users', label: 'Users & tokens', minRole: 'admin', render: () => <Users /> },
];

/** Settings: each page is read-only for roles that may not change it (the API enforces the same). */
export function Settings({ me, route }: { me: Me; route: string }) {
  const allowed = pages.filter((p) => atLeast(me.role, p.minRole));
  const current = allowed.find((p) => route === p.path || route.startsWith(`${p.path}/`)) ?? allowed[0];
  return (
    <div className="settings">
      <nav aria-label="Settings" className="subnav">
        <ul>
          {allowed.map((p) => (
            <li key={p.path}>
              <a href={`#${p.path}`} aria-current={current?.path === p.path ? 'page' : undefined}>
                {p.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {current?.render(me)}
    </div>
  );
}
