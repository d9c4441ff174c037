import { allStems } from './text.ts';

/**
 * How users write about the same thing, in English, Spanish and Portuguese, including frequent
 * misspellings. Each group is one concept: a query word in a group also matches the others.
 */
export const synonymGroups: readonly (readonly string[])[] = [
  ['pending', 'stuck', 'unconfirmed', 'not confirmed', 'waiting', 'processing', 'pendiente', 'pendente', 'atascada', 'atascado', 'trabada', 'trabado', 'travada', 'travado', 'travou', 'presa', 'preso', 'esperando', 'no confirmada', 'nao confirmada', 'procesando', 'processando', 'pendig', 'pennding', 'stucked', 'queued', 'nonce'],
  ['not arrived', 'not received', 'never arrived', 'didnt arrive', 'did not arrive', 'hasnt arrived', 'missing', 'not showing', 'not show', 'doesnt show', 'disappeared', 'vanished', 'where is', 'no llego', 'no llega', 'no llegan', 'no ha llegado', 'no han llegado', 'no me llego', 'no recibi', 'no aparece', 'no aparecen', 'no se ve', 'desaparecio', 'nao chegou', 'nao chegaram', 'nao chega', 'nao caiu', 'nao recebi', 'nao aparece', 'aparece', 'aparecen', 'aparecem', 'muestra', 'mostra', 'sumiu', 'sumiram', 'recived', 'recieved', 'arrive', 'received', 'llego', 'llegan', 'chegou', 'chegaram', 'recebi', 'recibi'],
  ['bsc', 'bep20', 'bnb smart chain', 'binance smart chain', 'bnb chain', 'bnb'],
  ['erc20', 'ethereum', 'eth', 'ether'],
  ['trc20', 'tron', 'trx', 'tronlink'],
  ['gas', 'fee', 'fees', 'comision', 'comisiones', 'taxa', 'taxas', 'tarifa', 'tarifas', 'gwei', 'cost', 'costo', 'custo', 'cobraron', 'cobrou', 'charged'],
  ['seed phrase', 'secret phrase', 'recovery phrase', 'seed', 'mnemonic', 'frase secreta', 'frase semilla', 'frase de recuperacion', 'frase de recuperacao', 'semilla', 'palabras', 'palavras', '12 words', '24 words', 'private key', 'clave privada', 'chave privada', 'seedphrase', 'frase'],
  ['hacked', 'compromised', 'stolen', 'drained', 'robbed', 'emptied', 'hackeado', 'hackeada', 'hackearon', 'robaron', 'vaciaron', 'roubaram', 'roubado', 'hackearam', 'invadida', 'esvaziaram', 'esvaziada', 'levaron', 'levaram', 'sweeper', 'unauthorized', 'hack'],
  ['scam', 'scammer', 'fraud', 'fake', 'estafa', 'estafador', 'estafaron', 'golpe', 'golpista', 'fraude', 'falso', 'falsa', 'phishing', 'impersonation', 'scamed', 'scamm'],
  ['support', 'soporte', 'suporte', 'agent', 'agente', 'admin', 'moderator', 'atendente', 'support team'],
  ['failed', 'fail', 'fails', 'error', 'fallo', 'fallida', 'fallida', 'falhou', 'falha', 'erro', 'rejected', 'rechazada', 'unsuccessful', 'faild', 'failled'],
  ['swap', 'trade', 'intercambio', 'intercambiar', 'troca', 'trocar', 'convert', 'converter', 'convertir', 'swapped', 'dex', 'uniswap', 'pancakeswap'],
  ['bridge', 'puente', 'ponte', 'cross chain', 'crosschain', 'bridged', 'bridging', 'stargate', 'wormhole', 'layerzero'],
  ['card', 'tarjeta', 'cartao', 'visa', 'mastercard', 'debit card', 'crypto card'],
  ['declined', 'denied', 'rechazada', 'rechazado', 'rechazo', 'recusado', 'recusada', 'recusou', 'negado', 'negada', 'decline', 'not approved'],
  ['buy', 'bought', 'purchase', 'purchased', 'compra', 'compre', 'comprei', 'comprar', 'onramp', 'on ramp', 'pix', 'spei', 'moonpay', 'transak', 'ramp', 'paid', 'pague', 'paguei', 'pagamento', 'pago'],
  ['staking', 'stake', 'staked', 'rewards', 'reward', 'recompensas', 'recompensa', 'rendimiento', 'rendimento', 'rendimentos', 'apr', 'apy', 'unstake', 'unstaking', 'delegation', 'validator', 'validador', 'epoch'],
  ['nft', 'nfts', 'collectible', 'collectibles', 'coleccionable', 'colecionavel', 'erc721', 'erc1155', 'opensea'],
  ['ledger', 'hardware wallet', 'trezor', 'nano x', 'nano s', 'cold wallet', 'billetera fria', 'carteira fria', 'hardware'],
  ['connect', 'conectar', 'connection', 'conexion', 'conexao', 'walletconnect', 'wallet connect', 'dapp', 'qr', 'qr code', 'pairing', 'conecta'],
  ['crash', 'crashes', 'crashing', 'se cierra', 'se cerro', 'fecha sozinho', 'fechando', 'freeze', 'frozen', 'se congela', 'congelada', 'blank screen', 'white screen', 'pantalla blanca', 'tela branca', 'no abre', 'nao abre', 'bug', 'cuelga', 'closes'],
  ['restore', 'recover', 'recovery', 'import', 'restaurar', 'recuperar', 'importar', 'new phone', 'celular nuevo', 'celular novo', 'telefono nuevo', 'lost phone', 'perdi el celular', 'perdi o celular', 'reinstall', 'reinstalar', 'backup'],
  ['memo', 'destination tag', 'tag', 'etiqueta', 'comment', 'comentario', 'memo tag', 'xrp', 'xlm', 'stellar', 'ripple'],
  ['approval', 'approve', 'approved', 'allowance', 'aprobacion', 'aprobar', 'aprovacao', 'aprovar', 'permiso', 'permissao', 'revoke', 'revocar', 'revogar', 'permit', 'unlimited'],
  ['address poisoning', 'poisoning', 'similar address', 'lookalike', 'look alike', 'parecida', 'parecido', 'envenenamiento', 'envenenamento', 'zero value', 'same start', 'looks the same'],
  ['slippage', 'deslizamiento', 'derrapagem', 'price impact', 'too little received', 'insufficient output amount', 'price moved', 'less than expected', 'menos de lo esperado', 'menos do que esperava'],
  ['energy', 'energia', 'bandwidth', 'ancho de banda', 'largura de banda', 'burned', 'burnt', 'quemo', 'quemaron', 'queimou', 'queimado', 'queimaram', 'out of energy'],
  ['rent', 'renta', 'aluguel', 'rent exempt', 'minimum balance', 'saldo minimo', 'token account', 'cuenta de token', 'conta de token', 'insufficient funds for rent'],
  ['blockhash', 'expired', 'expirada', 'expiro', 'expirou', 'vencio', 'vencida', 'block height exceeded', 'blockhash not found'],
  ['out of gas', 'sin gas', 'sem gas', 'gas limit', 'limite de gas', 'outofgas'],
  ['reverted', 'revert', 'execution reverted', 'revertida', 'revertio', 'reverteu', 'revertido'],
  ['token', 'tokens', 'coin', 'coins', 'moneda', 'monedas', 'moeda', 'moedas', 'cripto', 'crypto', 'usdt', 'usdc', 'tether'],
  ['contract', 'contrato', 'contract address', 'smart contract', 'direccion del contrato', 'endereco do contrato'],
  ['wrong', 'equivocada', 'equivocado', 'errada', 'errado', 'incorrecta', 'incorrecto', 'incorreta', 'incorreto', 'mistake', 'by mistake', 'por error', 'por engano', 'wrongly', 'worng'],
  ['network', 'red', 'rede', 'chain', 'blockchain', 'cadena', 'netwrok', 'newtork'],
  ['address', 'direccion', 'endereco', 'wallet address', 'adress', 'adres', 'addres'],
  ['wallet', 'billetera', 'cartera', 'carteira', 'walet', 'wallett'],
  ['bitcoin', 'btc', 'sats', 'satoshi', 'mempool', 'rbf', 'cpfp', 'sat vb', 'litecoin', 'ltc', 'dogecoin', 'doge'],
  ['solana', 'sol', 'spl', 'phantom'],
  ['exchange', 'binance', 'coinbase', 'kraken', 'okx', 'bybit', 'bitso', 'mercado bitcoin', 'corretora', 'exchange deposit', 'deposito', 'deposit'],
  ['exposed', 'shared my seed', 'shared my phrase', 'gave my seed', 'compartir', 'comparti', 'compartilhei', 'di mi frase', 'passei minha frase', 'expuesta', 'exposta', 'leaked', 'filtrada', 'vazou', 'vazada', 'entered my seed', 'typed my seed'],
  ['balance zero', 'zero balance', 'saldo cero', 'saldo zero', 'saldo en cero', 'empty wallet', 'billetera vacia', 'carteira vazia', 'balance 0', 'saldo 0'],
  ['speed up', 'accelerate', 'acelerar', 'cancel', 'cancelar', 'bump fee', 'replace'],
  ['refund', 'reembolso', 'estorno', 'devolucion', 'devolucao', 'reembolsar', 'money back', 'devolver'],
];

export interface SynonymTable {
  /** stem → ids of the groups it belongs to. */
  byStem: Map<string, number[]>;
  /** "stem stem" (2 or 3 words) → group ids. */
  byPhrase: Map<string, number[]>;
  /** group id → its single-word stems. */
  members: string[][];
  maxPhrase: number;
}

/** Builds the lookup tables once (stems of every member, phrases keyed by their stem sequence). */
export function buildSynonymTable(groups: readonly (readonly string[])[] = synonymGroups): SynonymTable {
  const byStem = new Map<string, number[]>();
  const byPhrase = new Map<string, number[]>();
  const members: string[][] = [];
  let maxPhrase = 1;
  groups.forEach((group, id) => {
    const singles = new Set<string>();
    for (const entry of group) {
      const stems = allStems(entry);
      if (stems.length === 0) continue;
      if (stems.length === 1) {
        singles.add(stems[0]!);
        const list = byStem.get(stems[0]!) ?? [];
        if (!list.includes(id)) list.push(id);
        byStem.set(stems[0]!, list);
      } else {
        maxPhrase = Math.max(maxPhrase, stems.length);
        const key = stems.join(' ');
        const list = byPhrase.get(key) ?? [];
        if (!list.includes(id)) list.push(id);
        byPhrase.set(key, list);
      }
    }
    members.push([...singles]);
  });
  return { byStem, byPhrase, members, maxPhrase };
}
