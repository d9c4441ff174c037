import type { Me } from '../api.ts';

const order: Me['role'][] = ['viewer', 'agent', 'engineer', 'admin'];

/** True when the role is at least `min` (the API enforces the same ladder). */
export function atLeast(role: Me['role'], min: Me['role']): boolean {
  return order.indexOf(role) >= order.indexOf(min);
}
