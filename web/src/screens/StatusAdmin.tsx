import { useState, type FormEvent } from 'react';
import { api, type Me } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { atLeast } from '../lib/roles.ts';
import { usePoll } from '../lib/use-poll.ts';
import { SkeletonRows } from './Alerts.tsx';
import { componentStatuses, human, type ComponentStatus, type StatusComponent } from './incident-types.ts';

/** Status page admin: the public components, their status, and new ones. */
export function StatusAdmin({ me }: { me: Me }) {
  const comps = usePoll((signal) => api<{ items: StatusComponent[] }>('/api/status/components', { signal }), 'components', 15_000);
  const canChange = atLeast(me.role, 'engineer');
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [group, setGroup] = useState(false);
  const [groupId, setGroupId] = useState('');
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      await comps.reload();
    } catch (err) {
      setError(err);
    }
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await api('/api/status/components', { method: 'POST', body: { name, group, ...(description.trim() ? { description } : {}), ...(groupId && !group ? { groupId } : {}) } });
      setName('');
      setDescription('');
    });
  };
  const items = comps.data?.items;
  const groups = (items ?? []).filter((c) => c.group);
  const nameOf = (id: string | null) => (id ? (items?.find((c) => c.id === id)?.name ?? id) : '');
  return (
    <section aria-labelledby="status-title">
      <h1 id="status-title">Status page</h1>
      <p>
        <a href="/status" target="_blank" rel="noopener">
          Open the public status page<span className="sr-only"> (new tab)</span>
        </a>{' '}
        · <a href="/api/v2/summary.json" target="_blank" rel="noopener">summary.json</a>
      </p>
      <ErrorNotice error={comps.error ?? error} />
      <table className="grid">
        <caption className="sr-only">Components</caption>
        <thead>
          <tr>
            <th scope="col">Component</th>
            <th scope="col">Group</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {items === undefined && <SkeletonRows cols={3} rows={3} />}
          {items?.length === 0 && (
            <tr>
              <td colSpan={3}>No components yet.</td>
            </tr>
          )}
          {items?.map((c) => (
            <tr key={c.id}>
              <td>
                {c.group ? <strong>{c.name}</strong> : c.name}
                {c.description && <div className="muted small">{c.description}</div>}
                {c.provider && <div className="muted small">mirrors {c.provider}</div>}
              </td>
              <td>{c.group ? 'group' : nameOf(c.groupId)}</td>
              <td>
                {canChange && !c.group ? (
                  <label>
                    <span className="sr-only">Status of {c.name}</span>
                    <select value={c.status} onChange={(e) => void act(() => api(`/api/status/components/${c.id}/status`, { method: 'POST', body: { status: e.target.value as ComponentStatus } }))}>
                      {componentStatuses.map((s) => (
                        <option key={s} value={s}>
                          {human(s)}
                        </option>
                      ))}
                    </select>
                  </label>
                ) : (
                  <span className={`cstatus ${c.status}`}>{human(c.status)}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canChange && (
        <form className="panel stack" onSubmit={add} aria-labelledby="add-component-title">
          <h2 id="add-component-title">Add a component</h2>
          <label>
            Name
            <input required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} placeholder="Sending on Polygon" />
          </label>
          <label>
            Description (public)
            <input maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} />
          </label>
          <label className="check">
            <input type="checkbox" checked={group} onChange={(e) => setGroup(e.target.checked)} /> This is a group of components
          </label>
          {!group && groups.length > 0 && (
            <label>
              In group
              <select value={groupId} onChange={(e) => setGroupId(e.target.value)}>
                <option value="">none</option>
                {groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div>
            <button type="submit">Add component</button>
          </div>
        </form>
      )}
    </section>
  );
}
