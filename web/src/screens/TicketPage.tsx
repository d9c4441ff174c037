import { useState, type ReactNode } from 'react';
import { api, type Me } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { Pending } from '../Pending.tsx';
import { utc } from '../lib/format.ts';
import { usePoll } from '../lib/use-poll.ts';
import { Findings, type Finding } from './Findings.tsx';
import { human } from './incident-types.ts';
import { AssignPanel } from './AssignPanel.tsx';
import { reasonText } from './cluster-types.ts';
import { ReplyBox } from './ReplyBox.tsx';
import { TicketCorrelation, TriageCorrection } from './TicketPanels.tsx';
import { localeOf, type Ticket } from './ticket-types.ts';

/** One ticket: the redacted conversation, entities, diagnosis of each hash, KB suggestions and telemetry. */
export function TicketPage({ id, me }: { id: string; me: Me }) {
  const ticket = usePoll((signal) => api<Ticket>(`/api/tickets/${encodeURIComponent(id)}`, { signal }), id);
  const t = ticket.data;
  return (
    <section aria-labelledby="ticket-title">
      <p>
        <a href="#/queue">← Queue</a>
      </p>
      <Pending polled={ticket} height={320} />
      {t && (
        <>
          {t.securityFlags.includes('secret_exposed') && (
            <div className="notice security" role="alert">
              <strong>Security: the user shared a secret (seed phrase, private key or card number).</strong> It was removed before storage and shows as a [REDACTED:…] placeholder. Follow the compromised-wallet playbook: tell the user to move funds to a new wallet now, and never ask for the secret again.
            </div>
          )}
          {t.securityFlags.includes('credential_exposed') && (
            <div className="notice warn" role="status">
              The user shared a credential (password, PIN, CVV or API key); it was redacted. Advise them to change it.
            </div>
          )}
          <h1 id="ticket-title">{t.subject || '(no subject)'}</h1>
          <dl className="facts">
            <div>
              <dt>Priority</dt>
              <dd>
                <span className={`pri ${t.priority}`}>{t.priority.toUpperCase()}</span>
              </dd>
            </div>
            <div>
              <dt>Severity</dt>
              <dd>
                <span className={`sev sev-${t.severity}`}>{t.severity}</span>
              </dd>
            </div>
            <div>
              <dt>Category</dt>
              <dd>
                {human(t.category)} <span className="muted">({Math.round(t.categoryConfidence * 100)}%)</span>
              </dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>{t.status}</dd>
            </div>
            <div>
              <dt>Requester</dt>
              <dd>
                {t.requesterName ?? t.requester ?? '—'} {t.tier === 'vip' && <span className="chip">VIP</span>}
              </dd>
            </div>
            <div>
              <dt>Language · channel</dt>
              <dd>
                {t.language} · {t.channel}
              </dd>
            </div>
            <div>
              <dt>Created</dt>
              <dd>{utc(t.createdAt)}</dd>
            </div>
          </dl>
          <div className="two-col">
            <div>
              <h2>Conversation</h2>
              <ol className="conversation">
                {t.messages.map((m) => (
                  <li key={m.id} className={`msg ${m.authorKind}`}>
                    <div className="muted small">
                      {m.author ?? m.authorKind} · {m.channel} · <time dateTime={m.createdAt}>{utc(m.createdAt)}</time>
                    </div>
                    <p className="body">{withPlaceholders(m.body)}</p>
                  </li>
                ))}
              </ol>
              <h2>Diagnosis</h2>
              {t.entities.txHashes.length === 0 ? <p className="muted">No transaction hash in the conversation. Paste one in Transaction lookup.</p> : t.entities.txHashes.map((h) => <HashDiagnosis key={h.value} hash={h.value} chains={h.chains ?? []} locale={localeOf(t.language)} />)}
              {me.role !== 'viewer' && <ReplyBox ticket={t} onSent={ticket.reload} />}
              <TicketCorrelation ticket={t} />
            </div>
            <aside aria-label="Ticket facts">
              <AssignPanel ticket={t} me={me} onAssigned={ticket.reload} />
              <h2>Problem</h2>
              {t.problem ? (
                <p>
                  <a href={`#/clusters/${encodeURIComponent(t.problem.id)}`}>{t.problem.title}</a>
                  <span className="muted">
                    {' '}
                    · {t.problem.openTickets} open {t.problem.openTickets === 1 ? 'ticket' : 'tickets'}
                    {t.problem.reason ? ` · ${reasonText[t.problem.reason] ?? t.problem.reason}` : ''}
                  </span>
                </p>
              ) : (
                <p className="muted">Not part of a problem: no other open ticket describes the same thing.</p>
              )}
              <h2>Entities</h2>
              <Entities t={t} />
              <h2>Knowledge base</h2>
              {t.kb.length === 0 ? (
                <p className="muted">No suggestion.</p>
              ) : (
                <ul className="plain">
                  {t.kb.map((k) => (
                    <li key={k.slug}>
                      <a href={`#/kb/${k.slug}`}>{k.title}</a> <span className="muted small">score {k.score.toFixed(2)}</span>
                    </li>
                  ))}
                </ul>
              )}
              <h2>Why this triage</h2>
              <ul className="plain small">
                {t.reasons.map((r, n) => (
                  <li key={n}>
                    <span className="chip">{r.supports}</span> {r.kind}: {r.text}
                  </li>
                ))}
              </ul>
              <TriageCorrection ticket={t} me={me} onSaved={ticket.reload} />
            </aside>
          </div>
        </>
      )}
    </section>
  );
}

/** Shows `[REDACTED:kind]` placeholders as marked chips so the agent sees where a secret was. */
function withPlaceholders(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let k = 0;
  for (const m of text.matchAll(/\[REDACTED:[a-z0-9_]+\]/gi)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(
      <mark key={k++} className="redacted">
        {m[0]}
      </mark>,
    );
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function Entities({ t }: { t: Ticket }) {
  const e = t.entities;
  const rows: Array<[string, ReactNode]> = [];
  if (t.chains.length) rows.push(['Chains', t.chains.join(', ')]);
  for (const h of e.txHashes) rows.push(['Tx hash', <code className="hash" key={h.value}>{h.value}</code>]);
  for (const a of e.addresses) rows.push(['Address', <span key={a.value}><code className="hash">{a.value}</code> <span className="muted small">{a.chains.slice(0, 4).join(', ')}{a.chains.length > 4 ? '…' : ''}</span></span>]);
  if (e.tokens.length) rows.push(['Tokens', e.tokens.join(', ')]);
  if (e.amounts.length) rows.push(['Amounts', e.amounts.map((a) => `${a.value}${a.symbol ? ` ${a.symbol}` : ''}`).join(', ')]);
  if (e.platform) rows.push(['Platform', e.platform]);
  if (e.appVersion) rows.push(['App version', e.appVersion]);
  if (!rows.length) return <p className="muted">None found.</p>;
  return (
    <dl className="entities">
      {rows.map(([k, v], n) => (
        <div key={n}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

interface Diagnosis {
  chain: string;
  status: string;
  findings: Finding[];
  explorerUrl?: string;
  searchedChains?: string[];
}

function HashDiagnosis({ hash, chains, locale }: { hash: string; chains: string[]; locale: string }) {
  const [d, setD] = useState<Diagnosis | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setD(await api<Diagnosis>('/api/diagnose/tx', { method: 'POST', body: { hash, locale, ...(chains.length === 1 ? { chain: chains[0] } : {}) } }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="panel">
      <div className="row">
        <code className="hash grow">{hash}</code>
        <button type="button" onClick={() => void run()} disabled={busy}>
          {busy ? 'Checking…' : d ? 'Run again' : 'Run diagnosis'}
        </button>
      </div>
      <ErrorNotice error={error} />
      {d && (
        <div aria-live="polite">
          <p className="meta">
            <span className="chip">{d.chain}</span>
            <span className={`chip status-${d.status}`}>{human(d.status)}</span>
            {d.explorerUrl && (
              <a href={d.explorerUrl} target="_blank" rel="noreferrer noopener">
                Open in explorer<span className="sr-only"> (new tab)</span>
              </a>
            )}
          </p>
          <Findings findings={d.findings} locale={locale} />
        </div>
      )}
    </div>
  );
}
