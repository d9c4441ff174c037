import { useState, type FormEvent } from 'react';
import { api, type Me } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { ago, utc } from '../lib/format.ts';
import { atLeast } from '../lib/roles.ts';
import { usePoll } from '../lib/use-poll.ts';
import { AlertSeries } from './AlertSeries.tsx';

export interface Alert {
  id: string;
  fingerprint: string;
  source: string;
  title: string;
  summary: string;
  severity: 'critical' | 'page' | 'warning' | 'ticket' | 'info';
  series: string | null;
  labels: Record<string, string>;
  status: 'firing' | 'acknowledged' | 'resolved';
  startedAt: string;
  lastSeenAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  occurrences: number;
  reopenCount: number;
  flapping: boolean;
  silencedBy: string | null;
}

interface Silence {
  id: string;
  kind: 'silence' | 'maintenance';
  matchers: Record<string, string>;
  startsAt: string;
  endsAt: string;
  reason: string;
}

const statuses = [
  { value: 'open', label: 'Open (firing + acknowledged)' },
  { value: 'firing', label: 'Firing' },
  { value: 'acknowledged', label: 'Acknowledged' },
  { value: 'resolved', label: 'Resolved' },
  { value: '', label: 'All' },
];
const severities = ['critical', 'page', 'warning', 'ticket', 'info'];

/** Monitor alerts, refreshed every 15 s; engineers acknowledge, resolve and silence. */
export function Alerts({ me }: { me: Me }) {
  const [status, setStatus] = useState('open');
  const [severity, setSeverity] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const query = new URLSearchParams({ ...(status ? { status } : {}), ...(severity ? { severity } : {}), limit: '200' }).toString();
  const alerts = usePoll((signal) => api<{ items: Alert[] }>(`/api/monitor/alerts?${query}`, { signal }), query, 15_000);
  const silences = usePoll((signal) => api<{ items: Silence[] }>('/api/monitor/silences', { signal }), 'silences', 15_000);
  const canChange = atLeast(me.role, 'engineer');
  const act = async (fn: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await fn();
      await Promise.all([alerts.reload(), silences.reload()]);
    } catch (err) {
      setActionError(err);
    }
  };
  const items = alerts.data?.items;
  const current = items?.find((a) => a.id === selected) ?? null;
  return (
    <section aria-labelledby="alerts-title">
      <h1 id="alerts-title">Monitors & alerts</h1>
      <div className="row">
        <label className="inline">
          <span>Status</span>
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            {statuses.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <span>Severity</span>
          <select value={severity} onChange={(e) => setSeverity(e.target.value)}>
            <option value="">any</option>
            {severities.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <span className="muted small" aria-live="polite">
          {alerts.loading ? 'Refreshing…' : `Updated ${new Date().toISOString().slice(11, 19)} UTC · refreshes every 15 s`}
        </span>
      </div>
      <ErrorNotice error={alerts.error ?? actionError} />
      <div className="table-wrap">
        <table className="grid">
          <caption className="sr-only">Alerts</caption>
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">Status</th>
              <th scope="col">Alert</th>
              <th scope="col">Since</th>
              <th scope="col">Seen</th>
              {canChange && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {items === undefined && <SkeletonRows cols={canChange ? 6 : 5} />}
            {items?.length === 0 && (
              <tr>
                <td colSpan={canChange ? 6 : 5}>No alerts match.</td>
              </tr>
            )}
            {items?.map((a) => (
              <tr key={a.id} aria-selected={a.id === selected} className={a.id === selected ? 'selected' : undefined}>
                <td>
                  <span className={`sev sev-${a.severity}`}>{a.severity}</span>
                </td>
                <td>
                  <span className={`chip alert-${a.status}`}>{a.status}</span>
                  {a.flapping && <span className="chip">flapping</span>}
                  {a.silencedBy && <span className="chip">silenced</span>}
                </td>
                <td>
                  <button type="button" className="link" aria-expanded={a.id === selected} onClick={() => setSelected(a.id === selected ? null : a.id)}>
                    {a.title}
                  </button>
                  <div className="muted small">
                    <code>{a.fingerprint}</code> · {a.source}
                    {a.occurrences > 1 && ` · ${a.occurrences}×`}
                  </div>
                </td>
                <td title={utc(a.startedAt)}>{ago(a.startedAt)}</td>
                <td title={utc(a.lastSeenAt)}>{ago(a.lastSeenAt)}</td>
                {canChange && (
                  <td className="actions">
                    {a.status === 'firing' && (
                      <button type="button" className="secondary small" onClick={() => void act(() => api(`/api/monitor/alerts/${a.id}/acknowledge`, { method: 'POST' }))}>
                        Acknowledge<span className="sr-only"> {a.title}</span>
                      </button>
                    )}
                    {a.status !== 'resolved' && (
                      <button type="button" className="secondary small" onClick={() => void act(() => api(`/api/monitor/alerts/${a.id}/resolve`, { method: 'POST', body: {} }))}>
                        Resolve<span className="sr-only"> {a.title}</span>
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {current && <AlertDetail alert={current} canChange={canChange} onSilence={(body) => act(() => api('/api/monitor/silences', { method: 'POST', body }))} />}
      <h2>Silences & maintenance windows</h2>
      <ErrorNotice error={silences.error} />
      {silences.data?.items.length === 0 && <p className="muted">No active or upcoming silences.</p>}
      {silences.data && silences.data.items.length > 0 && (
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Matches</th>
              <th scope="col">Window</th>
              <th scope="col">Reason</th>
              {canChange && <th scope="col" />}
            </tr>
          </thead>
          <tbody>
            {silences.data.items.map((s) => (
              <tr key={s.id}>
                <td>{s.kind}</td>
                <td>
                  <code>{Object.entries(s.matchers).map(([k, v]) => `${k}=${v}`).join(', ')}</code>
                </td>
                <td>
                  {utc(s.startsAt)} → {utc(s.endsAt)}
                </td>
                <td>{s.reason}</td>
                {canChange && (
                  <td>
                    <button type="button" className="link" onClick={() => void act(() => api(`/api/monitor/silences/${s.id}`, { method: 'DELETE' }))}>
                      End now
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AlertDetail({ alert: a, canChange, onSilence }: { alert: Alert; canChange: boolean; onSilence: (body: unknown) => Promise<void> }) {
  const [hours, setHours] = useState('2');
  const [reason, setReason] = useState('');
  const silence = (e: FormEvent) => {
    e.preventDefault();
    const endsAt = new Date(Date.now() + Number(hours) * 3_600_000).toISOString();
    void onSilence({ kind: 'silence', matchers: { fingerprint: a.fingerprint }, endsAt, reason });
  };
  const labels = Object.entries(a.labels).filter(([k]) => k !== 'query');
  return (
    <article className="panel" aria-labelledby="alert-detail-title">
      <h2 id="alert-detail-title">{a.title}</h2>
      {a.summary && <p>{a.summary}</p>}
      <dl className="facts">
        <div>
          <dt>Fingerprint</dt>
          <dd>
            <code>{a.fingerprint}</code>
          </dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{utc(a.startedAt)}</dd>
        </div>
        {a.acknowledgedAt && (
          <div>
            <dt>Acknowledged</dt>
            <dd>
              {utc(a.acknowledgedAt)} {a.acknowledgedBy && `by ${a.acknowledgedBy}`}
            </dd>
          </div>
        )}
        {a.resolvedAt && (
          <div>
            <dt>Resolved</dt>
            <dd>{utc(a.resolvedAt)}</dd>
          </div>
        )}
        {a.series && (
          <div>
            <dt>Series</dt>
            <dd>{a.series}</dd>
          </div>
        )}
        {labels.length > 0 && (
          <div>
            <dt>Labels</dt>
            <dd>
              {labels.map(([k, v]) => (
                <span key={k} className="chip">
                  {k}={v}
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
      {a.labels.query?.startsWith('/api/telemetry/series?') && <AlertSeries alert={a} />}
      {canChange && a.status !== 'resolved' && (
        <form className="row" onSubmit={silence} aria-label="Silence this alert">
          <label className="inline">
            <span>Silence for</span>
            <select value={hours} onChange={(e) => setHours(e.target.value)}>
              <option value="1">1 hour</option>
              <option value="2">2 hours</option>
              <option value="8">8 hours</option>
              <option value="24">24 hours</option>
            </select>
          </label>
          <label className="grow">
            <span className="sr-only">Reason</span>
            <input required placeholder="Reason (shown to the team)" value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit">Silence</button>
        </form>
      )}
    </article>
  );
}

export function SkeletonRows({ cols, rows = 4 }: { cols: number; rows?: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, i) => (
        <tr key={i} aria-hidden="true">
          <td colSpan={cols}>
            <div className="skeleton line" />
          </td>
        </tr>
      ))}
    </>
  );
}
