import { decodeErrorResult, type Hex } from 'viem';
import { RpcRequestError } from '../rpc/index.ts';
import { knownErrorsAbi, panicReasons, revertClasses, type RevertClass } from './signatures.ts';

export interface DecodedRevert {
  kind: 'error_string' | 'panic' | 'custom' | 'unknown_selector' | 'empty';
  /** Human reason: the string, the panic name, or `Name(args)`. */
  reason: string;
  selector?: string;
  errorName?: string;
  args?: string[];
  panicCode?: number;
  data: string;
}

const stringify = (v: unknown): string => (typeof v === 'bigint' ? v.toString() : Array.isArray(v) ? `[${v.map(stringify).join(',')}]` : String(v));

/** Decodes revert data: Error(string), Panic(uint256), a known custom error, or an unknown selector shown as such. */
export function decodeRevert(data: string | undefined): DecodedRevert {
  if (!data || data === '0x' || data.length < 10) return { kind: 'empty', reason: 'no revert data', data: data ?? '0x' };
  const selector = data.slice(0, 10).toLowerCase();
  try {
    if (selector === '0x08c379a0') {
      const r = decodeErrorResult({ data: data as Hex });
      const reason = String(r.args?.[0] ?? '');
      return { kind: 'error_string', reason, selector, errorName: 'Error', args: [reason], data };
    }
    if (selector === '0x4e487b71') {
      const r = decodeErrorResult({ data: data as Hex });
      const code = Number(r.args?.[0] ?? 0);
      return { kind: 'panic', reason: `Panic(0x${code.toString(16).padStart(2, '0')}): ${panicReasons[code] ?? 'unknown panic code'}`, selector, errorName: 'Panic', panicCode: code, args: [String(code)], data };
    }
    const r = decodeErrorResult({ abi: knownErrorsAbi, data: data as Hex });
    const args = (r.args ?? []).map(stringify);
    return { kind: 'custom', reason: `${r.errorName}(${args.join(', ')})`, selector, errorName: r.errorName, args, data };
  } catch {
    return { kind: 'unknown_selector', reason: `unknown custom error ${selector}`, selector, data };
  }
}

/** The finding class of a decoded revert, if it is one support knows. */
export function classifyRevert(decoded: DecodedRevert): RevertClass | undefined {
  const subject = decoded.kind === 'error_string' ? decoded.reason : decoded.errorName;
  if (!subject) return undefined;
  return revertClasses.find((c) => c.match.test(subject))?.cls;
}

/** Pulls revert data out of an eth_call error: nodes put it in `data` (geth) or `data.data` (hardhat, some providers). */
export function revertDataOf(error: unknown): string | undefined {
  if (!(error instanceof RpcRequestError)) return undefined;
  const d = error.data;
  if (typeof d === 'string' && d.startsWith('0x')) return d;
  if (d && typeof d === 'object') {
    const inner = (d as { data?: unknown }).data;
    if (typeof inner === 'string' && inner.startsWith('0x')) return inner;
    if (inner && typeof inner === 'object' && typeof (inner as { data?: unknown }).data === 'string') return (inner as { data: string }).data;
  }
  return undefined;
}
