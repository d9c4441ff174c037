import { z } from 'zod';
import { Role } from './roles.ts';

export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: Role,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const CreateTokenInput = z.object({
  name: z.string().trim().min(1).max(200),
  role: Role,
  expiresInDays: z.number().int().positive().max(3650).optional(),
});
export type CreateTokenInput = z.input<typeof CreateTokenInput>;

/** Secrets look like `ods_<base64url>`; the first 12 characters are kept to recognise a token. */
export const tokenPrefix = 'ods_';
