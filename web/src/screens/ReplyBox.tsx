import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { localeOf, type Ticket } from './ticket-types.ts';

interface Macro {
  id: string;
  title: string;
  bodies: Record<'en' | 'es' | 'pt-BR', string>;
}

interface SentReply {
  messageId: string;
  lang: string;
  body: string;
}

const languageNames: Record<string, string> = { en: 'English', es: 'Spanish', 'pt-BR': 'Portuguese (Brazil)' };

/** Answer in the ticket's language: a localized macro (filled by the server from the ticket) or free text; the server's guard checks both. */
export function ReplyBox({ ticket, onSent }: { ticket: Ticket; onSent: () => void }) {
  const lang = localeOf(ticket.language);
  const [macros, setMacros] = useState<Macro[]>([]);
  const [choice, setChoice] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<SentReply | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api<{ items: Macro[] }>('/api/macros')
      .then((r) => setMacros(r.items))
      .catch(setError);
  }, []);
  const macro = macros.find((m) => m.id === choice);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = macro ? { macro: macro.id } : { bodies: { [lang]: text } };
      const reply = await api<SentReply>(`/api/tickets/${encodeURIComponent(ticket.id)}/replies`, { method: 'POST', body });
      setSent(reply);
      setText('');
      setChoice('');
      onSent();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="reply" onSubmit={submit} aria-labelledby="reply-title">
      <h2 id="reply-title">Reply in {languageNames[lang] ?? lang}</h2>
      <label htmlFor="reply-macro">Macro</label>
      <select id="reply-macro" value={choice} onChange={(e) => setChoice(e.target.value)}>
        <option value="">Write my own</option>
        {macros.map((m) => (
          <option key={m.id} value={m.id}>
            {m.title}
          </option>
        ))}
      </select>
      {macro ? (
        <pre className="macro-preview" aria-label="Macro text">
          {macro.bodies[lang] ?? macro.bodies.en}
        </pre>
      ) : (
        <>
          <label htmlFor="reply-text">Message</label>
          <textarea id="reply-text" rows={5} value={text} onChange={(e) => setText(e.target.value)} />
        </>
      )}
      <p className="muted small">Variables in braces are filled from the ticket and its diagnosis. Replies that ask for a recovery phrase or key, or link to unknown sites, are refused.</p>
      <button type="submit" disabled={busy || (!macro && !text.trim())}>
        {busy ? 'Sending…' : 'Send reply'}
      </button>
      <ErrorNotice error={error} />
      {sent && (
        <div className="notice" role="status">
          Sent ({sent.lang}): <span className="sent-body">{sent.body}</span>
        </div>
      )}
    </form>
  );
}
