import { startDevnet } from '../src/demo/devnet.ts';
import { tempDir } from './tmp.ts';

export interface EvmNode {
  url: string;
  pid: number;
  chainId: number;
  stop(): Promise<void>;
}

export interface EvmNodeOptions {
  chainId?: number;
  /** Interval mining in milliseconds (in addition to automine when both are on). */
  blockTimeMs?: number;
  /** Mine a block for every transaction (default true). */
  automine?: boolean;
}

/** The default hardhat accounts' private keys (mnemonic "test test … junk"), funded with 10000 ETH each. */
export const hardhatKeys = [
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
  '0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a',
] as const;

/**
 * Starts a local hardhat JSON-RPC node on 127.0.0.1 and a free port (src/demo/devnet.ts, shared with the
 * demo); `stop()` kills it by PID. Failed transactions are mined and answered like a real node.
 */
export async function startEvmNode(options: EvmNodeOptions = {}): Promise<EvmNode> {
  const tmp = tempDir('opsdesk-hardhat-');
  try {
    const node = await startDevnet({ dir: tmp.dir, ...options });
    return {
      ...node,
      async stop() {
        await node.stop();
        tmp.remove();
      },
    };
  } catch (err) {
    tmp.remove();
    throw err;
  }
}
