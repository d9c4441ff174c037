import type { ScenarioTx } from '../scenarios/scenario.ts';

/** One ticket as a user writes it. `{hash}` and `{address}` are filled from the scenario transaction. */
export interface TicketText {
  lang: 'en' | 'es' | 'pt';
  subject: string;
  body: string;
  scenario?: ScenarioTx['key'];
  tier?: 'vip';
  /** The app the user runs; the incident's tickets come from the affected segment (android 9.2.0). */
  app?: { platform: string; version: string };
}

/**
 * A fake seed phrase with a valid BIP-39 checksum (generated from fixed bytes, never holding funds):
 * the intake must redact it before anything is stored, and the demo shows that it does.
 */
export const fakeSeedPhrase = 'arctic live gadget display excess mandate sniff autumn people disorder affair horn';

/** Tickets about the devnet scenario transactions. */
export const scenarioTickets: TicketText[] = [
  { lang: 'en', scenario: 'failed_swap', subject: 'Swap failed but I still paid gas??', body: 'I tried to swap 250 dUSD on Ethereum and it says failed. The fee is gone though! tx {hash}. What happened, do I get the gas back?' },
  { lang: 'es', scenario: 'failed_swap', subject: 'El swap falló', body: 'Hola, intenté cambiar mis dUSD y la transacción falló, pero me cobraron la comisión. Hash: {hash}. ¿Qué hice mal?' },
  { lang: 'pt', scenario: 'failed_swap', subject: 'Troca falhou na Ethereum', body: 'Oi, fiz um swap de 250 dUSD e deu erro, mas a taxa foi cobrada. Segue a transação {hash}. Alguém pode explicar?' },
  { lang: 'en', scenario: 'token_to_contract', subject: 'Sent 120 dUSD and they vanished', body: 'I sent 120 dUSD to what I thought was the right address and the money never arrived. Transaction {hash}. Please help me get it back, this was my rent.' },
  { lang: 'pt', scenario: 'token_to_contract', subject: 'Enviei tokens e sumiram', body: 'Mandei 120 dUSD pela carteira e não chegaram no destino. A transação {hash} aparece como confirmada. Como recupero?' },
  { lang: 'en', scenario: 'poisoning', subject: 'Weird 0 dUSD transaction in my history', body: 'There is a transfer of 0 dUSD from my wallet {address} that I never made, to an address that looks almost exactly like my exchange deposit address. tx {hash}. Was I hacked??', tier: 'vip' },
  { lang: 'es', scenario: 'poisoning', subject: 'Transacción rara de 0 tokens', body: 'Me aparece una transacción de 0 dUSD que yo no hice, hacia una dirección casi igual a la de mi exchange. {hash}. ¿Me robaron la cuenta? Mi billetera es {address}' },
  { lang: 'en', scenario: 'nonce_gap', subject: 'ETH transfer pending for hours', body: 'My transfer of 0.8 ETH has been pending forever. I already tried waiting. Hash {hash}. Why is it stuck? Should I send it again?' },
  { lang: 'es', scenario: 'nonce_gap', subject: 'Transacción pendiente, no se confirma', body: 'Envié 0.8 ETH y sigue pendiente desde hace horas. Hash {hash}. ¿La cancelo? No quiero perder el dinero.' },
  { lang: 'pt', scenario: 'nonce_gap', subject: 'Transferência travada como pendente', body: 'Minha transferência de ETH está pendente há horas, hash {hash}, carteira {address}. O que faço?' },
  { lang: 'en', scenario: 'confirmed_payment', subject: 'Friend says he did not get my ETH', body: 'I sent 1.25 ETH to my friend, the app says done but he says nothing arrived. tx {hash}' },
  { lang: 'es', scenario: 'confirmed_payment', subject: 'No llegó mi envío de ETH', body: 'Mandé 1.25 ETH a un amigo y dice que no le llegó. La transacción es {hash}. ¿Dónde está?' },
];

/** Everyday tickets with no devnet transaction. */
export const everydayTickets: TicketText[] = [
  { lang: 'en', subject: 'Is my wallet safe?', body: `I think I might have been phished. Here is my recovery phrase so you can check: ${fakeSeedPhrase}. Please tell me if someone else is using it.` },
  { lang: 'en', subject: 'App crashes on launch', body: 'Since the last update the app closes immediately when I open it. iPhone 13, iOS 17.4. I have reinstalled twice.' },
  { lang: 'en', subject: 'Fees are way too high', body: 'Why did sending ETH cost me so much gas today? The app showed a much lower network fee estimate before I confirmed.' },
  { lang: 'en', subject: 'Card purchase failed but charged', body: 'I bought 100 USD of ETH with my Visa card, the bank charged me but the crypto never showed up in the wallet. Order 88213.' },
  { lang: 'en', subject: 'Cannot connect to dapp', body: 'WalletConnect QR code does not work with the exchange website anymore, it just spins and then says session expired.' },
  { lang: 'en', subject: 'NFT not showing', body: 'I minted an NFT yesterday and it does not appear in the collectibles tab. The transaction was successful on the explorer.' },
  { lang: 'en', subject: 'Ledger not detected', body: 'My Ledger Nano X is not detected over Bluetooth on Android 14. It worked last week.' },
  { lang: 'en', subject: 'Feature request: dark mode schedule', body: 'Would love an option to switch dark mode automatically at sunset. Otherwise great app!' },
  { lang: 'en', subject: 'Lost my phone', body: 'My phone was stolen. I have my 12 words written down. How do I restore my wallet on a new phone and is my money safe?' },
  { lang: 'en', subject: 'Balance shows zero', body: 'My ETH balance shows 0 after the update but the explorer shows I still have funds. Very scary.' },
  { lang: 'en', subject: 'Someone from support DMed me', body: 'A person claiming to be wallet support messaged me on Telegram asking for my recovery phrase to "validate" my wallet. Is this you?' },
  { lang: 'en', subject: 'Staking rewards missing', body: 'I have been staking for two weeks and the rewards tab still shows nothing. Is there a delay?' },
  { lang: 'en', subject: 'Price chart wrong', body: 'The price chart for ETH shows a huge drop that did not happen. Looks like a data bug.' },
  { lang: 'en', subject: 'How do I add a custom token?', body: 'I want to add a token by contract address on Ethereum but cannot find where. Please advise.' },
  { lang: 'en', subject: 'Face ID stopped working', body: 'Face ID no longer unlocks the app, I have to type my passcode every time. iOS 17.' },
  { lang: 'en', subject: 'Withdrawal to exchange not credited', body: 'I sent ETH to my exchange deposit address two hours ago and the exchange still has not credited it. The explorer says confirmed.' },
  { lang: 'es', subject: 'La app se cierra sola', body: 'Desde la última actualización la aplicación se cierra al abrir la pestaña de swap. Tengo un Samsung A54.' },
  { lang: 'es', subject: 'Comisión muy alta', body: '¿Por qué me cobraron tanto de gas por enviar ETH? Es más que lo que envié.' },
  { lang: 'es', subject: 'Compra con tarjeta no llegó', body: 'Compré ETH con tarjeta, el banco me cobró y en la billetera no aparece nada. Ayuda por favor.' },
  { lang: 'es', subject: 'No puedo conectar con la dapp', body: 'Cuando escaneo el código QR de WalletConnect no pasa nada. Ya reinicié el teléfono.' },
  { lang: 'es', subject: 'Perdí mi frase de recuperación', body: 'Cambié de teléfono y no encuentro mis 12 palabras. ¿Ustedes pueden recuperar mi billetera?' },
  { lang: 'es', subject: 'Saldo en cero', body: 'Mi saldo aparece en cero desde ayer, pero en el explorador veo mis fondos. ¿Qué pasa?' },
  { lang: 'es', subject: 'Sugerencia', body: 'Sería genial poder exportar el historial de transacciones en CSV para los impuestos.' },
  { lang: 'es', subject: 'Mi NFT no aparece', body: 'Compré un NFT y no lo veo en la pestaña de coleccionables. ¿Hay que añadirlo a mano?' },
  { lang: 'es', subject: 'Ledger no conecta', body: 'Mi Ledger no se conecta por USB con la extensión de Chrome, dice dispositivo no encontrado.' },
  { lang: 'pt', subject: 'Aplicativo travando', body: 'O app trava toda vez que abro a tela de tokens. Uso um Motorola G84 com Android 14.' },
  { lang: 'pt', subject: 'Taxa de rede absurda', body: 'Paguei uma taxa de gas enorme para enviar ETH hoje. Por que a estimativa mudou tanto?' },
  { lang: 'pt', subject: 'Compra com cartão não caiu', body: 'Comprei ETH com cartão de crédito, o valor foi debitado e não apareceu nada na carteira.' },
  { lang: 'pt', subject: 'Golpe no Telegram?', body: 'Um suposto suporte me chamou no Telegram pedindo minha frase secreta. Isso é golpe, né?' },
  { lang: 'pt', subject: 'Saldo sumiu', body: 'Meu saldo de ETH sumiu depois da atualização. No explorador ainda aparece. Estou preocupado.' },
  { lang: 'pt', subject: 'Sugestão de recurso', body: 'Seria ótimo ter alertas de preço para ETH direto no app.' },
  { lang: 'pt', subject: 'Não consigo restaurar carteira', body: 'Digitei minhas 12 palavras e o app diz que a frase é inválida. Tenho certeza que anotei certo.' },
  { lang: 'pt', subject: 'Depósito na corretora não chegou', body: 'Enviei ETH para a corretora faz 3 horas e ainda não creditou. O explorador mostra confirmado.' },
];

/** Tickets sent while the injected latency incident is on: users feel slow swaps. */
const affected = { platform: 'android', version: '9.2.0' };

/** Tickets sent while the injected latency incident is on: android 9.2.0 users feel slow swaps on Polygon. */
export const incidentTickets: TicketText[] = [
  { lang: 'en', app: affected, subject: 'Swaps are super slow right now', body: 'The swap screen on Polygon has been loading forever for the last few minutes. Quotes take 10+ seconds and then time out. Is something down?' },
  { lang: 'pt', app: affected, subject: 'Swap muito lento na Polygon', body: 'O swap na Polygon está demorando demais e às vezes dá erro de timeout. Android, versão 9.2.0. Está fora do ar?' },
  { lang: 'en', app: affected, subject: 'Swap never confirms', body: 'Trying to swap MATIC to USDC on Polygon, it keeps spinning and then says "request timed out". Tried wifi and 5G.', tier: 'vip' },
  { lang: 'es', app: affected, subject: 'Los swaps están lentísimos', body: 'Desde hace un rato el swap en Polygon tarda muchísimo y al final da error de tiempo de espera. ¿Está caído el servicio?' },
  { lang: 'en', app: affected, subject: 'App very slow when swapping', body: 'Everything else works but swapping on Polygon is really slow since I updated to 9.2.0, the confirm button stays grey for ages.' },
  { lang: 'es', app: affected, subject: 'Error al hacer swap en Polygon', body: 'Intento cambiar en Polygon y la app se queda cargando, luego dice que hubo un error. Lleva así 10 minutos.' },
  { lang: 'pt', app: affected, subject: 'Swap dando erro', body: 'Meu swap na Polygon falhou duas vezes com erro de tempo esgotado. Já reiniciei o app.' },
  { lang: 'en', app: affected, subject: 'Is the swap service having issues?', body: 'Swaps on Polygon are timing out for me and two friends (all on Android). Please post on the status page if you know about it.' },
];
