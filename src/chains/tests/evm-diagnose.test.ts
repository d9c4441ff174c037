import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createWalletClient, http, maxUint256, parseEther, parseGwei, type Address, type Hex } from 'viem';
import { startEvmNode, type EvmNode } from '../../../test/evm-node.ts';
import { createChainService, type ChainService } from '../adapters.ts';
import { diagnoseTransaction } from '../diagnose-tx.ts';
import { inspectAddress } from '../diagnose-address.ts';
import type { TxDiagnosis } from '../port.ts';
import { deployFixtures, type Fixtures } from './evm-fixtures.ts';

let nodeA: EvmNode;
let nodeB: EvmNode;
let fx: Fixtures;
let service: ChainService;
const producedCodes = new Set<string>();

const localChain = (slug: string, node: EvmNode, extra: Record<string, unknown> = {}) => ({ slug, name: slug === 'local' ? 'Local' : 'Local B', family: 'evm', chainId: node.chainId, nativeSymbol: 'ETH', nativeDecimals: 18, rpcUrls: [node.url], finalityBlocks: 3, ...extra });

before(async () => {
  [nodeA, nodeB] = await Promise.all([startEvmNode(), startEvmNode({ chainId: 31338 })]);
  fx = await deployFixtures(nodeA.url, nodeA.chainId);
  service = createChainService({ includeBuiltins: false, custom: [localChain('local', nodeA, { tokens: [{ symbol: 'TK4', address: fx.c.tokenV4, decimals: 18 }] }), localChain('local-b', nodeB)], timeoutMs: 5000, retries: 0 });
});

after(async () => {
  await Promise.all([nodeA?.stop(), nodeB?.stop()]);
});

async function diagnose(hash: string, extra: { chain?: string; raw?: string; rpc?: string; locale?: string; submittedAt?: string } = { chain: 'local' }): Promise<TxDiagnosis> {
  const d = await diagnoseTransaction(service, { hash, ...extra });
  for (const f of d.findings) {
    producedCodes.add(f.code);
    for (const text of [f.summary, f.userMessage, ...f.nextSteps]) assert.doesNotMatch(text, /\{\w+\}/, `unfilled placeholder in ${f.code}: ${text}`);
  }
  assert.doesNotThrow(() => JSON.stringify(d), 'diagnosis must be JSON-serialisable (no bigint)');
  return d;
}

const codes = (d: TxDiagnosis) => d.findings.map((f) => f.code);
const find = (d: TxDiagnosis, code: string) => {
  const f = d.findings.find((x) => x.code === code);
  assert.ok(f, `expected ${code} in ${codes(d).join(', ')}`);
  return f;
};

test('a confirmed native transfer is explained in at most two round trips', async () => {
  const to = fx.accounts[1]!.address;
  const hash = await fx.wallets[0]!.sendTransaction({ to, value: parseEther('1.5'), chain: fx.chain, account: fx.accounts[0]! });
  await fx.pub.waitForTransactionReceipt({ hash });
  const d = await diagnose(hash);
  assert.equal(d.status, 'confirmed');
  assert.equal(d.chain, 'local');
  assert.equal(d.chainId, 31337);
  assert.ok((d.roundTrips ?? 99) <= 2, `round trips ${d.roundTrips}`);
  const f = find(d, 'evm.success.native_transfer');
  assert.equal(f.evidence.value, parseEther('1.5').toString());
  assert.equal(f.evidence.amount, '1.5');
  assert.equal(f.evidence.to, to);
  assert.match(f.userMessage, /1\.5 ETH/);
  find(d, 'evm.success.confirmations');
});

test('behavior: an ERC-20 transfer reports token, symbol, decimals and amount', async () => {
  await fx.call(0, fx.c.tokenV4, 'TokenV4', 'mint', [fx.accounts[0]!.address, parseEther('1000')]);
  const hash = await fx.call(0, fx.c.tokenV4, 'TokenV4', 'transfer', [fx.accounts[1]!.address, parseEther('12.25')]);
  const d = await diagnose(hash);
  assert.equal(d.status, 'confirmed');
  assert.ok((d.roundTrips ?? 99) <= 2);
  const f = find(d, 'evm.success.token_transfer');
  assert.deepEqual([f.evidence.token, f.evidence.symbol, f.evidence.decimals, f.evidence.amount, f.evidence.display, f.evidence.to], [fx.c.tokenV4, 'TK4', 18, parseEther('12.25').toString(), '12.25', fx.accounts[1]!.address]);
});

test('behavior: tokens sent to the token contract itself are flagged', async () => {
  const hash = await fx.call(0, fx.c.tokenV4, 'TokenV4', 'transfer', [fx.c.tokenV4, parseEther('3')]);
  const d = await diagnose(hash);
  const f = find(d, 'evm.recipient.token_contract');
  assert.equal(f.evidence.tokenContract, fx.c.tokenV4);
  assert.equal(f.severity, 'critical');
  assert.equal(codes(d)[0], 'evm.recipient.token_contract', 'the blocking finding comes first');
  const other = await diagnose(await fx.call(0, fx.c.tokenV4, 'TokenV4', 'transfer', [fx.c.tokenV5, parseEther('1')]));
  assert.equal(find(other, 'evm.recipient.token_contract').evidence.tokenContract, fx.c.tokenV5, 'TK4 sent to the TFV token contract');
  const moved = await diagnose(await fx.call(3, fx.c.poisoner, 'Poisoner', 'poison', [fx.c.tokenV4, fx.accounts[0]!.address, fx.c.tokenV5]));
  assert.ok(!codes(moved).includes('evm.recipient.token_contract'), 'tokens a contract moves (router, pool) are not a user mistake');
});

test('behavior: native coins sent to a contract are flagged', async () => {
  const hash = await fx.wallets[0]!.sendTransaction({ to: fx.c.panicker, value: parseEther('0.25'), gas: 100_000n, chain: fx.chain, account: fx.accounts[0]! });
  await fx.pub.waitForTransactionReceipt({ hash });
  const d = await diagnose(hash);
  assert.equal(d.status, 'confirmed');
  assert.equal(find(d, 'evm.recipient.contract').evidence.to, fx.c.panicker);
  find(d, 'evm.success.native_transfer');
});

test('behavior: an unlimited approval is flagged with owner and spender', async () => {
  const hash = await fx.call(2, fx.c.tokenV4, 'TokenV4', 'approve', [fx.c.router, maxUint256]);
  const d = await diagnose(hash);
  const f = find(d, 'evm.security.unlimited_approval');
  assert.deepEqual([f.evidence.owner, f.evidence.spender, f.evidence.symbol, f.evidence.amount], [fx.accounts[2]!.address, fx.c.router, 'TK4', maxUint256.toString()]);
});

test('behavior: a zero-value transfer to a look-alike of a used address is address poisoning', async () => {
  const genuine = '0x1234567890abcdef1234567890abcdef1234abcd' as Address;
  const lookalike = '0x1234aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabcd' as Address;
  await fx.call(0, fx.c.tokenV4, 'TokenV4', 'transfer', [genuine, parseEther('7')]);
  const hash = await fx.call(3, fx.c.poisoner, 'Poisoner', 'poison', [fx.c.tokenV4, fx.accounts[0]!.address, lookalike]);
  const d = await diagnose(hash);
  const f = find(d, 'evm.security.address_poisoning');
  assert.equal(codes(d)[0], 'evm.security.address_poisoning');
  assert.equal((f.evidence.lookalike as string).toLowerCase(), lookalike);
  assert.equal((f.evidence.genuine as string).toLowerCase(), genuine);
  assert.equal(f.evidence.victim, fx.accounts[0]!.address);
  assert.ok((f.evidence.matchingPrefix as number) >= 4 && (f.evidence.matchingSuffix as number) >= 4);
});

test('behavior: dust sent from a look-alike of an address the receiver paid is address poisoning', async () => {
  const genuine = '0xbeef000000000000000000000000000000001111' as Address;
  const lookalike = '0xbeef999999999999999999999999999999991111' as Address;
  await fx.call(0, fx.c.tokenV4, 'TokenV4', 'transfer', [genuine, parseEther('2')]);
  await fx.call(0, fx.c.tokenV4, 'TokenV4', 'mint', [lookalike, parseEther('1')]);
  await fx.test.impersonateAccount({ address: lookalike });
  await fx.test.setBalance({ address: lookalike, value: parseEther('1') });
  const attacker = createWalletClient({ chain: fx.chain, transport: http(nodeA.url), account: lookalike });
  const hash = await attacker.writeContract({ address: fx.c.tokenV4, abi: fx.abi('TokenV4'), functionName: 'transfer', args: [fx.accounts[0]!.address, 1_000_000_000_000n], gas: 100_000n });
  await fx.pub.waitForTransactionReceipt({ hash });
  const f = find(await diagnose(hash), 'evm.security.address_poisoning');
  assert.equal((f.evidence.lookalike as string).toLowerCase(), lookalike);
  assert.equal(f.evidence.victim, fx.accounts[0]!.address);
  assert.equal(f.evidence.amount, '0.000001');
});

test('behavior: a zero-value transfer to an address never used is not poisoning', async () => {
  const hash = await fx.call(3, fx.c.poisoner, 'Poisoner', 'poison', [fx.c.tokenV4, fx.accounts[0]!.address, '0x9999999999999999999999999999999999999999']);
  const d = await diagnose(hash);
  assert.ok(!codes(d).includes('evm.security.address_poisoning'), codes(d).join(', '));
});

test('behavior: an ERC-721 transfer is a token transfer with a token id', async () => {
  await fx.call(0, fx.c.collectible, 'Collectible', 'mint', [fx.accounts[0]!.address, 77n]);
  const hash = await fx.call(0, fx.c.collectible, 'Collectible', 'transferFrom', [fx.accounts[0]!.address, fx.accounts[4]!.address, 77n]);
  const f = find(await diagnose(hash), 'evm.success.token_transfer');
  assert.deepEqual([f.evidence.standard, f.evidence.tokenId, f.evidence.symbol, f.evidence.to], ['erc721', '77', 'COL', fx.accounts[4]!.address]);
});

test('behavior: a panic is a revert with the panic named, in two round trips', async () => {
  const hash = await fx.call(0, fx.c.panicker, 'Panicker', 'divide', [1n, 0n]);
  const d = await diagnose(hash);
  assert.equal(d.status, 'failed');
  assert.ok((d.roundTrips ?? 99) <= 2, `round trips ${d.roundTrips}`);
  const f = find(d, 'evm.failed.revert');
  assert.match(f.summary, /Panic\(0x12\): division or modulo by zero/);
  assert.equal((f.evidence.revert as { kind: string }).kind, 'panic');
});

test('behavior: an unknown custom error is shown with its selector', async () => {
  const d = await diagnose(await fx.call(0, fx.c.panicker, 'Panicker', 'mystery', []));
  const f = find(d, 'evm.failed.revert');
  const revert = f.evidence.revert as { kind: string; selector: string };
  assert.equal(revert.kind, 'unknown_selector');
  assert.match(f.summary, new RegExp(`unknown custom error ${revert.selector}`));
});

test('behavior: transferFrom above the allowance (v4 string and v5 custom error)', async () => {
  await fx.call(0, fx.c.tokenV5, 'TokenV5', 'mint', [fx.accounts[0]!.address, 5_000_000n]);
  const v4 = await diagnose(await fx.call(1, fx.c.tokenV4, 'TokenV4', 'transferFrom', [fx.accounts[0]!.address, fx.accounts[1]!.address, 1n]));
  assert.equal(v4.status, 'failed');
  const f4 = find(v4, 'evm.failed.insufficient_allowance');
  assert.match(f4.summary, /ERC20: insufficient allowance/);
  assert.match(f4.userMessage, /TK4/);
  find(v4, 'evm.failed.revert');
  const v5 = await diagnose(await fx.call(1, fx.c.tokenV5, 'TokenV5', 'transferFrom', [fx.accounts[0]!.address, fx.accounts[1]!.address, 2_000_000n]));
  const f5 = find(v5, 'evm.failed.insufficient_allowance');
  assert.match(f5.summary, /ERC20InsufficientAllowance\(0x70997970C51812dc3A010C7d01b50e0d17dc79C8, 0, 2000000\)/);
  assert.equal((f5.evidence.tokenCall as { display: string }).display, '2');
});

test('behavior: a transfer above the token balance (v4 string and v5 custom error)', async () => {
  const v4 = await diagnose(await fx.call(4, fx.c.tokenV4, 'TokenV4', 'transfer', [fx.accounts[1]!.address, 1n]));
  assert.match(find(v4, 'evm.failed.insufficient_token_balance').summary, /exceeds balance/);
  const v5 = await diagnose(await fx.call(4, fx.c.tokenV5, 'TokenV5', 'transfer', [fx.accounts[1]!.address, 9n]));
  const f = find(v5, 'evm.failed.insufficient_token_balance');
  assert.match(f.summary, /ERC20InsufficientBalance/);
  assert.equal((f.evidence.tokenCall as { balanceBefore: string }).balanceBefore, '0');
});

test('behavior: a swap below its minimum output is slippage; past its deadline, deadline', async () => {
  const far = BigInt(Math.floor(Date.now() / 1000) + 3600);
  const slip = await diagnose(await fx.call(0, fx.c.router, 'Router', 'swapExactTokensForTokens', [1000n, 990n, far]));
  assert.match(find(slip, 'evm.failed.slippage').summary, /UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT/);
  const late = await diagnose(await fx.call(0, fx.c.router, 'Router', 'swapExactTokensForTokens', [1000n, 1n, 1n]));
  assert.match(find(late, 'evm.failed.deadline').summary, /UniswapV2Router: EXPIRED/);
});

test('behavior: a call that uses all its gas is out of gas', async () => {
  const d = await diagnose(await fx.call(0, fx.c.burner, 'GasBurner', 'burn', [], 120_000n));
  assert.equal(d.status, 'failed');
  const f = find(d, 'evm.failed.out_of_gas');
  assert.equal(f.evidence.gasUsed, '120000');
  assert.ok(!codes(d).includes('evm.failed.revert'));
});

test('behavior: pending states — waiting, nonce gap and underpriced — from the pool', async () => {
  await fx.test.setAutomine(false);
  try {
    const sender = fx.accounts[1]!;
    const nonce = await fx.pub.getTransactionCount({ address: sender.address });
    const block = await fx.pub.getBlock();
    const fair = await fx.wallets[1]!.sendTransaction({ to: fx.accounts[2]!.address, value: 1n, nonce, gas: 21_000n, maxFeePerGas: block.baseFeePerGas! * 3n + parseGwei('2'), maxPriorityFeePerGas: parseGwei('1'), chain: fx.chain, account: sender });
    const waiting = await diagnose(fair, { chain: 'local', submittedAt: new Date(Date.now() - 600_000).toISOString() });
    assert.equal(waiting.status, 'pending');
    const w = find(waiting, 'evm.pending.waiting');
    assert.equal(w.evidence.nonce, nonce);
    assert.ok(Math.abs((w.evidence.waitedSec as number) - 600) <= 5, `waited ${w.evidence.waitedSec}`);

    const gapped = await fx.wallets[1]!.sendTransaction({ to: fx.accounts[2]!.address, value: 1n, nonce: nonce + 2, gas: 21_000n, maxFeePerGas: block.baseFeePerGas! * 3n + parseGwei('2'), maxPriorityFeePerGas: parseGwei('1'), chain: fx.chain, account: sender });
    const gap = await diagnose(gapped);
    assert.equal(gap.status, 'pending');
    const g = find(gap, 'evm.pending.nonce_gap');
    assert.equal(g.evidence.missingNonce, nonce + 1);
    assert.match(g.userMessage, new RegExp(`number ${nonce + 1}`));

    const cheapSender = fx.accounts[3]!;
    const cheap = await fx.wallets[3]!.sendTransaction({ to: fx.accounts[2]!.address, value: 1n, gas: 21_000n, maxFeePerGas: block.baseFeePerGas! / 4n, maxPriorityFeePerGas: 1n, chain: fx.chain, account: cheapSender });
    const under = await diagnose(cheap);
    assert.equal(under.status, 'pending');
    const u = find(under, 'evm.pending.underpriced');
    assert.equal(u.evidence.belowBaseFee, true);
    await fx.test.dropTransaction({ hash: cheap });
    await fx.test.dropTransaction({ hash: gapped });
  } finally {
    await fx.test.mine({ blocks: 1 });
    await fx.test.setAutomine(true);
  }
});

async function signed(from: number, tx: { to: Address; value: bigint; nonce: number; maxFeePerGas?: bigint }): Promise<{ raw: Hex; hash: Hex }> {
  const block = await fx.pub.getBlock();
  const raw = await fx.wallets[from]!.signTransaction({ ...tx, gas: 21_000n, maxFeePerGas: tx.maxFeePerGas ?? block.baseFeePerGas! * 2n + parseGwei('1'), maxPriorityFeePerGas: parseGwei('1'), chain: fx.chain, account: fx.accounts[from]! });
  const hash = await fx.pub.sendRawTransaction({ serializedTransaction: raw });
  return { raw, hash };
}

test('behavior: a raw transaction no longer in the pool with its nonce unused is dropped', async () => {
  await fx.test.setAutomine(false);
  try {
    const nonce = await fx.pub.getTransactionCount({ address: fx.accounts[4]!.address });
    const { raw, hash } = await signed(4, { to: fx.accounts[2]!.address, value: 5n, nonce });
    await fx.test.dropTransaction({ hash });
    const d = await diagnose(hash, { chain: 'local', raw });
    assert.equal(d.status, 'dropped');
    const f = find(d, 'evm.tx.dropped');
    assert.deepEqual([f.evidence.from, f.evidence.nonce, f.evidence.latestNonce], [fx.accounts[4]!.address, nonce, nonce]);
    const bare = await diagnose(hash);
    assert.equal(bare.status, 'not_found', 'without the raw transaction nothing ties the hash to a sender');
  } finally {
    await fx.test.setAutomine(true);
  }
});

test('behavior: a raw transaction whose nonce was mined by another is replaced, and the replacement is found', async () => {
  await fx.test.setAutomine(false);
  let original: { raw: Hex; hash: Hex };
  let cancel: { raw: Hex; hash: Hex };
  try {
    const nonce = await fx.pub.getTransactionCount({ address: fx.accounts[4]!.address });
    original = await signed(4, { to: fx.accounts[2]!.address, value: 5n, nonce });
    await fx.test.dropTransaction({ hash: original.hash });
    cancel = await signed(4, { to: fx.accounts[4]!.address, value: 0n, nonce });
    await fx.test.mine({ blocks: 1 });
  } finally {
    await fx.test.setAutomine(true);
  }
  for (let i = 0; i < 5; i++) await fx.wallets[0]!.sendTransaction({ to: fx.accounts[1]!.address, value: 1n, chain: fx.chain, account: fx.accounts[0]! });
  const d = await diagnose(original.hash, { chain: 'local', raw: original.raw });
  assert.equal(d.status, 'replaced');
  const f = find(d, 'evm.tx.replaced');
  assert.equal(f.evidence.replacedBy, cancel.hash);
  assert.equal(f.evidence.replacementKind, 'cancel');
  assert.match(f.userMessage, /cancel/);
});

test('behavior: an unknown hash is not found, and the other chains of the family are searched', async () => {
  const hash = `0x${'ab'.repeat(32)}`;
  const d = await diagnose(hash);
  assert.equal(d.status, 'not_found');
  assert.deepEqual(codes(d), ['evm.tx.not_found']);
  assert.deepEqual(d.searchedChains, ['local', 'local-b']);
  assert.ok((d.roundTrips ?? 99) <= 1);
});

test('behavior: a transaction of another chain is found there (asked chain, search, and --rpc)', async () => {
  const fxB = await deployFixtures(nodeB.url, nodeB.chainId).catch(() => undefined);
  assert.ok(fxB);
  const hash = await fxB.wallets[0]!.sendTransaction({ to: fxB.accounts[1]!.address, value: parseEther('2'), chain: fxB.chain, account: fxB.accounts[0]! });
  await fxB.pub.waitForTransactionReceipt({ hash });

  const asked = await diagnose(hash);
  assert.equal(asked.chain, 'local');
  assert.equal(asked.status, 'not_found');
  assert.deepEqual(asked.foundOn, { chain: 'local-b', chainId: 31338, status: 'confirmed' });
  const f = find(asked, 'evm.tx.found_on_other_chain');
  assert.equal(codes(asked)[0], 'evm.tx.found_on_other_chain');
  assert.match(f.userMessage, /local-b/);
  find(asked, 'evm.success.native_transfer');

  const searched = await diagnose(hash, {});
  assert.equal(searched.chain, 'local-b');
  assert.equal(searched.status, 'confirmed');
  assert.deepEqual(searched.searchedChains, ['local', 'local-b']);

  const byRpc = await diagnose(hash, { rpc: nodeB.url });
  assert.equal(byRpc.chain, 'local-b');
  assert.equal(byRpc.chainId, 31338);
});

test('behavior: user texts come in Spanish and Brazilian Portuguese', async () => {
  const hash = `0x${'cd'.repeat(32)}`;
  const es = await diagnose(hash, { chain: 'local', locale: 'es-MX' });
  assert.match(es.findings[0]!.userMessage, /La red Local no tiene registro/);
  const pt = await diagnose(hash, { chain: 'local', locale: 'pt-BR' });
  assert.match(pt.findings[0]!.userMessage, /A rede Local não tem registro/);
});

test('behavior: address inspect reads balances, nonce, pending count and recent unlimited approvals', async () => {
  const owner = fx.accounts[2]!.address;
  const r = await inspectAddress(service, { address: owner.toLowerCase(), chain: 'local' });
  assert.equal(r.reports.length, 1);
  const report = r.reports[0]!;
  assert.equal(report.address, owner);
  assert.equal(report.isContract, false);
  assert.equal(report.balances[0]!.symbol, 'ETH');
  assert.ok(BigInt(report.balances[0]!.amount) > 0n);
  assert.deepEqual(report.balances.find((b) => b.symbol === 'TK4')?.amount, '0');
  assert.equal(report.nonce, await fx.pub.getTransactionCount({ address: owner }));
  assert.equal(report.pendingCount, 0);
  const approval = report.approvals?.find((a) => a.spender === fx.c.router);
  assert.ok(approval?.unlimited);
  assert.equal(approval.currentAllowance, maxUint256.toString());
  assert.equal(report.findings[0]?.code, 'evm.security.unlimited_approval');
  const contract = await inspectAddress(service, { address: fx.c.tokenV4, chain: 'local' });
  assert.equal(contract.reports[0]!.isContract, true);
  const everywhere = await inspectAddress(service, { address: owner });
  assert.deepEqual(everywhere.reports.map((x) => x.chain), ['local', 'local-b']);
});

test('behavior: the fee market reports the next base fee and tip percentiles', async () => {
  const m = await service.adapterFor(service.registry.get('local')).feeMarket();
  assert.equal(m.chain, 'local');
  assert.ok(BigInt(m.fees.baseFeeWei!) > 0n);
  assert.ok(BigInt(m.fees.priorityFeeP90Wei!) >= BigInt(m.fees.priorityFeeP10Wei!));
});

test('error: a malformed hash, an unknown chain and a raw transaction of another hash are bad input', async () => {
  await assert.rejects(diagnoseTransaction(service, { hash: '0x1234', chain: 'local' }), { name: 'TxHashInvalidError', code: 'VALIDATION' });
  await assert.rejects(diagnoseTransaction(service, { hash: `0x${'ab'.repeat(32)}`, chain: 'nope' }), { name: 'ChainNotFoundError', code: 'NOT_FOUND' });
  const nonce = await fx.pub.getTransactionCount({ address: fx.accounts[4]!.address });
  const { raw } = await signed(4, { to: fx.accounts[2]!.address, value: 1n, nonce });
  await assert.rejects(diagnoseTransaction(service, { hash: `0x${'ef'.repeat(32)}`, chain: 'local', raw }), { name: 'RawTxMismatchError', code: 'VALIDATION' });
  await assert.rejects(diagnoseTransaction(service, { hash: `0x${'ef'.repeat(32)}`, chain: 'local', raw: '0xzz' }), { name: 'RawTxInvalidError' });
  await assert.rejects(inspectAddress(service, { address: '0x12', chain: 'local' }), { name: 'AddressInvalidError' });
});

test('every EVM finding code except the RPC-fault one is produced by a real transaction above', async () => {
  const { evmFindings } = await import('../findings/evm.ts');
  const missing = Object.keys(evmFindings).filter((c) => !producedCodes.has(c) && c !== 'evm.rpc.lagging');
  assert.deepEqual(missing, [], 'evm.rpc.lagging is produced in evm-rpc-faults.test.ts');
});
