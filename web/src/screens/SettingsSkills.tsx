import { useState, type FormEvent } from 'react';
import { api, type Me } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { Pending } from '../Pending.tsx';
import { atLeast } from '../lib/roles.ts';
import { usePoll } from '../lib/use-poll.ts';
import type { Agent } from './AssignPanel.tsx';

/** Agents' skills for round-robin assignment: categories, chains and `lang:<language>`. Engineers and admins edit them. */
export function SettingsSkills({ me }: { me: Me }) {
  const agents = usePoll((signal) => api<{ items: Agent[] }>('/api/agents', { signal }), 'skills');
  const canEdit = atLeast(me.role, 'engineer');
  return (
    <section aria-labelledby="skills-title">
      <h1 id="skills-title">Agent skills</h1>
      <p className="muted small">
        Round-robin assignment gives a ticket to the agents with the most matching skills (its category such as <code>swap_or_bridge_failure</code>, its chains such as <code>polygon</code>, its language as <code>lang:es</code>), taking turns.
        {!canEdit && ' Editing needs the engineer or admin role.'}
      </p>
      <Pending polled={agents} height={200} />
      {agents.data && (
        <table className="grid" aria-label="Agent skills">
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Role</th>
              <th scope="col">Skills</th>
            </tr>
          </thead>
          <tbody>
            {agents.data.items.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.name}</th>
                <td>{a.role}</td>
                <td>{canEdit ? <SkillsEditor agent={a} onSaved={agents.reload} /> : a.skills.join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function SkillsEditor({ agent, onSaved }: { agent: Agent; onSaved: () => Promise<void> }) {
  const [text, setText] = useState(agent.skills.join(', '));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      const skills = text.split(/[\s,]+/).filter(Boolean);
      await api(`/api/queue/skills/${encodeURIComponent(agent.id)}`, { method: 'PUT', body: { skills } });
      setSaved(true);
      await onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="row" onSubmit={submit}>
      <label className="grow">
        <span className="sr-only">Skills of {agent.name}</span>
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. swap_or_bridge_failure, polygon, lang:es" />
      </label>
      <button type="submit" className="small secondary">
        Save<span className="sr-only"> skills of {agent.name}</span>
      </button>
      <span role="status" className="small" style={{ minWidth: '3rem' }}>
        {saved ? 'Saved' : ''}
      </span>
      <ErrorNotice error={error} />
    </form>
  );
}
