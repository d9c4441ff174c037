// Ordinary support messages: the things a redactor must leave alone.
import { createHash } from 'node:crypto';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import { wordlist as portuguese } from '@scure/bip39/wordlists/portuguese.js';
import { wordlist as spanish } from '@scure/bip39/wordlists/spanish.js';
import { base58, type OrdinarySample, type Rng } from './redaction-corpus-gen.ts';

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const hexOf = (rng: Rng, n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rng() * 16)]).join('');
const b58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const b58Of = (rng: Rng, n: number) => Array.from({ length: n }, () => pick(rng, [...b58])).join('');

const evmAddress = (rng: Rng) => '0x' + hexOf(rng, 40);
const txHash = (rng: Rng) => '0x' + hexOf(rng, 64);
const btcHash = (rng: Rng) => hexOf(rng, 64);
// an ed25519 signature is R || S with S below the group order, so its last byte is at most 0x10
const solSig = (rng: Rng) => {
  const sig = Uint8Array.from({ length: 64 }, () => Math.floor(rng() * 256));
  sig[63] = sig[63]! & 0x0f;
  return base58(sig);
};
const btcAddress = (rng: Rng) => pick(rng, ['bc1q', '1', '3']) + b58Of(rng, 30).toLowerCase().replace(/[^a-z0-9]/g, 'q');
const tronAddress = (rng: Rng) => 'T' + b58Of(rng, 33);
const solAddress = (rng: Rng) => b58Of(rng, 44);
const xpub = (rng: Rng) => pick(rng, ['xpub', 'ypub', 'zpub']) + b58Of(rng, 107);
const amount = (rng: Rng) => pick(rng, [`${int(rng, 1, 5000)}.${int(rng, 0, 99)} USDT`, `${int(rng, 0, 3)},${int(rng, 1, 999)} ETH`, `$${int(rng, 5, 20000)}`, `R$ ${int(rng, 10, 9000)},00`, `${int(rng, 1, 99)} BNB`, `0.000${int(rng, 1, 999)} BTC`, `${int(rng, 1, 9)} 000 TRX`]);

// Everyday words that are on the BIP-39 lists, so prose made of them is the hard case.
const enCommon = 'about above account action actual address again agree all also always amount answer any app area around ask balance because before best better between bridge business call can card case change check choose claim close coin come confirm connect control cost could country course cover credit crypto current day deal delay deposit detail device different direct display door during early easy either empty end enough enter error even exchange exist expect extra fee few field file final find fine first fix follow force forget fortune found friend front fuel fund future gas give good great group have help hidden high history hold home hope hour idea image increase index inform inside into issue item just keep key kind know large later laptop learn leave left level life like limit link list little load local lock long lost machine main make manage market matter mean message method middle minute miss mistake mobile moment month more must name need network never news next night normal note nothing notice now number object obtain off offer often okay old once one only open option order other outside over page paper pass payment people person phone place please point position possible power present price private problem process profit program proof provide public pull purchase push question quick random rate ready real reason receive record reduce refund release remain remember remove repeat report request require result return review right risk route safe same save scan screen search second secret security seed select sell send service session setup share short show side sign similar simple since slow small smart social solution soon sorry sort source speak special spend split stable start state stay step still stock sudden suggest supply support sure swap system task team tell test text thank that then there they thing this time today token total track trade transfer trouble true try turn twice type under unit until update upgrade usage use useful valid version very wait wallet want warning way web weekend what when where while whole will window wish with word work world worry wrong year you'.split(' ');
const enList = new Set(english);
const inList = enCommon.filter((w) => enList.has(w));
const esList = new Set(spanish.map((w) => w.normalize('NFC')));
const ptList = new Set(portuguese);

const enTemplates = [
  (r: Rng) => `Hi, I sent ${amount(r)} to ${evmAddress(r)} on BSC about ${int(r, 2, 9)} hours ago and it still shows pending. Tx hash: ${txHash(r)}. Please help!`,
  (r: Rng) => `I would like to know why my account balance is still zero after I made a transfer from the exchange. The txid is ${btcHash(r)} and my address is ${btcAddress(r)}.`,
  (r: Rng) => `Swap failed, lost gas fee. https://etherscan.io/tx/${txHash(r)} - version ${int(r, 8, 10)}.${int(r, 0, 9)}.${int(r, 0, 9)} on iPhone`,
  (r: Rng) => `My USDT TRC20 deposit to ${tronAddress(r)} did not arrive. Transaction: ${btcHash(r)}. Order ID ${int(r, 1e9, 9e9)}${int(r, 100000, 999999)}`,
  (r: Rng) => `Solana transfer stuck: https://solscan.io/tx/${solSig(r)} from ${solAddress(r)}`,
  (r: Rng) => `watch-only wallet with my ${xpub(r)} does not show the balance, block ${int(r, 800000, 900000)}`,
  (r: Rng) => `Card payment declined, reference ${int(r, 100000000, 999999999)}${int(r, 1000000, 9999999)}, amount ${amount(r)}, call me at +1 ${int(r, 200, 999)} ${int(r, 200, 999)} ${int(r, 1000, 9999)}`,
  (r: Rng) => `I never shared my private key or seed phrase with anyone, but someone moved my funds. Hash ${txHash(r)}`,
  (r: Rng) => `The block hash ${btcHash(r)} shows ${int(r, 1, 6)} confirmations and my nonce is ${int(r, 1, 400)}`,
  (r: Rng) => `After the update I see a blank screen. Logs: ts=${int(r, 1.6e12, 1.8e12)} code=${int(r, 100, 599)} device id ${hexOf(r, 16)}`,
  (r: Rng) => `bought ${amount(r)} with card ending ${int(r, 1000, 9999)} on ${int(r, 1, 28)}/${int(r, 1, 12)}/2026 but nothing shows, payment id ${int(r, 1e12, 9e12)}`,
  (_r: Rng) => `forgot my password, the password reset is not working and my password is wrong every time`,
  (r: Rng) => `How do I export the public key? I only see the address ${evmAddress(r)} and contract ${evmAddress(r)}`,
  (r: Rng) => `phone: +55 11 9${int(r, 1000, 9999)}-${int(r, 1000, 9999)}, ticket #${int(r, 100000, 999999)}, my pin is not asked anymore`,
];
const esTemplates = [
  (r: Rng) => `Hola, envié ${amount(r)} a ${evmAddress(r)} por la red BEP20 y no llega. Transacción: ${txHash(r)}. ¿Qué puedo hacer?`,
  (r: Rng) => `No me aparece el saldo. El hash de la transacción es ${btcHash(r)} y la dirección ${tronAddress(r)}.`,
  (r: Rng) => `Buenas, la aplicación se cierra sola en android versión ${int(r, 8, 10)}.${int(r, 0, 9)}, número de pedido ${int(r, 1e9, 9e9)}${int(r, 1000, 9999)}`,
  (r: Rng) => `Perdí mi contraseña y la contraseña no funciona, nunca compartí mi clave privada. hash ${txHash(r)}`,
];
const ptTemplates = [
  (r: Rng) => `Olá, enviei ${amount(r)} para ${evmAddress(r)} na rede Polygon e não chegou. Transação: ${txHash(r)}`,
  (r: Rng) => `Meu saldo sumiu depois da atualização. Hash da transação ${btcHash(r)}, endereço ${btcAddress(r)}`,
  (r: Rng) => `Comprei com cartão, protocolo ${int(r, 1e9, 9e9)}${int(r, 100000, 999999)}, valor ${amount(r)}, esqueci minha senha`,
  (r: Rng) => `nunca passei minha chave privada nem as palavras de recuperação, mas sumiu tudo. tx ${txHash(r)}`,
];

// Natural sentences dense with words that are also on the BIP-39 lists (real tickets run ~50% list
// words; these run higher), with slots filled from list nouns: the near-miss for seed phrases.
const enSentences = [
  'I want to swap my {n} but the fee is too high and the app shows an error',
  'Please help, what have they done with my account balance? It was there this morning',
  'You can check that this transfer will never work because the bridge is slow',
  'Why does my {n} balance show zero after the last update',
  'I tried again and again but the same error message appears on the screen every time',
  'My friend sent me some {n} yesterday and I still cannot see it in the wallet',
  'The price changed during the swap and I lost more than half of the amount',
  'How long do I need to wait before the deposit shows up in my account',
  'Is there any way to cancel or speed up a transfer that is still pending',
  'I think someone has access to my wallet, a strange {n} appeared in my history',
  'Thank you for the quick answer, I will try that and report back',
  'Sorry for the trouble but the {n} tab is empty since this morning',
  'After I connect the app to the exchange I see a blank page and nothing happens',
  'Could you explain what this fee is for and why it is so high today',
  'The card was declined twice even though I have enough balance on it',
  'Where can I find the option to change the network for my {n}',
  'I made a mistake and sent the {n} to the wrong network, can I recover it',
  'Every time I open the app it asks me to update but the store has no new version',
  'Just wanted to say the new design looks great but the chart does not load',
  'My staking rewards stopped last week and the total did not change since',
  'They told me to write to support so here I am, please fix this problem soon',
  'Can you please check my order, I paid with a card and the coins never came',
  'I lost access to my old phone, what should I do to keep my {n} safe',
  'This is the third time I ask and nobody gave me a real answer yet',
  'The swap said success but the {n} never arrived in my wallet',
];
const esSentences = [
  'Hola, necesito ayuda con mi cuenta porque el saldo aparece en cero',
  'Envié {n} a otra billetera y todavía no llega, ya pasaron dos horas',
  'La aplicación muestra un error cada vez que intento hacer un cambio',
  'No entiendo por qué la comisión es tan alta hoy, antes era menos',
  'Por favor revisen mi caso, es urgente y no sé qué hacer',
  'Compré con tarjeta y el dinero salió de mi banco pero no veo nada',
];
const ptSentences = [
  'Olá, preciso de ajuda porque meu saldo aparece zerado depois da atualização',
  'Enviei {n} para outra carteira e ainda não chegou, já faz duas horas',
  'O aplicativo mostra um erro toda vez que tento fazer uma troca',
  'Não entendo por que a taxa está tão alta hoje, antes era menor',
  'Por favor verifiquem meu caso, é urgente e não sei o que fazer',
  'Comprei com cartão e o dinheiro saiu do banco mas não vejo nada',
];
function sentences(r: Rng, bank: string[], fill: string[], n: number): string {
  return Array.from({ length: n }, () => pick(r, bank).replace(/\{n\}/g, () => pick(r, fill)) + pick(r, ['. ', '! ', '? ', ', ', ' '])).join('').trim();
}
const listyProse = (r: Rng) => sentences(r, enSentences, inList, int(r, 2, 5));

/** A few sentences of ticket prose in English, Spanish or Portuguese. */
export function ticketProse(r: Rng): string {
  const lang = int(r, 0, 5);
  return lang < 4 ? listyProse(r) : lang === 4 ? listyOther(r, esSentences, esList) : listyOther(r, ptSentences, ptList);
}
const listyOther = (r: Rng, bank: string[], set: Set<string>) => sentences(r, bank, [...set].slice(0, 400), int(r, 1, 3));

// Public keys, hashes with every label, IDs, logs and mentions of secrets without a secret.
const uuid = (r: Rng) => `${hexOf(r, 8)}-${hexOf(r, 4)}-4${hexOf(r, 3)}-a${hexOf(r, 3)}-${hexOf(r, 12)}`;
const edgeTemplates = [
  (r: Rng) => `public key: 0x04${hexOf(r, 128)}`,
  (r: Rng) => `compressed pubkey 0${pick(r, ['2', '3'])}${hexOf(r, 64)} for my ledger`,
  (r: Rng) => `${pick(r, ['txid', 'TxID:', 'hash:', 'Transaction hash', 'Hash de la transacción:', 'hash da transação', 'tx', 'block hash'])} ${pick(r, [btcHash, txHash])(r)}`,
  (r: Rng) => `${pick(r, ['https://mempool.space/tx/', 'https://blockstream.info/tx/', 'https://tronscan.org/#/transaction/', 'https://bscscan.com/tx/0x', 'https://blockchair.com/bitcoin/transaction/'])}${btcHash(r)}`,
  (r: Rng) => `${btcHash(r)}`,
  (r: Rng) => `Did someone get my private key? I see this outgoing transaction: ${txHash(r)}`,
  (r: Rng) => `I did not give my seed phrase to anyone. Here is the hash ${btcHash(r)} and the address ${evmAddress(r)}`,
  (r: Rng) => `{"level":"error","msg":"signing failed","password":"","pin_required":true,"cvv_check":"pass","device":"${uuid(r)}","ts":${int(r, 1.6e12, 1.8e12)}}`,
  (r: Rng) => `my password is ${int(r, 8, 16)} characters long and has symbols, still wrong`,
  (r: Rng) => `The PIN screen asks for ${pick(r, [4, 6])} digits, my pin is not working since update ${int(r, 9, 10)}.${int(r, 0, 9)}.${int(r, 0, 9)}`,
  (r: Rng) => `Steps:\n1. open the app\n2. tap swap\n3. select ${pick(r, ['USDT', 'ETH', 'BNB'])}\n4. confirm\n5. error ${int(r, 100, 999)}`,
  (r: Rng) => `session ${uuid(r)} ip 10.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 0, 255)} color #${hexOf(r, 6)} build ${int(r, 1000, 99999)}`,
  (_r: Rng) => `Menu items missing: swap, bridge, stake, earn, buy, sell, market, browser, settings, security, notifications, wallet connect`,
  (r: Rng) => `xpub: ${xpub(r)}\nderivation m/84'/0'/0'`,
  (r: Rng) => `I sent ${int(r, 1, 9)} ${int(r, 100, 999)} ${int(r, 100, 999)} SHIB, about ${int(r, 1, 9)}.${int(r, 100, 999)},${int(r, 10, 99)} reais`,
  (r: Rng) => `Sol signature ${solSig(r)} and account ${solAddress(r)}`,
  (r: Rng) => `The API key field in settings is empty, where do I get an API key? Bearer of account ${int(r, 1000, 9999)}`,
  (r: Rng) => `Phone ${pick(r, ['+1', '+44', '+55', '+34'])} ${int(r, 100000000, 999999999)}${int(r, 10, 99)}, order number ${int(r, 1e9, 9e9)}${int(r, 100000, 999999)}`,
];

/** One ordinary message (no secret in it). */
export function ordinarySample(rng: Rng, i: number): OrdinarySample {
  const k = i % 10;
  if (k < 2) return { form: 'edge', text: pick(rng, edgeTemplates)(rng) + (rng() < 0.3 ? ' ' + listyProse(rng) : '') };
  if (k < 4) return { form: 'en-ticket', text: pick(rng, enTemplates)(rng) + (rng() < 0.5 ? ' ' + listyProse(rng) : '') };
  if (k === 4) return { form: 'es-ticket', text: pick(rng, esTemplates)(rng) + ' ' + listyOther(rng, esSentences, esList) };
  if (k === 5) return { form: 'pt-ticket', text: pick(rng, ptTemplates)(rng) + ' ' + listyOther(rng, ptSentences, ptList) };
  if (k === 6) return { form: 'listy-prose', text: listyProse(rng) + ' ' + listyProse(rng) };
  if (k === 7) return { form: 'hash-dump', text: `txs:\n${Array.from({ length: int(rng, 2, 6) }, () => pick(rng, [txHash, btcHash, solSig])(rng)).join('\n')}` };
  if (k === 8) return { form: 'numbers', text: `order ${int(rng, 1e12, 9e12)} paid ${amount(rng)} at ${int(rng, 1.6e12, 1.8e12)}; sha256 ${createHash('sha256').update(String(i)).digest('hex')}; iban ES${int(rng, 10, 99)} ${int(rng, 1000, 9999)} ${int(rng, 1000, 9999)} ${int(rng, 10, 99)} ${int(rng, 1e9, 9e9)}` };
  return { form: 'mixed', text: `${pick(rng, enTemplates)(rng)}\n${pick(rng, esTemplates)(rng)}\n${pick(rng, ptTemplates)(rng)}` };
}
