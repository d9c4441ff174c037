const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const map = new Int8Array(128).fill(-1);
for (let i = 0; i < alphabet.length; i++) map[alphabet.charCodeAt(i)] = i;

/** Number of bytes a base58 string decodes to, or -1 when it is not base58. */
export function base58Length(input: string): number {
  const bytes: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    let carry = c < 128 ? map[c]! : -1;
    if (carry < 0) return -1;
    for (let j = 0; j < bytes.length; j++) {
      carry += bytes[j]! * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  let zeros = 0;
  while (zeros < input.length && input[zeros] === '1') zeros++;
  return zeros + bytes.length;
}
