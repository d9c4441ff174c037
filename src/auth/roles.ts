import { z } from 'zod';

/** Staff roles, lowest first. `ingest` is a token-only role that may only push (telemetry, ticket intake, community webhooks), never read. */
export const staffRoles = ['viewer', 'agent', 'engineer', 'admin'] as const;
export const roles = [...staffRoles, 'ingest'] as const;

export const StaffRole = z.enum(staffRoles);
export type StaffRole = z.infer<typeof StaffRole>;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/** The roles at or above `min` in the staff order. */
export function atLeast(min: StaffRole): readonly Role[] {
  return staffRoles.slice(staffRoles.indexOf(min));
}

/** Who is asking: a signed-in user, an API token, or nobody. */
export interface Principal {
  kind: 'user' | 'token';
  id: string;
  /** For a user, their id; for a token, the user that created it (if any). */
  userId: string | null;
  name: string;
  role: Role;
  /** Present for cookie sessions; unsafe requests must echo it in `x-csrf-token`. */
  csrfToken?: string;
}
