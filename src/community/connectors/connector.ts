import type { ParsedPosts, SourceSettings } from '../source.ts';
import type { FetchOutcome } from './http.ts';

/** Where a polled source stopped: its cursor and the validators of its last listing response. */
export interface PollState {
  cursor: string | null;
  etag: string | null;
  lastModified: string | null;
}

export interface PollInput {
  url: string;
  settings: SourceSettings;
  state: PollState;
  /** GET a URL; `conditional` sends the stored ETag / Last-Modified (only for the source's listing URL). */
  get(url: string, conditional: boolean): Promise<FetchOutcome>;
  env: Readonly<Record<string, string | undefined>>;
}

export interface PollOutcome extends ParsedPosts {
  state: PollState;
  notModified: boolean;
  requests: number;
}
