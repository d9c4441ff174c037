import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, type Me } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { age, utc } from '../lib/format.ts';
import { human } from './incident-types.ts';
import { categories, priorities, slaStates, ticketStatuses, type QueueItem } from './ticket-types.ts';
import { QueueViews } from './QueueViews.tsx';
import { TicketPage } from './TicketPage.tsx';

const ROW = 44;
const PAGE = 500;
const MAX = 20_000;

/** The ticket queue, or one ticket when the route names it. */
export function Queue({ me, route }: { me: Me; route: string }) {
  const id = /^\/queue\/([^/?]+)/.exec(route)?.[1];
  if (id) return <TicketPage id={decodeURIComponent(id)} me={me} />;
  return <QueueList me={me} />;
}

interface QueueState {
  items: QueueItem[];
  total: number | null;
  next: string | null;
}

/**
 * The work queue from `GET /api/queue` (most urgent first, with SLA): the first page at once, later
 * pages when the list scrolls near what is loaded (`want`), and the first page again every 15 s.
 */
function useQueue(query: string, want: number): QueueState & { error: unknown; loading: boolean } {
  const [state, setState] = useState<QueueState>({ items: [], total: null, next: null });
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const busy = useRef(false);
  const ctl = useRef<AbortController | null>(null);
  useEffect(() => {
    const c = new AbortController();
    ctl.current = c;
    setState({ items: [], total: null, next: null });
    setError(null);
    const first = () =>
      api<{ items: QueueItem[]; next: string | null; total: number }>(`/api/queue?${query}&limit=${PAGE}`, { signal: c.signal })
        .then((page) => {
          setState((s) => (s.items.length > PAGE && s.total === page.total ? { ...s, items: [...page.items, ...s.items.slice(page.items.length)] } : { items: page.items, total: page.total, next: page.next }));
          setError(null);
        })
        .catch((err: unknown) => {
          if (!c.signal.aborted) setError(err);
        });
    void first();
    const poll = setInterval(() => {
      if (document.visibilityState === 'visible') void first();
    }, 15_000);
    return () => {
      c.abort();
      clearInterval(poll);
    };
  }, [query]);
  useEffect(() => {
    if (busy.current || !state.next || state.items.length >= Math.min(want, MAX)) return;
    busy.current = true;
    setLoading(true);
    const signal = ctl.current?.signal;
    api<{ items: QueueItem[]; next: string | null; total: number }>(`/api/queue?${query}&limit=${PAGE}&cursor=${encodeURIComponent(state.next)}`, signal ? { signal } : {})
      .then((page) => setState((s) => ({ items: [...s.items, ...page.items], total: page.total, next: page.next })))
      .catch((err: unknown) => {
        if (!signal?.aborted) setError(err);
      })
      .finally(() => {
        busy.current = false;
        setLoading(false);
      });
  }, [want, state.next, state.items.length, query]);
  return { ...state, error, loading };
}

function slaText(t: QueueItem): string {
  const r = t.sla.remainingMs;
  if (t.sla.state === 'none') return '—';
  if (t.sla.state === 'paused') return 'paused';
  if (t.sla.state === 'met') return 'met';
  if (r === null) return t.sla.state;
  const min = Math.round(Math.abs(r) / 60_000);
  const d = min < 60 ? `${min}m` : min < 48 * 60 ? `${Math.floor(min / 60)}h${min % 60 ? ` ${min % 60}m` : ''}` : `${Math.floor(min / 1440)}d`;
  return r < 0 ? `${d} over` : `${d} left`;
}

function QueueList({ me }: { me: Me }) {
  const [status, setStatus] = useState('');
  const [category, setCategory] = useState('');
  const [priority, setPriority] = useState('');
  const [sla, setSla] = useState('');
  const [assignee, setAssignee] = useState('');
  const [search, setSearch] = useState('');
  const [active, setActive] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const query = new URLSearchParams({ ...(status ? { status } : {}), ...(category ? { category } : {}), ...(priority ? { priority } : {}), ...(sla ? { sla } : {}), ...(assignee ? { assignee: assignee === 'mine' ? me.id : assignee } : {}) }).toString();
  const want = Math.max(active, Math.ceil((scrollTop + viewport) / ROW)) + 100;
  const { items, total, error, loading } = useQueue(query, want);
  const q = search.trim().toLowerCase();
  const shown = useMemo(() => {
    if (!q) return items;
    return items.filter((t) => t.subject.toLowerCase().includes(q) || t.id.toLowerCase().includes(q) || (t.requester ?? '').toLowerCase().includes(q) || t.chains.some((c) => c.includes(q)));
  }, [items, q]);
  const count = q ? shown.length : (total ?? items.length);
  const list = useRef<HTMLDivElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = list.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewport(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => setActive((a) => Math.min(a, Math.max(0, count - 1))), [count]);
  const open = useCallback((t: QueueItem | undefined) => {
    if (t) location.hash = `/queue/${t.id}`;
  }, []);
  const move = useCallback(
    (to: number) => {
      const next = Math.max(0, Math.min(count - 1, to));
      setActive(next);
      const el = list.current;
      if (!el) return;
      if (next * ROW < el.scrollTop) el.scrollTop = next * ROW;
      else if ((next + 1) * ROW > el.scrollTop + el.clientHeight) el.scrollTop = (next + 1) * ROW - el.clientHeight;
    },
    [count],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement | null)?.tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || e.ctrlKey || e.metaKey || e.altKey) {
        if (e.key === 'Escape' && e.target === searchBox.current) {
          e.preventDefault();
          list.current?.focus();
        }
        return;
      }
      if (e.key === 'j' || e.key === 'ArrowDown') move(active + 1);
      else if (e.key === 'k' || e.key === 'ArrowUp') move(active - 1);
      else if (e.key === 'Home') move(0);
      else if (e.key === 'End') move(count - 1);
      else if (e.key === 'PageDown') move(active + Math.floor(viewport / ROW));
      else if (e.key === 'PageUp') move(active - Math.floor(viewport / ROW));
      else if (e.key === 'Enter' && (e.target === list.current || e.target === document.body)) open(shown[active]);
      else if (e.key === '/') searchBox.current?.focus();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, move, open, shown, viewport, count]);
  const first = Math.max(0, Math.floor(scrollTop / ROW) - 10);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / ROW) + 10);
  const activeId = shown[active] ? `q-${shown[active].id}` : undefined;
  const rows = [];
  for (let i = first; i < last; i++) {
    const t = shown[i];
    if (!t) {
      rows.push(<div key={`pending-${i}`} className="qrow pending" style={{ top: i * ROW, height: ROW }} aria-hidden="true"><div className="skeleton line" /></div>);
      continue;
    }
    rows.push(
      <div
        key={t.id}
        id={`q-${t.id}`}
        role="option"
        aria-selected={i === active}
        aria-posinset={i + 1}
        aria-setsize={count}
        className={`qrow${i === active ? ' active' : ''}`}
        style={{ top: i * ROW, height: ROW }}
        onClick={() => setActive(i)}
        onDoubleClick={() => open(t)}
      >
        <span className={`pri ${t.priority}`}>{t.priority.toUpperCase()}</span>
        <span className={`sev sev-${t.severity}`}>{t.severity}</span>
        <span className="subj">
          {t.securityFlags.includes('secret_exposed') && <span className="flag" title="A secret was in the message">secret</span>}
          <a href={`#/queue/${t.id}`} tabIndex={-1}>
            {t.subject || '(no subject)'}
          </a>
          {t.clusterId && (
            <a className="cbadge" href={`#/clusters/${t.clusterId}`} tabIndex={-1} title="Part of a problem: open it">
              problem
            </a>
          )}
          <span className="muted small">
            {' '}
            {t.requesterName ?? t.requester ?? ''}
            {t.chains.length ? ` · ${t.chains.join(', ')}` : ''}
            {t.status !== 'new' ? ` · ${t.status}` : ''}
          </span>
        </span>
        <span className="small">{human(t.category)}</span>
        <span className={`small sla-${t.sla.state}`} title={t.sla.nextDueAt ? `${t.sla.policy ?? 'SLA'} due ${utc(t.sla.nextDueAt)}` : (t.sla.policy ?? 'no SLA policy')}>
          {slaText(t)}
        </span>
        <span className="small" title={utc(t.createdAt)}>
          {age(t.createdAt)}
        </span>
      </div>,
    );
  }
  return (
    <section aria-labelledby="queue-title" className="queue">
      <h1 id="queue-title">Queue</h1>
      <div className="row">
        <label className="grow">
          <span className="sr-only">Search loaded tickets</span>
          <input ref={searchBox} type="search" placeholder="Search subject, requester, id, chain (press /)" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <Filter label="Status" value={status} set={setStatus} options={ticketStatuses} any="open (new, open, pending)" />
        <Filter label="Category" value={category} set={setCategory} options={categories} />
        <Filter label="Priority" value={priority} set={setPriority} options={priorities} />
        <Filter label="SLA" value={sla} set={setSla} options={slaStates} />
        <label className="inline">
          <span>Assignee</span>
          <select value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">anyone</option>
            <option value="mine">mine</option>
            <option value="none">unassigned</option>
          </select>
        </label>
      </div>
      <QueueViews
        filters={{ status, category, priority, sla, assignee }}
        apply={(f) => (setStatus(f.status ?? ''), setCategory(f.category ?? ''), setPriority(f.priority ?? ''), setSla(f.sla ?? ''), setAssignee(f.assignee ?? ''))}
      />
      <p className="muted small" aria-live="polite" id="queue-count">
        {total === null && !error ? 'Loading…' : q ? `${count.toLocaleString('en')} of ${items.length.toLocaleString('en')} loaded match` : `${count.toLocaleString('en')} ${count === 1 ? 'ticket' : 'tickets'}, most urgent first`}
        {loading && ' · loading more…'} · j/k move, Enter opens, / searches · refreshes every 15 s
      </p>
      <ErrorNotice error={error} />
      <div className="qhead" aria-hidden="true">
        <span>Pri</span>
        <span>Severity</span>
        <span>Subject</span>
        <span>Category</span>
        <span>SLA</span>
        <span>Age</span>
      </div>
      <div
        ref={list}
        className="qlist"
        role="listbox"
        tabIndex={0}
        aria-label="Tickets"
        aria-describedby="queue-count"
        aria-activedescendant={activeId}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div style={{ height: Math.max(count * ROW, ROW * 3), position: 'relative' }}>
          {total === null && !error && <div className="skeleton" style={{ height: ROW * 3 }} />}
          {total !== null && count === 0 && <p className="qempty">No tickets match.</p>}
          {rows}
        </div>
      </div>
    </section>
  );
}

function Filter({ label, value, set, options, any = 'any' }: { label: string; value: string; set: (v: string) => void; options: readonly string[]; any?: string }) {
  return (
    <label className="inline">
      <span>{label}</span>
      <select value={value} onChange={(e) => set(e.target.value)}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {human(o)}
          </option>
        ))}
      </select>
    </label>
  );
}
