import { ApiError } from './api.ts';

/** Shows an API problem+json error: its detail, its hints and the request id. */
export function ErrorNotice({ error }: { error: unknown }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : new ApiError(0, error instanceof Error ? error.message : String(error));
  return (
    <div className="notice error" role="alert">
      <strong>{e.detail}</strong>
      {e.hints.length > 0 && (
        <ul>
          {e.hints.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      )}
      {e.requestId && <small>Request id {e.requestId}</small>}
    </div>
  );
}
