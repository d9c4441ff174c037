/** A problem+json error from the API, shown to the user as its `detail` and hints. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly hints: string[] = [],
    readonly requestId?: string,
  ) {
    super(detail);
  }
}

function csrfToken(): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith('opsdesk_csrf='))
    ?.slice('opsdesk_csrf='.length);
}

/** Calls the OpsDesk API with the session cookie and CSRF token; throws ApiError on failure. */
export async function api<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const csrf = csrfToken();
  if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
  const res = await fetch(path, { method, headers, credentials: 'same-origin', ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}), ...(init.signal ? { signal: init.signal } : {}) });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const p = (data ?? {}) as { detail?: string; hints?: string[]; requestId?: string };
    throw new ApiError(res.status, p.detail ?? `Request failed (${res.status}).`, p.hints ?? [], p.requestId);
  }
  return data as T;
}

export interface Me {
  kind: 'user' | 'token';
  id: string;
  name: string;
  role: 'viewer' | 'agent' | 'engineer' | 'admin' | 'ingest';
}
