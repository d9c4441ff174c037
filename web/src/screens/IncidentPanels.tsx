import { useEffect, useState, type FormEvent } from 'react';
import { api, apiText } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { utc } from '../lib/format.ts';
import { Markdown } from '../lib/Markdown.tsx';
import { usePoll } from '../lib/use-poll.ts';
import { componentStatuses, human, incidentPhases, langs, maintenancePhases, type ComponentStatus, type IncidentDetail, type Lang, type StatusComponent } from './incident-types.ts';

/** Posts a public update: phase, components, texts per language (blank = the phase template). */
export function PostUpdateForm({ detail, onPosted }: { detail: IncidentDetail; onPosted: () => Promise<void> }) {
  const inc = detail.incident;
  const phases: readonly string[] = inc.kind === 'maintenance' ? maintenancePhases : incidentPhases;
  const [status, setStatus] = useState(inc.status === 'investigating' && !inc.published ? 'investigating' : (phases[phases.indexOf(inc.status) + 1] ?? inc.status));
  const [texts, setTexts] = useState<Record<Lang, string>>({ en: '', es: '', 'pt-BR': '' });
  const [matrix, setMatrix] = useState<Record<string, ComponentStatus | ''>>(() => Object.fromEntries(detail.components.map((c) => [c.component.id, c.status])));
  const [notify, setNotify] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const comps = usePoll((signal) => api<{ items: StatusComponent[] }>('/api/status/components', { signal }), 'components');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const text = Object.fromEntries(Object.entries(texts).filter(([, v]) => v.trim()));
      const components = Object.entries(matrix)
        .filter((entry): entry is [string, ComponentStatus] => entry[1] !== '')
        .map(([id, s]) => ({ id, status: s }));
      await api(`/api/incidents/${inc.id}/updates`, { method: 'POST', body: { status, text, notify, ...(components.length || detail.components.length ? { components } : {}) } });
      setTexts({ en: '', es: '', 'pt-BR': '' });
      await onPosted();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const leaves = (comps.data?.items ?? []).filter((c) => !c.group);
  return (
    <form className="panel stack" onSubmit={submit} aria-labelledby="post-update-title">
      <h2 id="post-update-title">Post a public update</h2>
      <p className="muted small">Goes to the status page, subscribers and linked tickets in one action. A language left blank gets the phase template, in that language.</p>
      <label className="inline">
        <span>Phase</span>
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          {phases.map((p) => (
            <option key={p} value={p}>
              {human(p)}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Components on the status page</legend>
        <ErrorNotice error={comps.error} />
        {comps.data && leaves.length === 0 && <p className="muted small">No components yet: add them under Status page.</p>}
        <div className="matrix">
          {leaves.map((c) => (
            <label key={c.id} className="inline">
              <span>{c.name}</span>
              <select value={matrix[c.id] ?? ''} onChange={(e) => setMatrix({ ...matrix, [c.id]: e.target.value as ComponentStatus | '' })}>
                <option value="">not affected</option>
                {componentStatuses.map((s) => (
                  <option key={s} value={s}>
                    {human(s)}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      </fieldset>
      {langs.map((l) => (
        <label key={l.tag}>
          Update text — {l.label}
          <textarea lang={l.tag} rows={2} value={texts[l.tag]} placeholder={`Blank: the “${human(status)}” template in ${l.label}`} onChange={(e) => setTexts({ ...texts, [l.tag]: e.target.value })} />
        </label>
      ))}
      <label className="check">
        <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} /> Notify subscribers
      </label>
      <div>
        <button type="submit" disabled={busy}>
          {busy ? 'Posting…' : 'Post update'}
        </button>
      </div>
      <ErrorNotice error={error} />
    </form>
  );
}

const directions = [
  { value: 'reported', label: 'Reported to provider' },
  { value: 'reply', label: 'Reply from provider' },
  { value: 'status_page', label: 'Provider status page' },
  { value: 'note', label: 'Note' },
];

/** The provider coordination log (RPC vendors, bridges, on-ramps) and a form to add to it. */
export function ProviderLog({ detail, canChange, onChanged }: { detail: IncidentDetail; canChange: boolean; onChanged: () => Promise<void> }) {
  const [provider, setProvider] = useState('');
  const [direction, setDirection] = useState('reported');
  const [text, setText] = useState('');
  const [reference, setReference] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`/api/incidents/${detail.incident.id}/providers`, { method: 'POST', body: { provider, direction, text, ...(reference.trim() ? { reference } : {}) } });
      setText('');
      setReference('');
      await onChanged();
    } catch (err) {
      setError(err);
    }
  };
  const entries = Object.entries(detail.providers);
  return (
    <>
      <h2>Provider log</h2>
      {entries.length === 0 && <p className="muted">Nothing logged with providers.</p>}
      {entries.map(([name, items]) => (
        <div key={name}>
          <h3>{name}</h3>
          <ul className="plain">
            {items.map((p) => (
              <li key={p.id}>
                <time dateTime={p.at}>{utc(p.at)}</time> <span className="chip">{human(p.direction)}</span> {p.text}
                {p.reference && <span className="muted"> · ref {p.reference}</span>}
                {p.providerStatus && <span className="muted"> · {p.providerStatus}</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {canChange && (
        <form className="row" onSubmit={submit} aria-label="Log a provider message">
          <label>
            <span className="sr-only">Provider</span>
            <input required placeholder="provider, e.g. alchemy" value={provider} onChange={(e) => setProvider(e.target.value)} />
          </label>
          <label>
            <span className="sr-only">Direction</span>
            <select value={direction} onChange={(e) => setDirection(e.target.value)}>
              {directions.map((d) => (
                <option key={d.value} value={d.value}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
          <label className="grow">
            <span className="sr-only">Message</span>
            <input required placeholder="what was said" value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <label>
            <span className="sr-only">Their reference</span>
            <input placeholder="their ticket ref" value={reference} onChange={(e) => setReference(e.target.value)} />
          </label>
          <button type="submit" className="secondary">
            Log
          </button>
        </form>
      )}
      <ErrorNotice error={error} />
    </>
  );
}

/** An internal note on the timeline (agents may add; never published). */
export function NoteForm({ id, onAdded }: { id: string; onAdded: () => Promise<void> }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`/api/incidents/${id}/notes`, { method: 'POST', body: { text } });
      setText('');
      await onAdded();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="row" onSubmit={submit} aria-label="Add an internal note">
      <label className="grow">
        <span className="sr-only">Internal note</span>
        <input required placeholder="Internal note (never published)" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" className="secondary">
        Add note
      </button>
      <ErrorNotice error={error} />
    </form>
  );
}

/** The postmortem: the saved text or a generated draft, edited in a textarea with a live preview. */
export function Postmortem({ id, canChange }: { id: string; canChange: boolean }) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [tab, setTab] = useState<'edit' | 'preview'>('edit');
  const load = async (draft: boolean) => {
    setError(null);
    try {
      setText(await apiText(`/api/incidents/${id}/postmortem${draft ? '?draft=1' : ''}`));
    } catch (err) {
      setError(err);
    }
  };
  useEffect(() => {
    setText(null);
  }, [id]);
  const save = async () => {
    setError(null);
    try {
      await api(`/api/incidents/${id}/postmortem`, { method: 'PUT', body: { markdown: text ?? '' } });
      setSaved(new Date().toISOString());
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="panel" onToggle={(e) => (e.currentTarget.open && text === null ? void load(false) : undefined)}>
      <summary>Postmortem</summary>
      <ErrorNotice error={error} />
      {text === null && !error && <div className="skeleton" style={{ height: 200 }} />}
      {text !== null && (
        <>
          <div role="group" aria-label="Postmortem view" className="segmented">
            <button type="button" aria-pressed={tab === 'edit'} className={tab === 'edit' ? 'on' : 'secondary'} onClick={() => setTab('edit')}>
              Edit
            </button>
            <button type="button" aria-pressed={tab === 'preview'} className={tab === 'preview' ? 'on' : 'secondary'} onClick={() => setTab('preview')}>
              Preview
            </button>
          </div>
          {tab === 'edit' ? (
            <label>
              <span className="sr-only">Postmortem Markdown</span>
              <textarea className="mono" rows={18} value={text} readOnly={!canChange} onChange={(e) => setText(e.target.value)} />
            </label>
          ) : (
            <Markdown text={text} />
          )}
          {canChange && (
            <div className="row">
              <button type="button" onClick={() => void save()}>
                Save postmortem
              </button>
              <button type="button" className="secondary" onClick={() => void load(true)}>
                Regenerate draft
              </button>
              {saved && <span role="status">Saved {utc(saved)}</span>}
            </div>
          )}
        </>
      )}
    </details>
  );
}
