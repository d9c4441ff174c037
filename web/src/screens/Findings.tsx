import { useState } from 'react';

export interface Finding {
  code: string;
  severity: string;
  summary: string;
  userMessage: string;
  nextSteps: string[];
  evidence: Record<string, unknown>;
}

/** Findings of a diagnosis: the agent's summary, the user message (copyable, in its language) and next steps. */
export function Findings({ findings, locale }: { findings: Finding[]; locale: string }) {
  if (!findings.length) return <p>No findings: nothing unusual was found.</p>;
  return (
    <ul className="findings" aria-label="Findings">
      {findings.map((f, i) => (
        <li key={`${f.code}-${i}`} className={`finding sev-${f.severity}`}>
          <header>
            <span className={`sev sev-${f.severity}`}>{f.severity}</span> <code>{f.code}</code>
          </header>
          <p className="summary">{f.summary}</p>
          <figure className="user-message">
            <figcaption>Tell the user</figcaption>
            <blockquote lang={locale}>{f.userMessage}</blockquote>
            <CopyButton text={f.userMessage} />
          </figure>
          {f.nextSteps.length > 0 && (
            <>
              <h3 className="steps-title">Next steps</h3>
              <ol className="steps" lang={locale}>
                {f.nextSteps.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ol>
            </>
          )}
          <details>
            <summary>Evidence</summary>
            <pre>{JSON.stringify(f.evidence, null, 2)}</pre>
          </details>
        </li>
      ))}
    </ul>
  );
}

function CopyButton({ text }: { text: string }) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="secondary small"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => {
          setDone(true);
          setTimeout(() => setDone(false), 1500);
        });
      }}
    >
      {done ? 'Copied' : 'Copy message'}
    </button>
  );
}
