import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { Findings, type Finding } from './Findings.tsx';

interface Diagnosis {
  chain: string;
  chainId?: number;
  hash: string;
  status: string;
  findings: Finding[];
  explorerUrl?: string;
  searchedChains?: string[];
  foundOn?: { chain: string; chainId?: number; status: string };
  checkedAt: string;
}

interface AddressReport {
  chain: string;
  address: string;
  valid: boolean;
  isContract?: boolean;
  balances: Array<{ symbol: string; token?: string; amount: string; decimals: number; display: string }>;
  nonce?: number;
  pendingCount?: number;
  findings: Finding[];
  explorerUrl?: string;
}

interface AddressInspection {
  address: string;
  reports: AddressReport[];
  errors: Array<{ chain: string; code: string; message: string }>;
}

type Result = { kind: 'tx'; d: Diagnosis } | { kind: 'address'; d: AddressInspection };

const locales = [
  { tag: 'en', label: 'English' },
  { tag: 'es', label: 'Español' },
  { tag: 'pt-BR', label: 'Português (Brasil)' },
] as const;

const looksLikeTx = (v: string) => /^0x[0-9a-fA-F]{64}$/.test(v) || /^[0-9a-fA-F]{64}$/.test(v) || /^[1-9A-HJ-NP-Za-km-z]{80,90}$/.test(v);

function fromHash(): { q: string; chain: string } {
  const i = location.hash.indexOf('?');
  const p = new URLSearchParams(i >= 0 ? location.hash.slice(i + 1) : '');
  return { q: p.get('q') ?? '', chain: p.get('chain') ?? '' };
}

/** Paste any hash or address, get the diagnosis: the tool agents use most. */
export function TxLookup() {
  const initial = fromHash();
  const [value, setValue] = useState(initial.q);
  const [chain, setChain] = useState(initial.chain);
  const [locale, setLocale] = useState('en');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const ctl = useRef<AbortController | null>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = document.activeElement?.tagName;
      if (e.key === '/' && t !== 'INPUT' && t !== 'TEXTAREA' && t !== 'SELECT') {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const run = async (v: string, c: string, loc: string) => {
    if (!v) return;
    ctl.current?.abort();
    const ac = new AbortController();
    ctl.current = ac;
    setBusy(true);
    setError(null);
    try {
      const body = { ...(c ? { chain: c } : {}), locale: loc };
      const res: Result = looksLikeTx(v)
        ? { kind: 'tx', d: await api<Diagnosis>('/api/diagnose/tx', { method: 'POST', body: { hash: v, ...body }, signal: ac.signal }) }
        : { kind: 'address', d: await api<AddressInspection>('/api/address/inspect', { method: 'POST', body: { address: v, ...body }, signal: ac.signal }) };
      if (!ac.signal.aborted) setResult(res);
    } catch (err) {
      if (!ac.signal.aborted) {
        setResult(null);
        setError(err);
      }
    } finally {
      if (!ac.signal.aborted) setBusy(false);
    }
  };
  useEffect(() => {
    if (initial.q) void run(initial.q.trim(), initial.chain, locale);
    return () => ctl.current?.abort();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(value.trim(), chain.trim(), locale);
  };
  const switchLocale = (loc: string) => {
    setLocale(loc);
    if (result) void run(value.trim(), chain.trim(), loc);
  };
  return (
    <section aria-labelledby="lookup-title">
      <h1 id="lookup-title">Transaction lookup</h1>
      <form className="row" onSubmit={submit} role="search" aria-label="Diagnose a transaction or an address">
        <label className="grow">
          <span className="sr-only">Transaction hash or address</span>
          <input ref={input} autoFocus placeholder="Paste a transaction hash or an address (press / to focus)" value={value} onChange={(e) => setValue(e.target.value)} spellCheck={false} autoComplete="off" />
        </label>
        <label>
          <span className="sr-only">Chain (optional)</span>
          <input className="chain" placeholder="chain (optional)" value={chain} onChange={(e) => setChain(e.target.value.toLowerCase())} spellCheck={false} autoComplete="off" />
        </label>
        <label className="inline">
          <span>User language</span>
          <select value={locale} onChange={(e) => switchLocale(e.target.value)} aria-describedby="locale-help">
            {locales.map((l) => (
              <option key={l.tag} value={l.tag}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Diagnose'}
        </button>
      </form>
      <p id="locale-help" className="muted small">
        Without a chain every configured chain is searched. The language sets the user message you can paste into the reply.
      </p>
      <ErrorNotice error={error} />
      <div className="result-area" aria-live="polite" aria-busy={busy}>
        {busy && !result && <div className="skeleton" style={{ height: 220 }} />}
        {result?.kind === 'tx' && <TxView d={result.d} locale={locale} />}
        {result?.kind === 'address' && <AddressView d={result.d} locale={locale} />}
      </div>
    </section>
  );
}

function TxView({ d, locale }: { d: Diagnosis; locale: string }) {
  return (
    <div className="diagnosis">
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`chip status-${d.status}`}>{d.status.replace('_', ' ')}</span>
          </dd>
        </div>
        <div>
          <dt>Chain</dt>
          <dd>
            {d.chain}
            {d.chainId !== undefined && <span className="muted"> (chain id {d.chainId})</span>}
          </dd>
        </div>
        {d.foundOn && (
          <div>
            <dt>Found on</dt>
            <dd>
              <strong>{d.foundOn.chain}</strong> ({d.foundOn.status.replace('_', ' ')})
            </dd>
          </div>
        )}
        {d.searchedChains && d.searchedChains.length > 0 && (
          <div>
            <dt>Chains searched</dt>
            <dd>{d.searchedChains.join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>Hash</dt>
          <dd>
            <code className="hash">{d.hash}</code>
          </dd>
        </div>
        {d.explorerUrl && (
          <div>
            <dt>Explorer</dt>
            <dd>
              <a href={d.explorerUrl} target="_blank" rel="noreferrer noopener">
                Open in explorer<span className="sr-only"> (new tab)</span>
              </a>
            </dd>
          </div>
        )}
      </dl>
      <Findings findings={d.findings} locale={locale} />
    </div>
  );
}

function AddressView({ d, locale }: { d: AddressInspection; locale: string }) {
  return (
    <div className="diagnosis">
      <p className="meta">
        <code className="hash">{d.address}</code>
      </p>
      {d.errors.map((e) => (
        <p key={e.chain} className="notice warn">
          {e.chain}: {e.message} <small>({e.code})</small>
        </p>
      ))}
      {d.reports.length === 0 && d.errors.length === 0 && <p>No chain answered for this address.</p>}
      {d.reports.map((r) => (
        <article key={r.chain} className="report">
          <h2>
            {r.chain}
            {r.isContract && <span className="chip">contract</span>}
            {!r.valid && <span className="chip status-failed">invalid</span>}
          </h2>
          <dl className="facts">
            {r.nonce !== undefined && (
              <div>
                <dt>Nonce</dt>
                <dd>{r.nonce}</dd>
              </div>
            )}
            {r.pendingCount !== undefined && (
              <div>
                <dt>Pending</dt>
                <dd>{r.pendingCount}</dd>
              </div>
            )}
            <div>
              <dt>Balances</dt>
              <dd>{r.balances.length ? r.balances.map((b) => `${b.display} ${b.symbol}`).join(' · ') : 'none'}</dd>
            </div>
            {r.explorerUrl && (
              <div>
                <dt>Explorer</dt>
                <dd>
                  <a href={r.explorerUrl} target="_blank" rel="noreferrer noopener">
                    Open in explorer<span className="sr-only"> (new tab)</span>
                  </a>
                </dd>
              </div>
            )}
          </dl>
          <Findings findings={r.findings} locale={locale} />
        </article>
      ))}
    </div>
  );
}
