import type { FindingCatalog } from './catalog.ts';

/** Findings of memo/tag chains (XRP Ledger, Stellar, Cosmos chains, TON): `memo.*`. */
export const memoFindings: FindingCatalog = {
  'memo.missing': {
    severity: 'critical',
    summary: '{amount} {asset} sent to {exchange} deposit address {to} on {chain} without a {memoName}.',
    userMessage: {
      en: 'The {asset} reached {exchange}, but without the {memoName} that tells {exchange} which account is yours, so it cannot be credited automatically. The funds are not lost: {exchange} can credit them manually.',
      es: 'Los {asset} llegaron a {exchange}, pero sin el {memoName} que le indica a {exchange} cuál es tu cuenta, así que no se pueden acreditar automáticamente. Los fondos no están perdidos: {exchange} puede acreditarlos manualmente.',
      'pt-BR': 'Os {asset} chegaram à {exchange}, mas sem o {memoName} que indica à {exchange} qual é a sua conta, então não podem ser creditados automaticamente. Os fundos não estão perdidos: a {exchange} pode creditá-los manualmente.',
    },
    nextSteps: {
      en: ['Contact {exchange} support with the transaction hash {hash}, the amount ({amount} {asset}), the sending address and your {memoName} from your {exchange} deposit page.', 'Recovery is manual and can take days or weeks (sometimes with a fee); never send again without the {memoName}.'],
      es: ['Contacta al soporte de {exchange} con el hash {hash}, el monto ({amount} {asset}), la dirección de envío y tu {memoName} de la página de depósito de {exchange}.', 'La recuperación es manual y puede tardar días o semanas (a veces con comisión); nunca vuelvas a enviar sin el {memoName}.'],
      'pt-BR': ['Contate o suporte da {exchange} com o hash {hash}, o valor ({amount} {asset}), o endereço de envio e o seu {memoName} da página de depósito da {exchange}.', 'A recuperação é manual e pode levar dias ou semanas (às vezes com taxa); nunca envie de novo sem o {memoName}.'],
    },
    when: 'A successful transfer to a deposit address that requires a memo/tag (config chains.memoRequired, the built-in list, XRPL RequireDest or Stellar config.memo_required) carries none.',
  },
  'memo.success.transfer': {
    severity: 'info',
    summary: '{amount} {asset} from {from} to {to} on {chain}; {memoName}: {memo}.',
    userMessage: {
      en: 'The transfer of {amount} {asset} to {to} succeeded ({memoName}: {memo}).',
      es: 'La transferencia de {amount} {asset} a {to} fue exitosa ({memoName}: {memo}).',
      'pt-BR': 'A transferência de {amount} {asset} para {to} foi concluída ({memoName}: {memo}).',
    },
    nextSteps: {
      en: ['If an exchange has not credited it, check that the {memoName} matches the one on its deposit page, then contact it with the hash.'],
      es: ['Si un exchange no la acreditó, verifica que el {memoName} coincida con el de su página de depósito y contáctalo con el hash.'],
      'pt-BR': ['Se uma corretora não creditou, confira se o {memoName} é o mesmo da página de depósito e contate-a com o hash.'],
    },
    when: 'A successful transfer (with or without memo) that needs no memo warning.',
  },
  'memo.tx.pending': {
    severity: 'low',
    summary: 'Transaction {hash} is known but not yet validated on {chain}.',
    userMessage: { en: 'The transaction is waiting for validation; it usually takes a few seconds.', es: 'La transacción espera validación; normalmente tarda unos segundos.', 'pt-BR': 'A transação aguarda validação; geralmente leva alguns segundos.' },
    nextSteps: { en: ['Check again shortly.'], es: ['Vuelve a consultar en breve.'], 'pt-BR': ['Consulte de novo em instantes.'] },
    when: 'XRPL answers validated=false.',
  },
  'memo.tx.not_found': {
    severity: 'high',
    summary: 'Transaction {hash} is unknown to the {chain} API.',
    userMessage: {
      en: 'The {chain} network has no record of this transaction; nothing left your wallet.',
      es: 'La red {chain} no tiene registro de esta transacción; no salió nada de tu billetera.',
      'pt-BR': 'A rede {chain} não tem registro desta transação; nada saiu da sua carteira.',
    },
    nextSteps: { en: ['Check the hash and the network, then send again.'], es: ['Verifica el hash y la red, y envía de nuevo.'], 'pt-BR': ['Confira o hash e a rede e envie de novo.'] },
    when: 'XRPL txnNotFound, Horizon 404, Cosmos LCD 404, or no toncenter transaction for the hash.',
  },
  'memo.tx.found_on_other_chain': {
    severity: 'high',
    summary: 'Transaction {hash} is not on {chain} but on {otherChain} ({otherStatus}).',
    userMessage: { en: 'This transaction happened on {otherChain}, not on {chain}.', es: 'Esta transacción ocurrió en {otherChain}, no en {chain}.', 'pt-BR': 'Esta transação aconteceu na {otherChain}, não na {chain}.' },
    nextSteps: { en: ['Look for the funds on {otherChain}.'], es: ['Busca los fondos en {otherChain}.'], 'pt-BR': ['Procure os fundos na {otherChain}.'] },
    when: 'The dispatcher found the hash on another chain.',
  },
  'memo.failed': {
    severity: 'medium',
    summary: 'Failed on {chain}: {code}{detail}. {hint}',
    userMessage: {
      en: 'The transaction was recorded but failed ({code}), so nothing was transferred; only the network fee was charged.',
      es: 'La transacción se registró pero falló ({code}), así que no se transfirió nada; solo se cobró la comisión de red.',
      'pt-BR': 'A transação foi registrada mas falhou ({code}), então nada foi transferido; só a taxa de rede foi cobrada.',
    },
    nextSteps: {
      en: ['Fix the cause shown to the agent and send again; the failed attempt moved nothing.'],
      es: ['Corrige la causa que ve el agente y envía de nuevo; el intento fallido no movió nada.'],
      'pt-BR': ['Corrija a causa indicada ao agente e envie de novo; a tentativa que falhou não moveu nada.'],
    },
    when: 'XRPL tec*/tef* result, Horizon successful=false, Cosmos tx_response.code ≠ 0, TON aborted or non-zero exit/result code.',
  },
  'memo.address.summary': {
    severity: 'info',
    summary: '{address}: {balance} {symbol} on {chain}.',
    userMessage: { en: 'The address {address} holds {balance} {symbol}.', es: 'La dirección {address} tiene {balance} {symbol}.', 'pt-BR': 'O endereço {address} tem {balance} {symbol}.' },
    nextSteps: { en: ['Compare with what the wallet shows.'], es: ['Compáralo con lo que muestra la billetera.'], 'pt-BR': ['Compare com o que a carteira mostra.'] },
    when: 'Address inspection succeeded.',
  },
  'memo.address.memo_required': {
    severity: 'high',
    summary: '{address} is a deposit address that requires a {memoName} ({exchange}; source: {source}).',
    userMessage: {
      en: 'Deposits to this address need a {memoName}. Without it the exchange cannot tell the deposit is yours.',
      es: 'Los depósitos a esta dirección necesitan un {memoName}. Sin él, el exchange no puede saber que el depósito es tuyo.',
      'pt-BR': 'Depósitos para este endereço precisam de um {memoName}. Sem ele a corretora não consegue saber que o depósito é seu.',
    },
    nextSteps: { en: ['Copy both the address and the {memoName} from the exchange\'s deposit page.'], es: ['Copia la dirección y el {memoName} de la página de depósito del exchange.'], 'pt-BR': ['Copie o endereço e o {memoName} da página de depósito da corretora.'] },
    when: 'Address inspection of an address that is on the memo-required list or flags it on chain.',
  },
  'memo.address.invalid': {
    severity: 'high',
    summary: '"{address}" is not a {chain} address.',
    userMessage: { en: 'This is not a valid {chain} address.', es: 'Esta no es una dirección válida de {chain}.', 'pt-BR': 'Este não é um endereço válido da {chain}.' },
    nextSteps: { en: ['Ask for the address again and check its network.'], es: ['Pide la dirección de nuevo y verifica su red.'], 'pt-BR': ['Peça o endereço de novo e confira a rede.'] },
    when: 'The address does not have the chain\'s address format.',
  },
};
