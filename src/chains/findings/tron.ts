import type { FindingCatalog } from './catalog.ts';

const feeNote = { en: 'The {feeTrx} TRX fee was still charged.', es: 'La comisión de {feeTrx} TRX igualmente se cobró.', 'pt-BR': 'A taxa de {feeTrx} TRX foi cobrada mesmo assim.' };

/** Findings of Tron: `tron.*`. */
export const tronFindings: FindingCatalog = {
  'tron.tx.not_found': {
    severity: 'high',
    summary: 'Neither /wallet/gettransactionbyid nor /wallet/gettransactioninfobyid knows {txid}.',
    userMessage: {
      en: 'The Tron network has no record of this transaction. It was never broadcast or it expired; nothing left your wallet.',
      es: 'La red Tron no tiene registro de esta transacción. Nunca se transmitió o expiró; no salió nada de tu billetera.',
      'pt-BR': 'A rede Tron não tem registro desta transação. Ela nunca foi transmitida ou expirou; nada saiu da sua carteira.',
    },
    nextSteps: { en: ['Check the hash and the network, then send again.'], es: ['Verifica el hash y la red, y envía de nuevo.'], 'pt-BR': ['Confira o hash e a rede e envie de novo.'] },
    when: 'Both endpoints answer {} for the id.',
  },
  'tron.tx.pending': {
    severity: 'low',
    summary: 'The transaction is known but has no execution info yet (not yet in a solidified block).',
    userMessage: { en: 'The transaction was received and is being confirmed; this takes about a minute on Tron.', es: 'La transacción fue recibida y se está confirmando; en Tron tarda cerca de un minuto.', 'pt-BR': 'A transação foi recebida e está sendo confirmada; na Tron leva cerca de um minuto.' },
    nextSteps: { en: ['Check again in a minute.'], es: ['Vuelve a consultar en un minuto.'], 'pt-BR': ['Consulte de novo em um minuto.'] },
    when: 'gettransactionbyid returns the transaction and gettransactioninfobyid is empty, before its expiration.',
  },
  'tron.tx.expired': {
    severity: 'high',
    summary: 'No execution info and raw_data.expiration ({expiration}) has passed: it can never be included.',
    userMessage: { en: 'This transaction expired before it was included in a block. It will never go through and nothing was charged.', es: 'Esta transacción expiró antes de incluirse en un bloque. Nunca se completará y no se cobró nada.', 'pt-BR': 'Esta transação expirou antes de entrar em um bloco. Ela nunca será concluída e nada foi cobrado.' },
    nextSteps: { en: ['Send it again from the wallet.'], es: ['Envíala de nuevo desde la billetera.'], 'pt-BR': ['Envie de novo pela carteira.'] },
    when: 'gettransactionbyid returns it, no info, and the expiration time is in the past.',
  },
  'tron.tx.found_on_other_chain': {
    severity: 'high',
    summary: 'Transaction {txid} is not on {chain} but on {otherChain} ({otherStatus}).',
    userMessage: { en: 'This transaction happened on {otherChain}, not on {chain}.', es: 'Esta transacción ocurrió en {otherChain}, no en {chain}.', 'pt-BR': 'Esta transação aconteceu na {otherChain}, não na {chain}.' },
    nextSteps: { en: ['Look for the funds on {otherChain}.'], es: ['Busca los fondos en {otherChain}.'], 'pt-BR': ['Procure os fundos na {otherChain}.'] },
    when: 'The dispatcher found the id on another chain.',
  },
  'tron.failed.out_of_energy': {
    severity: 'medium',
    summary: 'OUT_OF_ENERGY: energy limit {energyLimit} used up ({energyUsed} used); {energyFeeTrx} TRX burned for energy; fee limit {feeLimitTrx} TRX; the limit was set by {limitedBy}.',
    userMessage: {
      en: `The transaction ran out of energy (the resource Tron smart contracts need), so the transfer did not happen. ${feeNote.en}`,
      es: `La transacción se quedó sin energía (el recurso que usan los contratos de Tron), así que la transferencia no se realizó. ${feeNote.es}`,
      'pt-BR': `A transação ficou sem energia (o recurso usado pelos contratos da Tron), então a transferência não aconteceu. ${feeNote['pt-BR']}`,
    },
    nextSteps: {
      en: ['Keep more TRX in the wallet (a USDT transfer can burn 15–30 TRX without energy), or stake/rent energy, then send again with a higher fee limit.'],
      es: ['Mantén más TRX en la billetera (una transferencia de USDT puede quemar 15–30 TRX sin energía), o congela/alquila energía, y envía de nuevo con un límite de comisión mayor.'],
      'pt-BR': ['Mantenha mais TRX na carteira (uma transferência de USDT pode queimar 15–30 TRX sem energia), ou faça stake/alugue energia, e envie de novo com limite de taxa maior.'],
    },
    when: 'receipt.result is OUT_OF_ENERGY.',
  },
  'tron.failed.out_of_time': {
    severity: 'medium',
    summary: 'OUT_OF_TIME: the contract call exceeded the maximum CPU time of a Tron transaction.',
    userMessage: {
      en: `The contract took too long to run and the network stopped it, so nothing was transferred. ${feeNote.en}`,
      es: `El contrato tardó demasiado en ejecutarse y la red lo detuvo, así que no se transfirió nada. ${feeNote.es}`,
      'pt-BR': `O contrato demorou demais para executar e a rede o interrompeu, então nada foi transferido. ${feeNote['pt-BR']}`,
    },
    nextSteps: { en: ['Try again later; if it repeats, contact the dApp with the hash.'], es: ['Inténtalo más tarde; si se repite, contacta a la dApp con el hash.'], 'pt-BR': ['Tente mais tarde; se repetir, contate o dApp com o hash.'] },
    when: 'receipt.result is OUT_OF_TIME.',
  },
  'tron.failed.revert': {
    severity: 'medium',
    summary: 'REVERT: {reason}.',
    userMessage: {
      en: `The contract refused the transaction ("{reason}"), so nothing was transferred. ${feeNote.en}`,
      es: `El contrato rechazó la transacción ("{reason}"), así que no se transfirió nada. ${feeNote.es}`,
      'pt-BR': `O contrato recusou a transação ("{reason}"), então nada foi transferido. ${feeNote['pt-BR']}`,
    },
    nextSteps: {
      en: ['Fix what the reason says (e.g. balance or allowance) and try again; contact the dApp if unclear.'],
      es: ['Corrige lo que indica el motivo (p. ej. saldo o permiso) e inténtalo de nuevo; contacta a la dApp si no es claro.'],
      'pt-BR': ['Corrija o que o motivo indica (ex.: saldo ou permissão) e tente de novo; contate o dApp se não estiver claro.'],
    },
    when: 'receipt.result is REVERT; the reason is decoded from contractResult (Error(string)) or resMessage.',
  },
  'tron.failed.other': {
    severity: 'medium',
    summary: 'Failed with {result}{message}.',
    userMessage: { en: `The transaction failed on the Tron network ({result}). ${feeNote.en}`, es: `La transacción falló en la red Tron ({result}). ${feeNote.es}`, 'pt-BR': `A transação falhou na rede Tron ({result}). ${feeNote['pt-BR']}` },
    nextSteps: { en: ['Escalate with the hash if the cause is unclear.'], es: ['Escala con el hash si la causa no es clara.'], 'pt-BR': ['Escale com o hash se a causa não for clara.'] },
    when: 'Any other failed receipt result or contractRet.',
  },
  'tron.fee.resources_burned': {
    severity: 'info',
    summary: 'Burned {energyFeeTrx} TRX for {energyUsage} energy and {netFeeTrx} TRX for bandwidth ({netUsage} bytes); total fee {feeTrx} TRX.',
    userMessage: {
      en: 'This transaction cost {feeTrx} TRX because the wallet had no free energy/bandwidth, so TRX was burned instead.',
      es: 'Esta transacción costó {feeTrx} TRX porque la billetera no tenía energía/ancho de banda gratis, así que se quemó TRX.',
      'pt-BR': 'Esta transação custou {feeTrx} TRX porque a carteira não tinha energia/banda livre, então TRX foi queimado.',
    },
    nextSteps: {
      en: ['To pay less, stake TRX for energy/bandwidth or rent energy before sending tokens.'],
      es: ['Para pagar menos, haz stake de TRX para energía/ancho de banda o alquila energía antes de enviar tokens.'],
      'pt-BR': ['Para pagar menos, faça stake de TRX para energia/banda ou alugue energia antes de enviar tokens.'],
    },
    when: 'receipt.energy_fee or receipt.net_fee is above zero.',
  },
  'tron.success.trc20_transfer': {
    severity: 'info',
    summary: 'TRC-20 {symbol} ({token}) transfer of {amount} from {from} to {to}.',
    userMessage: { en: '{amount} {symbol} (TRC-20) was sent from {from} to {to}; the transfer succeeded.', es: 'Se enviaron {amount} {symbol} (TRC-20) de {from} a {to}; la transferencia fue exitosa.', 'pt-BR': 'Foram enviados {amount} {symbol} (TRC-20) de {from} para {to}; a transferência foi concluída.' },
    nextSteps: { en: ['Confirmed transfers cannot be reversed; share the hash with the recipient.'], es: ['Las transferencias confirmadas no se pueden revertir; comparte el hash con el destinatario.'], 'pt-BR': ['Transferências confirmadas não podem ser revertidas; envie o hash ao destinatário.'] },
    when: 'Succeeded with a Transfer(address,address,uint256) log.',
  },
  'tron.success.trx_transfer': {
    severity: 'info',
    summary: 'TRX transfer of {amount} TRX from {from} to {to}.',
    userMessage: { en: '{amount} TRX was sent from {from} to {to}; the transfer succeeded.', es: 'Se enviaron {amount} TRX de {from} a {to}; la transferencia fue exitosa.', 'pt-BR': 'Foram enviados {amount} TRX de {from} para {to}; a transferência foi concluída.' },
    nextSteps: { en: ['Confirmed transfers cannot be reversed; share the hash with the recipient.'], es: ['Las transferencias confirmadas no se pueden revertir; comparte el hash con el destinatario.'], 'pt-BR': ['Transferências confirmadas não podem ser revertidas; envie o hash ao destinatário.'] },
    when: 'Succeeded with a TransferContract.',
  },
  'tron.recipient.not_activated': {
    severity: 'medium',
    summary: 'Recipient {address} is not activated (/wallet/getaccount returns {}).',
    userMessage: {
      en: 'The receiving Tron account {address} is not activated yet. The tokens are there, but the account cannot move them until it receives some TRX.',
      es: 'La cuenta Tron receptora {address} aún no está activada. Los tokens están ahí, pero la cuenta no podrá moverlos hasta recibir algo de TRX.',
      'pt-BR': 'A conta Tron recebedora {address} ainda não está ativada. Os tokens estão lá, mas a conta não poderá movê-los até receber um pouco de TRX.',
    },
    nextSteps: { en: ['Send at least 1 TRX to {address} to activate it (plus TRX for energy to move tokens).'], es: ['Envía al menos 1 TRX a {address} para activarla (y TRX para energía al mover tokens).'], 'pt-BR': ['Envie pelo menos 1 TRX para {address} para ativá-la (e TRX para energia ao mover tokens).'] },
    when: 'A token transfer recipient has no account on chain.',
  },
  'tron.sent.network_mismatch': {
    severity: 'high',
    summary: 'TRC-20 {symbol} was sent to {to} while the expected address {expected} is an EVM (ERC-20/BEP-20) address{sameKey}.',
    userMessage: {
      en: 'The {symbol} was sent on the Tron network (TRC-20), but the receiving address was given for an Ethereum/BNB Smart Chain network (ERC-20/BEP-20). Exchanges only credit deposits on the network they showed, so it will not be credited automatically.',
      es: 'El {symbol} se envió por la red Tron (TRC-20), pero la dirección de destino era para la red Ethereum/BNB Smart Chain (ERC-20/BEP-20). Los exchanges solo acreditan depósitos en la red que indicaron, así que no se acreditará automáticamente.',
      'pt-BR': 'O {symbol} foi enviado pela rede Tron (TRC-20), mas o endereço de destino era da rede Ethereum/BNB Smart Chain (ERC-20/BEP-20). Corretoras só creditam depósitos na rede indicada, então não será creditado automaticamente.',
    },
    nextSteps: {
      en: ['Contact the exchange with the hash and ask for a wrong-network recovery: the same key that controls {expected} controls the Tron address {to}.', 'Next time pick the network the exchange shows (TRC-20 needs a Tron address starting with T).'],
      es: ['Contacta al exchange con el hash y pide una recuperación por red equivocada: la misma clave que controla {expected} controla la dirección Tron {to}.', 'La próxima vez elige la red que muestra el exchange (TRC-20 necesita una dirección Tron que empieza con T).'],
      'pt-BR': ['Contate a corretora com o hash e peça a recuperação por rede errada: a mesma chave que controla {expected} controla o endereço Tron {to}.', 'Da próxima vez escolha a rede que a corretora mostra (TRC-20 precisa de endereço Tron começando com T).'],
    },
    when: 'A TRC-20 transfer where the expected recipient given is an EVM 0x address.',
  },
  'tron.address.summary': {
    severity: 'info',
    summary: '{address}: {trx} TRX; energy {energyAvailable}/{energyLimit}, bandwidth {bandwidthAvailable} free.',
    userMessage: { en: 'The account {address} holds {trx} TRX.', es: 'La cuenta {address} tiene {trx} TRX.', 'pt-BR': 'A conta {address} tem {trx} TRX.' },
    nextSteps: { en: ['A token transfer needs energy: keep TRX to burn or stake for energy.'], es: ['Una transferencia de tokens necesita energía: mantén TRX para quemar o haz stake para energía.'], 'pt-BR': ['Uma transferência de tokens precisa de energia: mantenha TRX para queimar ou faça stake para energia.'] },
    when: 'Address inspection of an activated account.',
  },
  'tron.address.not_activated': {
    severity: 'medium',
    summary: '{address} is not activated on Tron.',
    userMessage: { en: 'This Tron account is not activated yet: it needs to receive TRX once before it can send anything.', es: 'Esta cuenta Tron aún no está activada: debe recibir TRX una vez antes de poder enviar algo.', 'pt-BR': 'Esta conta Tron ainda não está ativada: precisa receber TRX uma vez antes de poder enviar algo.' },
    nextSteps: { en: ['Send at least 1 TRX to the account.'], es: ['Envía al menos 1 TRX a la cuenta.'], 'pt-BR': ['Envie pelo menos 1 TRX para a conta.'] },
    when: '/wallet/getaccount returns {} for the address.',
  },
  'tron.address.invalid': {
    severity: 'high',
    summary: '"{address}" is not a Tron address (base58check, version 0x41).',
    userMessage: { en: 'This is not a valid Tron address.', es: 'Esta no es una dirección válida de Tron.', 'pt-BR': 'Este não é um endereço válido da Tron.' },
    nextSteps: { en: ['Ask for the address again; Tron addresses start with T.'], es: ['Pide la dirección de nuevo; las direcciones Tron empiezan con T.'], 'pt-BR': ['Peça o endereço de novo; endereços Tron começam com T.'] },
    when: 'The address does not decode as base58check with version byte 0x41.',
  },
};
