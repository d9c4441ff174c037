import type { Runtime } from '../../main.ts';

/** The status page of the demo wallet: groups and components users recognise. */
const layout: Array<{ group: string; components: Array<{ name: string; description: string }> }> = [
  { group: 'Wallet app', components: [{ name: 'Balances', description: 'Balances and token lists' }, { name: 'Send', description: 'Sending coins and tokens' }, { name: 'Swaps', description: 'Quotes and swaps on every chain' }] },
  { group: 'Networks', components: [{ name: 'Ethereum', description: 'Ethereum (demo devnet)' }, { name: 'Polygon', description: 'Polygon PoS' }, { name: 'BNB Smart Chain', description: 'BNB Smart Chain' }, { name: 'Solana', description: 'Solana' }, { name: 'Tron', description: 'Tron' }] },
  { group: 'Services', components: [{ name: 'Card purchases', description: 'Buying crypto with a card' }, { name: 'Push notifications', description: 'Transaction notifications' }] },
];

/** Adds the status page components through the incidents service; names already there are skipped. */
export async function seedStatusPage(runtime: Runtime): Promise<number> {
  const existing = new Set((await runtime.incidents.listComponents()).map((c) => c.name));
  let added = 0;
  for (const [g, section] of layout.entries()) {
    const group = existing.has(section.group) ? undefined : await runtime.incidents.addComponent({ name: section.group, group: true, position: g * 10 });
    if (group) added++;
    const groupId = group?.id ?? (await runtime.incidents.listComponents()).find((c) => c.name === section.group)?.id;
    for (const [i, c] of section.components.entries()) {
      if (existing.has(c.name)) continue;
      await runtime.incidents.addComponent({ name: c.name, description: c.description, position: g * 10 + i + 1, ...(groupId ? { groupId } : {}) });
      added++;
    }
  }
  return added;
}
