import { useEffect, useState } from 'react';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { deleteView, loadViews, saveView, type QueueFilters, type SavedView } from '../lib/saved-views.ts';

const same = (a: QueueFilters, b: QueueFilters) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? '') === (b[k] ?? ''));
};

/** Saved views of the queue (kept on the server per user): pick one to apply its filters, save the current filters under a name, delete one. */
export function QueueViews({ filters, apply }: { filters: QueueFilters; apply: (f: QueueFilters) => void }) {
  const [views, setViews] = useState<SavedView[]>([]);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const c = new AbortController();
    loadViews(c.signal)
      .then(setViews)
      .catch((err: unknown) => !c.signal.aborted && setError(err));
    return () => c.abort();
  }, []);
  const run = async (fn: () => Promise<SavedView[]>) => {
    setError(null);
    try {
      setViews(await fn());
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  };
  const current = views.find((v) => same(v.filters, filters));
  const filtered = Object.values(filters).some(Boolean);
  return (
    <div role="group" aria-label="Saved views">
      <div className="row views">
        <label className="inline" htmlFor="queue-view">
          View
        </label>
        <select
          id="queue-view"
          value={current?.name ?? ''}
          onChange={(e) => {
            const v = views.find((x) => x.name === e.target.value);
            apply(v ? v.filters : {});
          }}
        >
          <option value="">{!current && filtered ? '(unsaved filters)' : 'all open tickets'}</option>
          {views.map((v) => (
            <option key={v.name} value={v.name}>
              {v.name}
            </option>
          ))}
        </select>
        {naming ? (
          <form
            className="row inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => saveView({ name: name.trim(), filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) })).then((ok) => {
                if (!ok) return;
                setName('');
                setNaming(false);
              });
            }}
          >
            <label className="inline" htmlFor="queue-view-name">
              View name
            </label>
            <input id="queue-view-name" autoFocus required maxLength={60} value={name} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setNaming(false)} />
            <button type="submit" className="small">
              Save
            </button>
            <button type="button" className="small secondary" onClick={() => setNaming(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <button type="button" className="small secondary" onClick={() => setNaming(true)} disabled={!filtered || Boolean(current)}>
            Save view
          </button>
        )}
        {current && (
          <button type="button" className="small secondary" onClick={() => void run(() => deleteView(current.name))}>
            Delete view<span className="sr-only"> {current.name}</span>
          </button>
        )}
      </div>
      <ErrorNotice error={error} />
    </div>
  );
}
