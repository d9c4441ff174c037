import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AccountRole,
  address,
  appendTransactionMessageInstructions,
  createTransactionMessage,
  generateKeyPairSigner,
  getBase64EncodedWireTransaction,
  getSignatureFromTransaction,
  pipe,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  signTransactionMessageWithSigners,
  type Blockhash,
} from '@solana/kit';
import { fixture, startReplayServer, type ReplayRoute } from '../../../test/replay-server.ts';
import { createChainRegistry } from '../registry/registry.ts';
import { createSolanaAdapter, solanaAdapterFactory } from './adapter.ts';

const registry = createChainRegistry();
const FAILED_SIG = '1XGtQ2XJe9gs5Dysp3WZa5MYGRPNpMQXvbDpYXTNaB4HttQAoQ1mhLYmRyNLq9kY8bCkPCzei4DjbdE8QoKSG4q';
const USDC_SIG = '4LXpF3MCdp69iFmD27Sn812UNpqFPHM4qXH7Y12E964p9GHXvwMe1XEmyasogVT2N4XEctdQQLf1sHY6Gvsa5sFX';
const USDC = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const failedTx = () => (fixture('sol-mainnet-gettransaction-failed-custom-41.json') as Json).result as Json;
const usdcTx = () => (fixture('sol-mainnet-usdc-transfer-success.gettransaction.json') as Json).result as Json;
const found = (slot: number) => ({ rpcMethod: 'getSignatureStatuses', result: { context: { slot: slot + 40 }, value: [{ slot, confirmations: null, err: null, confirmationStatus: 'finalized' }] } });

/** The real failed transaction with another error and failing program, as the RPC would report it (same getTransaction shape). */
function failedWith(err: unknown, program: string, failure: string, extraLogs: string[] = []): Json {
  const tx = failedTx();
  tx.meta.err = err;
  tx.meta.status = { Err: err };
  tx.meta.logMessages = [`Program ${program} invoke [1]`, ...extraLogs, `Program ${program} failed: ${failure}`];
  return tx;
}

async function diagnose(routes: ReplayRoute[], sig: string, opts: { raw?: string; locale?: string } = {}) {
  const server = await startReplayServer(routes);
  try {
    const adapter = createSolanaAdapter({ ...registry.get('solana'), rpcUrls: [server.url] }, { timeoutMs: 1000 });
    return await adapter.diagnoseTx(sig, opts);
  } finally {
    await server.close();
  }
}
const codes = (d: { findings: Array<{ code: string }> }) => d.findings.map((f) => f.code);

test('a successful USDC transfer is decoded from the token balances by owner and mint', async () => {
  const d = await diagnose([found(419685246), { rpcMethod: 'getTransaction', result: usdcTx() }], USDC_SIG);
  assert.equal(d.status, 'confirmed');
  assert.deepEqual(codes(d), ['sol.success.token_transfer']);
  const e = d.findings[0]!.evidence;
  assert.deepEqual({ mint: e.mint, amount: e.amount, decimals: e.decimals, from: e.fromOwner, to: e.toOwner }, { mint: USDC, amount: '3800000', decimals: 6, from: '3V9bd3EN5aNuhE4RiHGbZ1eZakJ1F9cDb8V4YLjCG8cg', to: 'B2v68t8MXb9zUms1VQKuCcvjrjKDK6fLd8ZngqmBGy1M' });
  assert.match(d.findings[0]!.userMessage, /^3\.8 tokens/);
  assert.equal(d.explorerUrl, `https://solscan.io/tx/${USDC_SIG}`);
});

test('behavior: a custom error is decoded against the innermost failing program of the logs (real custom 41)', async () => {
  const d = await diagnose([found(131683246), { rpcMethod: 'getTransaction', result: failedTx() }], FAILED_SIG, { locale: 'es' });
  assert.equal(d.status, 'failed');
  assert.deepEqual(codes(d), ['sol.failed.custom_program_error']);
  const e = d.findings[0]!.evidence;
  assert.equal(e.program, 'ZDx8a8jBqGmJyxi1whFxxCo5vG6Q9t4hTzW2GSixMKK');
  assert.equal(e.customCodeHex, '0x29');
  assert.match(d.findings[0]!.userMessage, /comisión de red \(0\.000005 SOL\)/);
});

test('behavior: known program errors map to specific findings', async () => {
  const cases: Array<[Json, string]> = [
    [failedWith({ InstructionError: [2, { Custom: 6001 }] }, 'JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4', 'custom program error: 0x1771', ['Program log: AnchorError occurred. Error Code: SlippageToleranceExceeded.']), 'sol.failed.slippage'],
    [failedWith({ InstructionError: [0, { Custom: 1 }] }, '11111111111111111111111111111111', 'custom program error: 0x1', ['Transfer: insufficient lamports 1000, need 5000000']), 'sol.failed.insufficient_sol'],
    [failedWith({ InstructionError: [1, { Custom: 1 }] }, 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA', 'custom program error: 0x1', ['Program log: Error: insufficient funds']), 'sol.failed.insufficient_token_balance'],
    [failedWith({ InstructionError: [1, 'InvalidAccountData'] }, 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA', 'invalid account data for instruction'), 'sol.failed.recipient_no_token_account'],
    [failedWith({ InstructionError: [1, { Custom: 17 }] }, 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb', 'custom program error: 0x11'), 'sol.failed.token_error'],
    [failedWith({ InstructionError: [3, 'ProgramFailedToComplete'] }, 'JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4', 'exceeded CUs meter at BPF instruction', ['Program JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4 consumed 200000 of 200000 compute units']), 'sol.failed.compute_exceeded'],
    [failedWith({ InstructionError: [0, 'InvalidInstructionData'] }, 'ComputeBudget111111111111111111111111111111', 'invalid instruction data'), 'sol.failed.instruction_error'],
    [failedWith({ InsufficientFundsForRent: { account_index: 1 } }, '11111111111111111111111111111111', 'n/a'), 'sol.failed.insufficient_funds_rent'],
    [failedWith('InsufficientFundsForFee', '11111111111111111111111111111111', 'n/a'), 'sol.failed.insufficient_funds_fee'],
  ];
  for (const [tx, code] of cases) {
    const d = await diagnose([found(131683246), { rpcMethod: 'getTransaction', result: tx }], FAILED_SIG);
    assert.deepEqual(codes(d), [code], code);
  }
  const slip = await diagnose([found(1), { rpcMethod: 'getTransaction', result: cases[0]![0] }], FAILED_SIG, { locale: 'pt-BR' });
  assert.equal(slip.findings[0]!.evidence.errorName, 'SlippageToleranceExceeded');
  assert.match(slip.findings[0]!.userMessage, /slippage/);
});

test('behavior: a native SOL transfer is decoded from the parsed System instruction', async () => {
  const tx = usdcTx();
  tx.meta.preTokenBalances = [];
  tx.meta.postTokenBalances = [];
  tx.transaction.message.instructions = [{ parsed: { info: { destination: 'B2v68t8MXb9zUms1VQKuCcvjrjKDK6fLd8ZngqmBGy1M', lamports: 250000000, source: '3V9bd3EN5aNuhE4RiHGbZ1eZakJ1F9cDb8V4YLjCG8cg' }, type: 'transfer' }, program: 'system', programId: '11111111111111111111111111111111', stackHeight: 1 }];
  const d = await diagnose([found(1), { rpcMethod: 'getTransaction', result: tx }], USDC_SIG);
  assert.deepEqual(codes(d), ['sol.success.native_transfer']);
  assert.equal(d.findings[0]!.evidence.lamports, '250000000');
});

async function signedRaw(microLamportsPerCu: bigint) {
  const payer = await generateKeyPairSigner();
  const price = new Uint8Array(9);
  price[0] = 3;
  new DataView(price.buffer).setBigUint64(1, microLamportsPerCu, true);
  const transfer = new Uint8Array(12);
  transfer[0] = 2;
  new DataView(transfer.buffer).setBigUint64(4, 1_000_000n, true);
  const message = pipe(
    createTransactionMessage({ version: 0 }),
    (m) => setTransactionMessageFeePayerSigner(payer, m),
    (m) => setTransactionMessageLifetimeUsingBlockhash({ blockhash: 'HBYLqApwCP8YGewVETHe6jGV7LBo7r3oRxwUxhzL7pYp' as Blockhash, lastValidBlockHeight: 400_000_000n }, m),
    (m) =>
      appendTransactionMessageInstructions(
        [
          { programAddress: address('ComputeBudget111111111111111111111111111111'), data: price },
          { programAddress: address('11111111111111111111111111111111'), accounts: [{ address: payer.address, role: AccountRole.WRITABLE_SIGNER, signer: payer }, { address: address('B2v68t8MXb9zUms1VQKuCcvjrjKDK6fLd8ZngqmBGy1M'), role: AccountRole.WRITABLE }], data: transfer },
        ],
        m,
      ),
  );
  const signed = await signTransactionMessageWithSigners(message);
  return { raw: getBase64EncodedWireTransaction(signed), signature: getSignatureFromTransaction(signed) };
}

test('behavior: a signature that never landed is dead once its blockhash expired, alive while valid; the priority fee is compared with recent fees', async () => {
  const { raw, signature } = await signedRaw(1000n);
  const notFound = { rpcMethod: 'getSignatureStatuses', result: { context: { slot: 419685300 }, value: [null] } };
  const recent = { rpcMethod: 'getRecentPrioritizationFees', result: Array.from({ length: 150 }, (_, i) => ({ slot: 419685150 + i, prioritizationFee: i % 3 === 0 ? 0 : 50_000 + i })) };
  const expired = await diagnose([notFound, { rpcMethod: 'isBlockhashValid', result: { context: { slot: 419685300 }, value: false } }, recent], signature, { raw });
  assert.equal(expired.status, 'dropped');
  assert.deepEqual(codes(expired), ['sol.tx.blockhash_expired', 'sol.fee.priority_below_recent']);
  assert.equal(expired.findings[1]!.evidence.priceMicroLamports, '1000');
  const alive = await diagnose([notFound, { rpcMethod: 'isBlockhashValid', result: { context: { slot: 419685300 }, value: true } }, { rpcMethod: 'getRecentPrioritizationFees', result: [] }], signature, { raw });
  assert.deepEqual(codes(alive), ['sol.tx.not_landed_yet']);
  assert.equal(alive.status, 'pending');
  const plain = await diagnose([notFound], signature);
  assert.deepEqual(codes(plain), ['sol.tx.not_found']);
  const processing = await diagnose([{ rpcMethod: 'getSignatureStatuses', result: { context: { slot: 5 }, value: [{ slot: 5, confirmations: 0, err: null, confirmationStatus: 'processed' }] } }, { rpcMethod: 'getTransaction', result: null }], signature);
  assert.deepEqual(codes(processing), ['sol.tx.processing']);
});

test('behavior: address inspect reads SOL and SPL balances; invalid addresses are reported; found-elsewhere names the cluster', async () => {
  const owner = 'B2v68t8MXb9zUms1VQKuCcvjrjKDK6fLd8ZngqmBGy1M';
  // getBalance / getTokenAccountsByOwner (jsonParsed) shapes from the Solana RPC docs; the USDC amount is this owner's post balance in the real fixture.
  const server = await startReplayServer([
    { rpcMethod: 'getBalance', result: { context: { slot: 1 }, value: 2039280 } },
    { rpcMethod: 'getTokenAccountsByOwner', result: { context: { slot: 1 }, value: [{ pubkey: 'Efc6bp3wVC2iQpewxRmKdZM8vzt9DCFFhL7EiHYNGunv', account: { data: { parsed: { info: { mint: USDC, owner, tokenAmount: { amount: '15000000', decimals: 6, uiAmountString: '15' } }, type: 'account' }, program: 'spl-token', space: 165 }, executable: false, lamports: 2039280, owner: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA' } }] } },
    { rpcMethod: 'getGenesisHash', result: '5eykt4UsFv8P8NJdTREpY1vzqKqZKvdpKuc147dw2N9d' },
  ]);
  try {
    const adapter = createSolanaAdapter({ ...registry.get('solana'), rpcUrls: [server.url] });
    const r = await adapter.inspectAddress(owner);
    assert.deepEqual(codes(r), ['sol.address.summary']);
    assert.deepEqual(r.balances.map((b) => b.display), ['0.00203928', '15']);
    const bad = await adapter.inspectAddress('0x52908400098527886E0F7030069857D2E4169EE7');
    assert.deepEqual(codes(bad), ['sol.address.invalid']);
    assert.equal((await solanaAdapterFactory.identify(server.url, {}, registry)).slug, 'solana');
    const f = adapter.describeFoundElsewhere(USDC_SIG, { chain: 'solana-devnet', hash: USDC_SIG, status: 'confirmed', findings: [], checkedAt: '' });
    assert.equal(f.code, 'sol.tx.found_on_other_chain');
  } finally {
    await server.close();
  }
});

test('error: bad JSON, JSON-RPC errors and malformed input end in clear errors', async () => {
  await assert.rejects(diagnose([{ rpcMethod: 'getSignatureStatuses', body: '<html>502' }], USDC_SIG), { name: 'ChainRpcBadResponseError' });
  await assert.rejects(diagnose([{ rpcMethod: 'getSignatureStatuses', rpcError: { code: -32005, message: 'Node is behind by 42 slots' } }], USDC_SIG), (e: Error & { context?: Record<string, unknown> }) => e.name === 'ChainRpcError' && e.context?.rpcCode === -32005);
  await assert.rejects(diagnose([found(1), { rpcMethod: 'getTransaction', result: { slot: 'x' } }], USDC_SIG), { name: 'ChainRpcBadResponseError' });
  await assert.rejects(diagnose([], 'not-a-signature'), { name: 'TxIdInvalidError' });
  await assert.rejects(diagnose([], USDC_SIG, { raw: 'AAAA' }), { name: 'RawTxUndecodableError' });
});
