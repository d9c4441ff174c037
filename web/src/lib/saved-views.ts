import { api } from '../api.ts';

/**
 * Saved queue views: named filter sets kept on the server per user (GET/PUT/DELETE /api/queue/views),
 * so they follow the user to any browser. `assignee: "mine"` means whoever applies the view.
 */
export type QueueFilters = Record<string, string>;

export interface SavedView {
  name: string;
  filters: QueueFilters;
}

export async function loadViews(signal?: AbortSignal): Promise<SavedView[]> {
  return (await api<{ items: SavedView[] }>('/api/queue/views', signal ? { signal } : {})).items;
}

/** Saves (or replaces, by name) a view and returns the new list. */
export async function saveView(view: SavedView): Promise<SavedView[]> {
  await api(`/api/queue/views/${encodeURIComponent(view.name)}`, { method: 'PUT', body: { filters: view.filters } });
  return loadViews();
}

export async function deleteView(name: string): Promise<SavedView[]> {
  await api(`/api/queue/views/${encodeURIComponent(name)}`, { method: 'DELETE' });
  return loadViews();
}
