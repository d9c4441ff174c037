import { addSource, createCommunityDeps, ingestPosts, listSources, type RawPost } from '../../community/index.ts';
import type { Runtime } from '../../main.ts';

interface Post {
  channel: string;
  author: string;
  authorName: string;
  minutesAgo: number;
  text: string;
}

/** Posts in the community's voice: questions, praise, complaints and one impersonation scam. */
const posts: Post[] = [
  { channel: 'r/wallet', author: 'u1', authorName: 'cryptonewbie22', minutesAgo: 340, text: 'Just moved from another wallet, the swap UI is really clean. Any tips for saving on gas on Ethereum?' },
  { channel: 'r/wallet', author: 'u2', authorName: 'hodl_maria', minutesAgo: 300, text: 'PSA: I got a 0 value token transfer from an address that looks exactly like my exchange address. Always check the full address before copying from history!' },
  { channel: 'telegram', author: 'u3', authorName: 'Joao', minutesAgo: 280, text: 'Alguém mais com transação pendente na Ethereum? A minha está travada há horas.' },
  { channel: 'telegram', author: 'u4', authorName: 'Wallet Support Team', minutesAgo: 250, text: 'Hello! If your transaction is stuck, DM me your recovery phrase and I will validate your wallet to unlock it: https://wallet-validate-support.example.net' },
  { channel: 'discord', author: 'u5', authorName: 'sofi', minutesAgo: 230, text: '¿Alguien sabe por qué falló mi swap? Dice slippage, no entiendo qué es eso.' },
  { channel: 'discord', author: 'u6', authorName: 'kenji_w', minutesAgo: 200, text: 'Love the new 9.2.0 update, the balance screen is so much faster now.' },
  { channel: 'r/wallet', author: 'u7', authorName: 'throwaway_eth', minutesAgo: 180, text: 'Sent tokens to the token contract address by mistake. Is there any way to get them back? Feeling really stupid.' },
  { channel: 'app-store', author: 'u8', authorName: 'Priya N.', minutesAgo: 150, text: 'Good wallet but fees shown before confirming are often lower than what I actually pay. 3 stars.' },
  { channel: 'telegram', author: 'u9', authorName: 'Minh', minutesAgo: 120, text: 'Is staking available for ETH in the app yet? Could not find it.' },
  { channel: 'discord', author: 'u10', authorName: 'lukas', minutesAgo: 90, text: 'Ledger over bluetooth keeps disconnecting on Android 14, anyone else?' },
  { channel: 'r/wallet', author: 'u11', authorName: 'defi_dan', minutesAgo: 60, text: 'The WalletConnect flow is much more reliable since last week. Nice work team.' },
  { channel: 'play-store', author: 'u12', authorName: 'Ana S.', minutesAgo: 30, text: 'Aplicativo ótimo, mas às vezes o saldo demora para atualizar. 4 estrelas.' },
];

/** Stores the demo's community posts through the real ingest (redaction, entities, topics, sentiment, scam watch). */
export async function seedCommunity(runtime: Runtime): Promise<number> {
  const tickets = await runtime.tickets().catch(() => undefined);
  const deps = await createCommunityDeps({ store: runtime.store, clock: runtime.clock, config: runtime.config, monitor: runtime.monitor, registry: runtime.chains.registry, ...(tickets ? { triager: tickets.triager } : {}) });
  const existing = (await listSources(deps)).find((s) => s.name === 'demo-community');
  const source = existing ?? (await addSource(deps, { kind: 'webhook', name: 'demo-community' }));
  const now = runtime.clock.nowMs();
  const raw: RawPost[] = posts.map((p, i) => ({ externalId: `demo-post-${i}`, authorId: p.author, authorName: p.authorName, channel: p.channel, text: p.text, postedAt: new Date(now - p.minutesAgo * 60_000).toISOString() }));
  const report = await ingestPosts(deps, source, { posts: raw, rejected: [] });
  return report.inserted;
}
