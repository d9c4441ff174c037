import { useState, type FormEvent } from 'react';
import { api, type Me } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { utc } from '../lib/format.ts';
import { atLeast } from '../lib/roles.ts';
import { usePoll } from '../lib/use-poll.ts';
import { human } from './incident-types.ts';
import { categories, type Ticket } from './ticket-types.ts';

interface Correlation {
  from: string;
  to: string;
  events: Array<{ ts: string; kind: string; service: string | null; route: string | null; name: string | null; body: string | null; isError: boolean; statusCode: number | null; chain: string | null }>;
  errors: number;
  traces: Array<{ traceId: string; events: number; errors: number }>;
}

/** The user's telemetry around the ticket, matched by the hashes and addresses in it. */
export function TicketCorrelation({ ticket }: { ticket: Ticket }) {
  const params = new URLSearchParams({ around: ticket.createdAt, windowMin: '120' });
  for (const h of ticket.entities.txHashes) params.append('txHash', h.value);
  for (const a of ticket.entities.addresses) params.append('address', a.value);
  const has = ticket.entities.txHashes.length + ticket.entities.addresses.length > 0;
  const q = params.toString();
  const corr = usePoll((signal) => (has ? api<Correlation>(`/api/telemetry/correlate?${q}`, { signal }) : Promise.resolve(null)), q);
  return (
    <>
      <h2>Telemetry around the ticket</h2>
      {!has && <p className="muted">No hash or address to match telemetry on.</p>}
      <ErrorNotice error={corr.error} />
      {has && corr.data === undefined && !corr.error && <div className="skeleton" style={{ height: 80 }} />}
      {corr.data && (
        <>
          <p className="small muted">
            {corr.data.events.length} events, {corr.data.errors} errors, {corr.data.traces.length} traces between {utc(corr.data.from)} and {utc(corr.data.to)}.
          </p>
          {corr.data.events.length > 0 && (
            <table className="grid compact">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Where</th>
                  <th scope="col">What</th>
                </tr>
              </thead>
              <tbody>
                {corr.data.events.slice(0, 20).map((e, n) => (
                  <tr key={n} className={e.isError ? 'error-row' : undefined}>
                    <td>{e.ts.slice(11, 19)}</td>
                    <td>{[e.service, e.route, e.chain].filter(Boolean).join(' · ')}</td>
                    <td>
                      {e.isError && <strong>error </strong>}
                      {e.name ?? e.body ?? e.kind}
                      {e.statusCode !== null && <span className="muted"> ({e.statusCode})</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}

/** Agents correct the category or severity; the correction feeds model retraining. */
export function TriageCorrection({ ticket, me, onSaved }: { ticket: Ticket; me: Me; onSaved: () => Promise<void> }) {
  const [category, setCategory] = useState(ticket.category);
  const [severity, setSeverity] = useState<string>(ticket.severity);
  const [error, setError] = useState<unknown>(null);
  if (!atLeast(me.role, 'agent')) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`/api/tickets/${ticket.id}/triage`, { method: 'POST', body: { ...(category !== ticket.category ? { category } : {}), ...(severity !== ticket.severity ? { severity } : {}) } });
      await onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="stack panel" onSubmit={submit} aria-labelledby="correct-title">
      <h2 id="correct-title">Correct the triage</h2>
      <label>
        Category
        <select value={category} onChange={(e) => setCategory(e.target.value)}>
          {categories.map((c) => (
            <option key={c} value={c}>
              {human(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Severity
        <select value={severity} onChange={(e) => setSeverity(e.target.value)}>
          {['critical', 'high', 'medium', 'low'].map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <div>
        <button type="submit" className="secondary" disabled={category === ticket.category && severity === ticket.severity}>
          Save correction
        </button>
      </div>
      <ErrorNotice error={error} />
    </form>
  );
}
