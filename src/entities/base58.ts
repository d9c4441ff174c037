import { base58 } from '@scure/base';

/** Number of bytes a base58 string decodes to, or -1 when it is not base58. */
export function base58Length(input: string): number {
  try {
    return base58.decode(input).length;
  } catch {
    return -1;
  }
}
