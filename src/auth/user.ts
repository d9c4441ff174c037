import { z } from 'zod';
import { StaffRole } from './roles.ts';

export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: StaffRole,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

export const CreateUserInput = z.object({
  email: z.string().trim().toLowerCase().email('must be an e-mail address'),
  name: z.string().trim().min(1).max(200).optional(),
  role: StaffRole,
  password: z.string().min(12, 'must be at least 12 characters').max(1024).optional(),
});
export type CreateUserInput = z.input<typeof CreateUserInput>;

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: number;
  must_change_password: number;
  created_at: string;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: StaffRole.parse(row.role),
    disabled: Number(row.disabled) === 1,
    mustChangePassword: Number(row.must_change_password) === 1,
    createdAt: row.created_at,
  };
}
