import { useState } from 'react';
import { api, type Me } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { atLeast } from '../lib/roles.ts';
import { usePoll } from '../lib/use-poll.ts';
import type { Ticket } from './ticket-types.ts';

export interface Agent {
  id: string;
  name: string;
  role: string;
  skills: string[];
}

/** The current assignee: the latest `assigned` event of the ticket. */
function assigneeOf(ticket: Ticket): string | null {
  const last = [...ticket.events].reverse().find((e) => e.kind === 'assigned');
  const detail = last?.detail as { assigneeId?: unknown } | undefined;
  return typeof detail?.assigneeId === 'string' ? detail.assigneeId : null;
}

/** Assign the ticket to me, to a chosen agent, or round-robin by skill (category, chains, language). */
export function AssignPanel({ ticket, me, onAssigned }: { ticket: Ticket; me: Me; onAssigned: () => Promise<void> }) {
  const agents = usePoll((signal) => api<{ items: Agent[] }>('/api/agents', { signal }), 'agents');
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!atLeast(me.role, 'agent')) return null;
  const current = assigneeOf(ticket);
  const nameOf = (id: string) => (id === me.id ? `${me.name} (me)` : (agents.data?.items.find((a) => a.id === id)?.name ?? id));
  const assign = async (body: { assigneeId: string } | { roundRobin: true }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ assigneeId: string; method: string; matched: string[] }>(`/api/tickets/${encodeURIComponent(ticket.id)}/assign`, { method: 'POST', body });
      setNote(`Assigned to ${nameOf(r.assigneeId)}${r.method === 'round_robin' ? ` by round-robin${r.matched.length ? ` (skills ${r.matched.join(', ')})` : ' (no skill matched)'}` : ''}.`);
      await onAssigned();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="stack panel" role="group" aria-labelledby="assign-title">
      <h2 id="assign-title">Assignment</h2>
      <p className="small" id="assignee-now">
        Assignee: <strong>{current ? nameOf(current) : 'unassigned'}</strong>
      </p>
      <div className="row">
        {me.kind === 'user' && current !== me.id && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void assign({ assigneeId: me.id })}>
            Assign to me
          </button>
        )}
        <button type="button" className="secondary" disabled={busy} onClick={() => void assign({ roundRobin: true })}>
          Round-robin by skill
        </button>
      </div>
      <div className="row">
        <label className="grow">
          <span className="sr-only">Agent</span>
          <select value={choice} onChange={(e) => setChoice(e.target.value)} aria-label="Agent">
            <option value="">Choose an agent…</option>
            {(agents.data?.items ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.role}){a.skills.length ? ` · ${a.skills.slice(0, 3).join(', ')}${a.skills.length > 3 ? '…' : ''}` : ''}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" disabled={busy || !choice} onClick={() => void assign({ assigneeId: choice })}>
          Assign
        </button>
      </div>
      <p role="status" className="small" style={{ minHeight: '1.3em' }}>
        {note}
      </p>
      <ErrorNotice error={error || agents.error} />
    </div>
  );
}
