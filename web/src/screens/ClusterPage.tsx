import { useEffect, useState, type FormEvent } from 'react';
import { api, type Me } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { Pending } from '../Pending.tsx';
import { utc } from '../lib/format.ts';
import { atLeast } from '../lib/roles.ts';
import { usePoll } from '../lib/use-poll.ts';
import { reasonText, type Cluster, type ClusterSummary } from './cluster-types.ts';
import { human } from './incident-types.ts';

/**
 * One problem: why its tickets were grouped, its spikes, the linked tickets (triage fields only:
 * no requester or message of one ticket is shown next to another), merge, split, reply to all, escalate.
 */
export function ClusterPage({ id, me }: { id: string; me: Me }) {
  const cluster = usePoll((signal) => api<Cluster>(`/api/clusters/${encodeURIComponent(id)}`, { signal }), id);
  const c = cluster.data;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const canAct = atLeast(me.role, 'agent');
  useEffect(() => setSelected(new Set()), [id]);
  const split = async () => {
    setError(null);
    try {
      const r = await api<{ newClusterId: string; moved: number }>(`/api/clusters/${encodeURIComponent(id)}/split`, { method: 'POST', body: { ticketIds: [...selected] } });
      setNote(`Moved ${r.moved} ${r.moved === 1 ? 'ticket' : 'tickets'} into a new problem.`);
      setSelected(new Set());
      await cluster.reload();
      location.hash = `/clusters/${r.newClusterId}`;
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="cluster-title">
      <p>
        <a href="#/clusters">← Problems</a>
      </p>
      <Pending polled={cluster} height={360} />
      {c && (
        <>
          <h1 id="cluster-title">{c.title}</h1>
          {c.status === 'merged' && c.mergedInto && (
            <div className="notice" role="status">
              Merged into <a href={`#/clusters/${c.mergedInto}`}>another problem</a>.
            </div>
          )}
          <dl className="facts">
            <Fact k="Status" v={c.status} />
            <Fact k="Open / all tickets" v={`${c.openTicketCount} / ${c.ticketCount}`} />
            <Fact k="First seen" v={utc(c.firstSeenAt)} />
            <Fact k="Last seen" v={utc(c.lastSeenAt)} />
          </dl>
          <div className="two-col">
            <div>
              <h2>Linked tickets</h2>
              <p className="muted small">Triage fields only; open a ticket to read its conversation. Select tickets that do not belong and split them off.</p>
              <div className="table-wrap">
                <table className="grid" aria-label="Linked tickets">
                  <thead>
                    <tr>
                      {canAct && <th scope="col"><span className="sr-only">Select</span></th>}
                      <th scope="col">Ticket</th>
                      <th scope="col">Status</th>
                      <th scope="col">Pri</th>
                      <th scope="col">Lang · channel</th>
                      <th scope="col">Why grouped</th>
                      <th scope="col">Created</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.members.map((m) => (
                      <tr key={m.ticketId}>
                        {canAct && (
                          <td>
                            <input
                              type="checkbox"
                              aria-label={`Select ticket ${m.ticketId}`}
                              checked={selected.has(m.ticketId)}
                              onChange={(e) => {
                                const next = new Set(selected);
                                if (e.target.checked) next.add(m.ticketId);
                                else next.delete(m.ticketId);
                                setSelected(next);
                              }}
                            />
                          </td>
                        )}
                        <td>
                          <a href={`#/queue/${m.ticketId}`}>
                            <code>{m.ticketId}</code>
                          </a>
                        </td>
                        <td>{m.status}</td>
                        <td>
                          <span className={`pri ${m.priority}`}>{m.priority.toUpperCase()}</span>
                        </td>
                        <td>
                          {m.language} · {m.channel}
                        </td>
                        <td>
                          {m.reason ? reasonText[m.reason] ?? m.reason : 'first ticket'}
                          {m.score !== null && <span className="muted small"> ({m.score.toFixed(2)})</span>}
                          {m.pinned && <span className="chip">pinned</span>}
                        </td>
                        <td>{utc(m.createdAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {canAct && c.status === 'open' && (
                <div className="row">
                  <button type="button" className="secondary" disabled={selected.size === 0 || selected.size === c.members.length} onClick={() => void split()}>
                    Split {selected.size || ''} selected into a new problem
                  </button>
                </div>
              )}
              {note && (
                <p role="status" className="small">
                  {note}
                </p>
              )}
              <ErrorNotice error={error} />
              {canAct && c.status === 'open' && <ClusterReply cluster={c} onSent={cluster.reload} />}
            </div>
            <aside aria-label="Problem facts">
              <h2>Fingerprint</h2>
              <dl className="entities">
                <Fact k="Category" v={human(c.category)} />
                <Fact k="Chains" v={c.chains.join(', ') || '—'} />
                <Fact k="Tokens" v={c.tokens.join(', ') || '—'} />
                <Fact k="App version" v={c.appVersion ?? '—'} />
                <Fact k="Platform" v={c.platform ?? '—'} />
              </dl>
              <WhyGrouped cluster={c} />
              <h2>Spike signal</h2>
              {c.spikes.length === 0 ? (
                <p className="muted">No spike: the problem grows at its usual rate.</p>
              ) : (
                <ul className="plain small">
                  {c.spikes.slice(0, 5).map((s) => (
                    <li key={s.id}>
                      <span className="chip spike">×{s.ratio.toFixed(1)}</span> {s.count} tickets in {utc(s.windowStart)} – {utc(s.windowEnd).slice(11)}, baseline {s.baseline.toFixed(1)}
                    </li>
                  ))}
                </ul>
              )}
              {canAct && c.status === 'open' && <MergeInto cluster={c} onMerged={cluster.reload} />}
              {canAct && <Escalate clusterId={c.id} />}
            </aside>
          </div>
        </>
      )}
    </section>
  );
}

function Fact({ k, v }: { k: string; v: string }) {
  return (
    <div>
      <dt>{k}</dt>
      <dd>{v}</dd>
    </div>
  );
}

function WhyGrouped({ cluster }: { cluster: Cluster }) {
  const counts = new Map<string, number>();
  for (const m of cluster.members) if (m.reason) counts.set(m.reason, (counts.get(m.reason) ?? 0) + 1);
  return (
    <>
      <h2>Why grouped</h2>
      {counts.size === 0 ? (
        <p className="muted small">One ticket so far.</p>
      ) : (
        <ul className="plain small">
          {[...counts].map(([reason, n]) => (
            <li key={reason}>
              {n} × {reasonText[reason] ?? reason}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Merge other open problems (of any category) into this one. */
function MergeInto({ cluster, onMerged }: { cluster: Cluster; onMerged: () => Promise<void> }) {
  const others = usePoll((signal) => api<{ items: ClusterSummary[] }>('/api/clusters?status=open&limit=200', { signal }), `merge-${cluster.id}`);
  const [source, setSource] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const options = (others.data?.items ?? []).filter((o) => o.id !== cluster.id);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await api<{ moved: number }>(`/api/clusters/${encodeURIComponent(cluster.id)}/merge`, { method: 'POST', body: { sources: [source] } });
      setDone(`Merged: ${r.moved} ${r.moved === 1 ? 'ticket' : 'tickets'} moved here.`);
      setSource('');
      await onMerged();
      await others.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="stack panel" onSubmit={submit} aria-labelledby="merge-title">
      <h2 id="merge-title">Merge another problem into this one</h2>
      <label>
        Problem to merge
        <select value={source} onChange={(e) => setSource(e.target.value)}>
          <option value="">Choose…</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.title} ({o.openTicketCount} open)
            </option>
          ))}
        </select>
      </label>
      <div>
        <button type="submit" className="secondary" disabled={!source}>
          Merge
        </button>
      </div>
      {done && <p role="status" className="small">{done}</p>}
      <ErrorNotice error={error} />
    </form>
  );
}

interface Macro {
  id: string;
  title: string;
}

/** One reply to every open ticket of the problem, rendered per ticket by the server in the ticket's language. */
function ClusterReply({ cluster, onSent }: { cluster: Cluster; onSent: () => Promise<void> }) {
  const [macros, setMacros] = useState<Macro[]>([]);
  const [macro, setMacro] = useState('');
  const [bodies, setBodies] = useState<Record<'en' | 'es' | 'pt-BR', string>>({ en: '', es: '', 'pt-BR': '' });
  const [solve, setSolve] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ sent: number; failed: number } | null>(null);
  useEffect(() => {
    api<{ items: Macro[] }>('/api/macros')
      .then((r) => setMacros(r.items))
      .catch(setError);
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const own = Object.fromEntries(Object.entries(bodies).filter(([, v]) => v.trim()));
      const body = { ...(macro ? { macro } : { bodies: own }), ...(solve ? { status: 'solved' } : {}) };
      setResult(await api<{ sent: number; failed: number }>(`/api/clusters/${encodeURIComponent(cluster.id)}/reply`, { method: 'POST', body }));
      setBodies({ en: '', es: '', 'pt-BR': '' });
      await onSent();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const languages = [...new Set(cluster.members.map((m) => (m.language === 'pt' ? 'pt-BR' : m.language === 'es' ? 'es' : 'en')))];
  return (
    <form className="reply panel" onSubmit={submit} aria-labelledby="cluster-reply-title">
      <h2 id="cluster-reply-title">Reply to the problem</h2>
      <p className="muted small">
        Reaches each of the {cluster.openTicketCount} open tickets separately, in its own language ({languages.join(', ')}); each reply is filled from that ticket alone.
      </p>
      <label>
        Macro
        <select value={macro} onChange={(e) => setMacro(e.target.value)}>
          <option value="">Own words</option>
          {macros.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
        </select>
      </label>
      {!macro &&
        (['en', 'es', 'pt-BR'] as const).map((l) => (
          <label key={l}>
            Reply in {l}
            <textarea rows={3} value={bodies[l]} onChange={(e) => setBodies({ ...bodies, [l]: e.target.value })} />
          </label>
        ))}
      <label className="check">
        <input type="checkbox" checked={solve} onChange={(e) => setSolve(e.target.checked)} /> Mark every ticket solved (the fix is out)
      </label>
      <div>
        <button type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Send to every ticket'}
        </button>
      </div>
      <p role="status" className="small" style={{ minHeight: '1.3em' }}>
        {result && `Sent to ${result.sent} ${result.sent === 1 ? 'ticket' : 'tickets'}${result.failed ? `, ${result.failed} failed` : ''}.`}
      </p>
      <ErrorNotice error={error} />
    </form>
  );
}

function Escalate({ clusterId }: { clusterId: string }) {
  const [made, setMade] = useState<{ id: string; title: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setMade(await api<{ id: string; title: string }>('/api/escalations', { method: 'POST', body: { clusterId } }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="panel stack">
      <h2>Escalate</h2>
      <p className="muted small">Builds an engineering report (redacted) from every ticket of the problem.</p>
      <div>
        <button type="button" className="secondary" disabled={busy} onClick={() => void run()}>
          {busy ? 'Building…' : 'Escalate the problem'}
        </button>
      </div>
      {made && (
        <p role="status" className="small">
          Escalation <code>{made.id}</code> created: {made.title}.{' '}
          <a href={`/api/escalations/${made.id}/markdown`} target="_blank" rel="noreferrer noopener">
            Report as Markdown<span className="sr-only"> (new tab)</span>
          </a>
        </p>
      )}
      <ErrorNotice error={error} />
    </div>
  );
}
