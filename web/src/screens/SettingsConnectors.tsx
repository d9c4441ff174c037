import { useState, type FormEvent } from 'react';
import { api, type Me } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { Pending } from '../Pending.tsx';
import { utc } from '../lib/format.ts';
import { atLeast } from '../lib/roles.ts';
import { usePoll } from '../lib/use-poll.ts';

interface Connectors {
  intake: Array<{ name: string; path: string; method: string; auth: string }>;
  prometheus: { configured: boolean; url: string | null; tokenSet: boolean; configPath: string };
  trackers: Array<{ tracker: string; configured: boolean; target: string | null; url: string | null; tokenSet: boolean; configPath: string }>;
  smtp: { configured: boolean; host: string | null; port: number; passwordSet: boolean; configPath: string };
}

interface Source {
  id: string;
  kind: string;
  name: string;
  url: string | null;
  enabled: boolean;
  pollIntervalSec: number;
  failures: number;
  lastError: string | null;
  lastPolledAt: string | null;
}

interface Channel {
  id: string;
  name: string;
  kind: string;
  target: string;
  minSeverity: string;
  enabled: boolean;
}

const sourceKinds = ['rss', 'discourse', 'reddit', 'telegram-bot', 'telegram-export', 'discord-export', 'discord-bot', 'app-store', 'play-store', 'webhook'];

const State = ({ ok, yes = 'configured', no = 'not configured' }: { ok: boolean; yes?: string; no?: string }) => <span className={ok ? 'ok' : 'muted'}>{ok ? yes : no}</span>;

/** Intake endpoints, Prometheus, escalation trackers, SMTP (from the configuration), community sources and alert channels (stored; engineers add them). */
export function SettingsConnectors({ me }: { me: Me }) {
  const conn = usePoll((signal) => api<Connectors>('/api/settings/connectors', { signal }), 'connectors');
  const engineer = atLeast(me.role, 'engineer');
  const d = conn.data;
  return (
    <section aria-labelledby="connectors-title">
      <h1 id="connectors-title">Connectors</h1>
      <Pending polled={conn} height={360} />
      {d && (
        <>
          <h2>Ticket intake</h2>
          <table className="grid">
            <thead>
              <tr>
                <th scope="col">Intake</th>
                <th scope="col">Endpoint</th>
                <th scope="col">Authentication</th>
              </tr>
            </thead>
            <tbody>
              {d.intake.map((i) => (
                <tr key={i.path}>
                  <td>{i.name}</td>
                  <td>
                    <code>
                      {i.method} {i.path}
                    </code>
                  </td>
                  <td>{i.auth}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Prometheus, trackers and e-mail</h2>
          <p className="muted small">From the configuration file and environment; secrets are only shown as set or unset.</p>
          <table className="grid">
            <thead>
              <tr>
                <th scope="col">Connector</th>
                <th scope="col">State</th>
                <th scope="col">Target</th>
                <th scope="col">Config</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>Prometheus</td>
                <td>
                  <State ok={d.prometheus.configured} />
                  {d.prometheus.configured && ` · token ${d.prometheus.tokenSet ? 'set' : 'unset'}`}
                </td>
                <td>{d.prometheus.url ? <code>{d.prometheus.url}</code> : '—'}</td>
                <td>
                  <code>{d.prometheus.configPath}</code>
                </td>
              </tr>
              {d.trackers.map((t) => (
                <tr key={t.tracker}>
                  <td>Escalations: {t.tracker}</td>
                  <td>
                    <State ok={t.configured} /> · token {t.tokenSet ? 'set' : 'unset'}
                  </td>
                  <td>
                    {t.target ?? '—'} {t.url && <code className="small">{t.url}</code>}
                  </td>
                  <td>
                    <code>{t.configPath}</code>
                  </td>
                </tr>
              ))}
              <tr>
                <td>SMTP (e-mail out)</td>
                <td>
                  <State ok={d.smtp.configured} />
                </td>
                <td>{d.smtp.host ? `${d.smtp.host}:${d.smtp.port}` : '—'}</td>
                <td>
                  <code>{d.smtp.configPath}</code>
                </td>
              </tr>
            </tbody>
          </table>
        </>
      )}
      <CommunitySources engineer={engineer} />
      {engineer ? <AlertChannels /> : <p className="muted small">Alert channels are visible to engineers and admins.</p>}
    </section>
  );
}

function CommunitySources({ engineer }: { engineer: boolean }) {
  const sources = usePoll((signal) => api<{ items: Source[] }>('/api/community/sources', { signal }), 'sources');
  const [kind, setKind] = useState('rss');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<unknown>(null);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api('/api/community/sources', { method: 'POST', body: { kind, name, ...(url ? { url } : {}) } });
      setName('');
      setUrl('');
      await sources.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <h2>Community sources</h2>
      <ErrorNotice error={sources.error || error} />
      {!sources.data && !sources.error && <div className="skeleton" style={{ height: 80 }} />}
      {sources.data && sources.data.items.length === 0 && <p className="muted">No community source yet.</p>}
      {sources.data && sources.data.items.length > 0 && (
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Kind</th>
              <th scope="col">State</th>
              <th scope="col">Last poll</th>
            </tr>
          </thead>
          <tbody>
            {sources.data.items.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.name} {s.url && <code className="small">{s.url}</code>}
                </td>
                <td>{s.kind}</td>
                <td>{!s.enabled ? 'disabled' : s.failures ? <span className="bad">{s.failures} failures: {s.lastError}</span> : <span className="ok">ok</span>}</td>
                <td>{s.lastPolledAt ? utc(s.lastPolledAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {engineer && (
        <form className="row" onSubmit={add} aria-label="Add a community source">
          <label className="inline">
            <span>Kind</span>
            <select value={kind} onChange={(e) => setKind(e.target.value)}>
              {sourceKinds.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
          <label className="inline">
            <span>Name</span>
            <input required value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. forum" />
          </label>
          <label className="inline grow">
            <span>URL</span>
            <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" />
          </label>
          <button type="submit">Add source</button>
        </form>
      )}
    </>
  );
}

function AlertChannels() {
  const channels = usePoll((signal) => api<{ items: Channel[] }>('/api/monitor/channels', { signal }), 'channels');
  const [name, setName] = useState('');
  const [kind, setKind] = useState('webhook');
  const [target, setTarget] = useState('');
  const [publish, setPublish] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      await channels.reload();
    } catch (err) {
      setError(err);
    }
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      // An incident channel has no target: its alerts open an incident, internal unless published at once.
      await api('/api/monitor/channels', { method: 'POST', body: kind === 'incident' ? { name, kind, options: { publish } } : { name, kind, target } });
      setName('');
      setTarget('');
    });
  };
  return (
    <>
      <h2>Alert channels</h2>
      <ErrorNotice error={channels.error || error} />
      {channels.data && channels.data.items.length === 0 && <p className="muted">No alert channel yet.</p>}
      {channels.data && channels.data.items.length > 0 && (
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Kind</th>
              <th scope="col">Target</th>
              <th scope="col">From severity</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {channels.data.items.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{c.kind}</td>
                <td>
                  <code className="small">{c.target}</code>
                </td>
                <td>{c.minSeverity}</td>
                <td>
                  <button type="button" className="link" onClick={() => void run(() => api(`/api/monitor/channels/${c.id}`, { method: 'DELETE' }))}>
                    Remove<span className="sr-only"> {c.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="row" onSubmit={add} aria-label="Add an alert channel">
        <label className="inline">
          <span>Name</span>
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="inline">
          <span>Channel kind</span>
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            {['webhook', 'slack', 'email', 'incident'].map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        {kind === 'incident' ? (
          <label className="inline grow">
            <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
            <span>Publish on the status page at once (otherwise the incident stays internal until someone publishes it)</span>
          </label>
        ) : (
          <label className="inline grow">
            <span>Target</span>
            <input required value={target} onChange={(e) => setTarget(e.target.value)} placeholder={kind === 'email' ? 'oncall@example.com' : 'https://…'} />
          </label>
        )}
        <button type="submit">Add channel</button>
      </form>
    </>
  );
}
