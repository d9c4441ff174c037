import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';

interface Finding {
  code: string;
  severity: string;
  summary: string;
  userMessage: string;
  nextSteps: string[];
  evidence: Record<string, unknown>;
}

interface Diagnosis {
  chain: string;
  chainId?: number;
  hash?: string;
  address?: string;
  status?: string;
  findings: Finding[];
  explorerUrl?: string;
}

const looksLikeTx = (v: string) => /^0x[0-9a-fA-F]{64}$/.test(v) || /^[0-9a-fA-F]{64}$/.test(v) || /^[1-9A-HJ-NP-Za-km-z]{80,90}$/.test(v);

/** Paste any hash or address, get the diagnosis: the tool agents use most. */
export function TxLookup() {
  const [value, setValue] = useState('');
  const [chain, setChain] = useState('');
  const [result, setResult] = useState<Diagnosis | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && document.activeElement?.tagName !== 'INPUT' && document.activeElement?.tagName !== 'TEXTAREA') {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = value.trim();
    if (!v) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const body = { ...(chain ? { chain } : {}) };
      const res = looksLikeTx(v)
        ? await api<Diagnosis>('/api/diagnose/tx', { method: 'POST', body: { hash: v, ...body } })
        : await api<Diagnosis>('/api/address/inspect', { method: 'POST', body: { address: v, ...body } });
      setResult(res);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="lookup-title">
      <h1 id="lookup-title">Transaction lookup</h1>
      <form className="row" onSubmit={submit}>
        <label className="grow">
          <span className="sr-only">Transaction hash or address</span>
          <input ref={input} placeholder="Paste a transaction hash or an address (press / to focus)" value={value} onChange={(e) => setValue(e.target.value)} spellCheck={false} />
        </label>
        <label>
          <span className="sr-only">Chain</span>
          <input className="chain" placeholder="chain (optional)" value={chain} onChange={(e) => setChain(e.target.value.toLowerCase())} />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Diagnose'}
        </button>
      </form>
      <ErrorNotice error={error} />
      {result && <DiagnosisView d={result} />}
    </section>
  );
}

function DiagnosisView({ d }: { d: Diagnosis }) {
  return (
    <div className="diagnosis" aria-live="polite">
      <p className="meta">
        <span className="chip">{d.chain}</span>
        {d.status && <span className={`chip status-${d.status}`}>{d.status}</span>}
        {d.explorerUrl && (
          <a href={d.explorerUrl} target="_blank" rel="noreferrer noopener">
            Open in explorer
          </a>
        )}
      </p>
      {d.findings.length === 0 && <p>No findings.</p>}
      {d.findings.map((f, i) => (
        <article key={`${f.code}-${i}`} className={`finding sev-${f.severity}`}>
          <header>
            <span className={`sev sev-${f.severity}`}>{f.severity}</span> <code>{f.code}</code>
          </header>
          <p className="summary">{f.summary}</p>
          <blockquote className="user-message">{f.userMessage}</blockquote>
          {f.nextSteps.length > 0 && (
            <ol className="steps">
              {f.nextSteps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
          )}
          <details>
            <summary>Evidence</summary>
            <pre>{JSON.stringify(f.evidence, null, 2)}</pre>
          </details>
        </article>
      ))}
    </div>
  );
}
