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
  const text = await request(path, init, 'application/json');
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Like `api`, for answers that are text (Markdown, CSV). */
export async function apiText(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<string> {
  return request(path, init, 'text/markdown, text/plain, application/problem+json');
}

async function request(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal }, accept: string): Promise<string> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const csrf = csrfToken();
  if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
  const res = await fetch(path, { method, headers, credentials: 'same-origin', ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}), ...(init.signal ? { signal: init.signal } : {}) });
  if (res.status === 204) return '';
  const text = await res.text();
  if (!res.ok) {
    let p: { detail?: string; title?: string; hints?: string[]; requestId?: string } = {};
    try {
      p = text ? (JSON.parse(text) as typeof p) : {};
    } catch {
      p = {};
    }
    throw new ApiError(res.status, p.detail ?? p.title ?? `Request failed (${res.status}).`, p.hints ?? [], p.requestId ?? res.headers.get('x-request-id') ?? undefined);
  }
  return text;
}

export interface Me {
  kind: 'user' | 'token';
  id: string;
  name: string;
  role: 'viewer' | 'agent' | 'engineer' | 'admin' | 'ingest';
}
