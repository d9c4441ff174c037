import { useState, type FormEvent } from 'react';
import { api, type Me } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { ago, utc } from '../lib/format.ts';
import { atLeast } from '../lib/roles.ts';
import { usePoll } from '../lib/use-poll.ts';
import { SkeletonRows } from './Alerts.tsx';
import { IncidentPage } from './IncidentPage.tsx';
import { human, severities, type Incident, type Severity } from './incident-types.ts';

/** Incidents: the list and the declare form, or one incident when the route names it. */
export function Incidents({ me, route }: { me: Me; route: string }) {
  const id = /^\/incidents\/([^/?]+)/.exec(route)?.[1];
  if (id) return <IncidentPage id={decodeURIComponent(id)} me={me} />;
  return <IncidentList me={me} />;
}

function IncidentList({ me }: { me: Me }) {
  const [open, setOpen] = useState('true');
  const query = new URLSearchParams({ ...(open ? { open } : {}), limit: '100' }).toString();
  const list = usePoll((signal) => api<{ items: Incident[] }>(`/api/incidents?${query}`, { signal }), query, 15_000);
  const canDeclare = atLeast(me.role, 'engineer');
  return (
    <section aria-labelledby="incidents-title">
      <h1 id="incidents-title">Incidents</h1>
      <p className="muted">
        Published updates appear on the{' '}
        <a href="/status" target="_blank" rel="noopener">
          public status page<span className="sr-only"> (new tab)</span>
        </a>
        .
      </p>
      {canDeclare && <DeclareForm />}
      <div className="row">
        <label className="inline">
          <span>Show</span>
          <select value={open} onChange={(e) => setOpen(e.target.value)}>
            <option value="true">Open</option>
            <option value="false">Closed</option>
            <option value="">All</option>
          </select>
        </label>
      </div>
      <ErrorNotice error={list.error} />
      <table className="grid">
        <caption className="sr-only">Incidents and maintenances</caption>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
            <th scope="col">Public</th>
          </tr>
        </thead>
        <tbody>
          {list.data === undefined && <SkeletonRows cols={5} rows={3} />}
          {list.data?.items.length === 0 && (
            <tr>
              <td colSpan={5}>No incidents here.</td>
            </tr>
          )}
          {list.data?.items.map((i) => (
            <tr key={i.id}>
              <td>
                <span className={`chip sevchip ${i.severity.toLowerCase()}`}>{i.severity}</span>
              </td>
              <td>
                <a href={`#/incidents/${i.id}`}>{i.title}</a>
                {i.kind === 'maintenance' && <span className="chip">maintenance</span>}
              </td>
              <td>{human(i.status)}</td>
              <td title={utc(i.startedAt)}>{ago(i.startedAt)}</td>
              <td>{i.published ? 'published' : 'internal'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function DeclareForm() {
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<Severity>('SEV2');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const inc = await api<Incident>('/api/incidents', { method: 'POST', body: { title, severity, ...(summary.trim() ? { summary } : {}) } });
      location.hash = `/incidents/${inc.id}`;
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="panel">
      <summary>Declare an incident</summary>
      <form onSubmit={submit} className="stack" aria-label="Declare an incident">
        <label>
          Title
          <input required minLength={3} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Polygon sends stuck as pending" />
        </label>
        <label>
          Severity
          <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
            {severities.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Internal summary (never published)
          <textarea rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
        </label>
        <div>
          <button type="submit" disabled={busy}>
            {busy ? 'Declaring…' : 'Declare incident'}
          </button>
        </div>
        <ErrorNotice error={error} />
      </form>
    </details>
  );
}
