import type { FindingCatalog, FindingTemplate } from './catalog.ts';

type T = FindingTemplate;
const fee = { en: 'The network fee ({feeSol} SOL) was still charged.', es: 'La comisión de red ({feeSol} SOL) igualmente se cobró.', 'pt-BR': 'A taxa de rede ({feeSol} SOL) foi cobrada mesmo assim.' };
const failed = (en: string, es: string, pt: string): T['userMessage'] => ({ en: `${en} ${fee.en}`, es: `${es} ${fee.es}`, 'pt-BR': `${pt} ${fee['pt-BR']}` });

/** Findings of Solana: `sol.*`. */
export const solFindings: FindingCatalog = {
  'sol.tx.not_found': {
    severity: 'high',
    summary: 'Signature {signature} is unknown to the cluster (getSignatureStatuses with history: null).',
    userMessage: {
      en: 'Solana has no record of this transaction. It never landed, so nothing left your wallet.',
      es: 'Solana no tiene registro de esta transacción. Nunca se procesó, así que no salió nada de tu billetera.',
      'pt-BR': 'A Solana não tem registro desta transação. Ela nunca foi processada, então nada saiu da sua carteira.',
    },
    nextSteps: {
      en: ['Check the signature and the network.', 'If it was sent more than about 2 minutes ago it can no longer land: send it again.'],
      es: ['Verifica la firma y la red.', 'Si se envió hace más de unos 2 minutos ya no puede procesarse: envíala de nuevo.'],
      'pt-BR': ['Confira a assinatura e a rede.', 'Se foi enviada há mais de uns 2 minutos não pode mais ser processada: envie de novo.'],
    },
    when: 'getSignatureStatuses (searchTransactionHistory) returns null and no raw transaction was given.',
  },
  'sol.tx.blockhash_expired': {
    severity: 'high',
    summary: 'Not found and its blockhash {blockhash} is no longer valid (isBlockhashValid=false): it can never land.',
    userMessage: {
      en: 'This transaction expired before the network processed it (usually when the network is congested or the priority fee is too low). It can never go through now, and nothing left your wallet.',
      es: 'Esta transacción expiró antes de que la red la procesara (normalmente por congestión o una comisión de prioridad baja). Ya no puede completarse y no salió nada de tu billetera.',
      'pt-BR': 'Esta transação expirou antes de a rede processá-la (geralmente por congestionamento ou taxa de prioridade baixa). Ela não pode mais ser concluída e nada saiu da sua carteira.',
    },
    nextSteps: {
      en: ['Send it again from the wallet (it will be signed with a fresh blockhash).'],
      es: ['Envíala de nuevo desde la billetera (se firmará con un blockhash nuevo).'],
      'pt-BR': ['Envie de novo pela carteira (será assinada com um blockhash novo).'],
    },
    when: 'Not found, a raw transaction was given, and its recent blockhash is no longer valid.',
  },
  'sol.tx.not_landed_yet': {
    severity: 'medium',
    summary: 'Not found yet, but its blockhash {blockhash} is still valid: it may still land until it expires.',
    userMessage: {
      en: 'The network has not processed this transaction yet, but it still can for about a minute.',
      es: 'La red aún no procesó esta transacción, pero todavía puede hacerlo durante aproximadamente un minuto.',
      'pt-BR': 'A rede ainda não processou esta transação, mas ainda pode processar por cerca de um minuto.',
    },
    nextSteps: {
      en: ['Wait a minute and check again; do not sign a second copy yet.'],
      es: ['Espera un minuto y vuelve a consultar; no firmes una segunda copia todavía.'],
      'pt-BR': ['Aguarde um minuto e consulte de novo; não assine uma segunda cópia ainda.'],
    },
    when: 'Not found, a raw transaction was given, and its blockhash is still valid.',
  },
  'sol.tx.processing': {
    severity: 'low',
    summary: 'Signature seen at commitment "{confirmationStatus}"; the full transaction is not served yet.',
    userMessage: {
      en: 'The network has received this transaction and is confirming it.',
      es: 'La red recibió esta transacción y la está confirmando.',
      'pt-BR': 'A rede recebeu esta transação e está confirmando.',
    },
    nextSteps: { en: ['Check again in a few seconds.'], es: ['Vuelve a consultar en unos segundos.'], 'pt-BR': ['Consulte de novo em alguns segundos.'] },
    when: 'getSignatureStatuses knows the signature but getTransaction (confirmed) returns null.',
  },
  'sol.tx.found_on_other_chain': {
    severity: 'high',
    summary: 'Signature {signature} is not on {chain} but on {otherChain} ({otherStatus}).',
    userMessage: {
      en: 'This transaction happened on {otherChain}, not on {chain}.',
      es: 'Esta transacción ocurrió en {otherChain}, no en {chain}.',
      'pt-BR': 'Esta transação aconteceu na {otherChain}, não na {chain}.',
    },
    nextSteps: { en: ['Switch the wallet to {otherChain} to see it.'], es: ['Cambia la billetera a {otherChain} para verla.'], 'pt-BR': ['Mude a carteira para {otherChain} para vê-la.'] },
    when: 'The dispatcher found the signature on another Solana cluster.',
  },
  'sol.success.token_transfer': {
    severity: 'info',
    summary: 'SPL transfer of {amount} (mint {mint}, {decimals} decimals) from {fromOwner} to {toOwner}.',
    userMessage: {
      en: '{amount} tokens (mint {mint}) were sent from {fromOwner} to {toOwner}; the transfer succeeded.',
      es: 'Se enviaron {amount} tokens (mint {mint}) de {fromOwner} a {toOwner}; la transferencia fue exitosa.',
      'pt-BR': 'Foram enviados {amount} tokens (mint {mint}) de {fromOwner} para {toOwner}; a transferência foi concluída.',
    },
    nextSteps: {
      en: ['If the recipient does not see it, add the token (mint {mint}) to the wallet of {toOwner}.'],
      es: ['Si el destinatario no lo ve, agrega el token (mint {mint}) en la billetera de {toOwner}.'],
      'pt-BR': ['Se o destinatário não vê, adicione o token (mint {mint}) na carteira de {toOwner}.'],
    },
    when: 'Succeeded; the token balance changes (pre/postTokenBalances by owner and mint) show a transfer.',
  },
  'sol.success.native_transfer': {
    severity: 'info',
    summary: 'System transfer of {amount} SOL from {from} to {to}.',
    userMessage: {
      en: '{amount} SOL was sent from {from} to {to}; the transfer succeeded.',
      es: 'Se enviaron {amount} SOL de {from} a {to}; la transferencia fue exitosa.',
      'pt-BR': 'Foram enviados {amount} SOL de {from} para {to}; a transferência foi concluída.',
    },
    nextSteps: { en: ['Confirmed transfers cannot be reversed; share the signature with the recipient.'], es: ['Las transferencias confirmadas no se pueden revertir; comparte la firma con el destinatario.'], 'pt-BR': ['Transferências confirmadas não podem ser revertidas; envie a assinatura ao destinatário.'] },
    when: 'Succeeded with a parsed System Program transfer instruction.',
  },
  'sol.failed.slippage': {
    severity: 'medium',
    summary: 'Instruction {index} failed in {programName} with custom error {code} ({errorName}): price moved beyond the slippage limit.',
    userMessage: failed('The swap was cancelled because the price moved more than your slippage setting allowed. Your tokens were not swapped.', 'El intercambio se canceló porque el precio se movió más de lo que permitía tu tolerancia de deslizamiento. Tus tokens no se intercambiaron.', 'A troca foi cancelada porque o preço mudou mais do que sua tolerância de slippage permitia. Seus tokens não foram trocados.'),
    nextSteps: { en: ['Try the swap again, or raise the slippage tolerance slightly for volatile tokens.'], es: ['Intenta el intercambio de nuevo o sube un poco la tolerancia de deslizamiento en tokens volátiles.'], 'pt-BR': ['Tente a troca de novo ou aumente um pouco a tolerância de slippage para tokens voláteis.'] },
    when: 'A DEX/aggregator custom error that means slippage (Jupiter 6001 SlippageToleranceExceeded, 6017; Raydium AMM 30).',
  },
  'sol.failed.insufficient_sol': {
    severity: 'medium',
    summary: 'Instruction {index} failed in {programName}: {errorName} (not enough SOL).',
    userMessage: failed('There was not enough SOL in the wallet to complete this transaction.', 'No había suficiente SOL en la billetera para completar esta transacción.', 'Não havia SOL suficiente na carteira para concluir esta transação.'),
    nextSteps: { en: ['Add SOL (keep a little extra for fees) and try again.'], es: ['Agrega SOL (deja un poco extra para comisiones) e inténtalo de nuevo.'], 'pt-BR': ['Adicione SOL (deixe um pouco a mais para taxas) e tente de novo.'] },
    when: 'System Program custom 1 (ResultWithNegativeLamports) or InstructionError InsufficientFunds outside the token programs.',
  },
  'sol.failed.insufficient_funds_fee': {
    severity: 'medium',
    summary: 'TransactionError InsufficientFundsForFee: the fee payer cannot pay the fee.',
    userMessage: {
      en: 'The wallet does not have enough SOL to pay the network fee, so the transaction could not run.',
      es: 'La billetera no tiene suficiente SOL para pagar la comisión de red, así que la transacción no pudo ejecutarse.',
      'pt-BR': 'A carteira não tem SOL suficiente para pagar a taxa de rede, então a transação não pôde ser executada.',
    },
    nextSteps: { en: ['Add a small amount of SOL for fees and try again.'], es: ['Agrega un poco de SOL para comisiones e inténtalo de nuevo.'], 'pt-BR': ['Adicione um pouco de SOL para taxas e tente de novo.'] },
    when: 'meta.err is InsufficientFundsForFee.',
  },
  'sol.failed.insufficient_funds_rent': {
    severity: 'medium',
    summary: 'TransactionError InsufficientFundsForRent for account index {accountIndex} ({account}).',
    userMessage: failed('An account would have been left with less SOL than the minimum it must keep (rent), so the transaction was refused.', 'Una cuenta habría quedado con menos SOL que el mínimo que debe mantener (renta), así que la transacción fue rechazada.', 'Uma conta ficaria com menos SOL do que o mínimo que precisa manter (aluguel), então a transação foi recusada.'),
    nextSteps: { en: ['Leave at least about 0.002 SOL in the account (or send the full balance to close it), then try again.'], es: ['Deja al menos unos 0,002 SOL en la cuenta (o envía todo el saldo para cerrarla) e inténtalo de nuevo.'], 'pt-BR': ['Deixe pelo menos cerca de 0,002 SOL na conta (ou envie o saldo todo para fechá-la) e tente de novo.'] },
    when: 'meta.err is InsufficientFundsForRent.',
  },
  'sol.failed.insufficient_token_balance': {
    severity: 'medium',
    summary: 'Instruction {index} failed in {programName}: TokenError InsufficientFunds.',
    userMessage: failed('The token balance was lower than the amount being sent.', 'El saldo del token era menor que el monto enviado.', 'O saldo do token era menor do que o valor enviado.'),
    nextSteps: { en: ['Check the token balance and send a smaller amount.'], es: ['Revisa el saldo del token y envía un monto menor.'], 'pt-BR': ['Confira o saldo do token e envie um valor menor.'] },
    when: 'SPL Token / Token-2022 custom error 1 (InsufficientFunds).',
  },
  'sol.failed.recipient_no_token_account': {
    severity: 'medium',
    summary: 'Instruction {index} failed in {programName}: {errorName}: the destination token account does not exist or is not initialised.',
    userMessage: failed('The recipient has no account for this token yet, so the tokens could not be delivered.', 'El destinatario aún no tiene una cuenta para este token, así que los tokens no pudieron entregarse.', 'O destinatário ainda não tem conta para este token, então os tokens não puderam ser entregues.'),
    nextSteps: { en: ['Send again from a wallet that creates the recipient\'s token account automatically (it costs about 0.002 SOL), or ask the recipient to add the token first.'], es: ['Envía de nuevo desde una billetera que cree automáticamente la cuenta de token del destinatario (cuesta unos 0,002 SOL), o pide al destinatario que agregue el token primero.'], 'pt-BR': ['Envie de novo de uma carteira que crie automaticamente a conta de token do destinatário (custa cerca de 0,002 SOL), ou peça ao destinatário para adicionar o token antes.'] },
    when: 'Token program UninitializedState (custom 9), InvalidAccountData or UninitializedAccount.',
  },
  'sol.failed.compute_exceeded': {
    severity: 'medium',
    summary: 'Instruction {index} ran out of compute units ({detail}).',
    userMessage: failed('The transaction needed more computing budget than it requested, so it stopped.', 'La transacción necesitó más presupuesto de cómputo del que pidió, así que se detuvo.', 'A transação precisou de mais orçamento de computação do que pediu, então parou.'),
    nextSteps: { en: ['Try again; the wallet or dApp should request a higher compute unit limit.'], es: ['Inténtalo de nuevo; la billetera o dApp debe pedir un límite de unidades de cómputo mayor.'], 'pt-BR': ['Tente de novo; a carteira ou dApp deve pedir um limite maior de unidades de computação.'] },
    when: 'ComputationalBudgetExceeded, or logs with "exceeded CUs meter".',
  },
  'sol.failed.token_error': {
    severity: 'medium',
    summary: 'Instruction {index} failed in {programName}: TokenError {errorName} (custom {code}).',
    userMessage: failed('The token program refused this transfer ({errorName}).', 'El programa de tokens rechazó esta transferencia ({errorName}).', 'O programa de tokens recusou esta transferência ({errorName}).'),
    nextSteps: { en: ['Escalate with the signature if the reason is unclear (e.g. AccountFrozen means the token issuer froze the account).'], es: ['Escala con la firma si el motivo no es claro (p. ej. AccountFrozen significa que el emisor congeló la cuenta).'], 'pt-BR': ['Escale com a assinatura se o motivo não for claro (ex.: AccountFrozen significa que o emissor congelou a conta).'] },
    when: 'Another SPL Token / Token-2022 custom error.',
  },
  'sol.failed.custom_program_error': {
    severity: 'medium',
    summary: 'Instruction {index} failed: program {program} ({programName}) returned custom error {code} ({codeHex}){errorName}.',
    userMessage: failed('The app or program this transaction called refused it (error {code}). Nothing was transferred.', 'La app o programa al que llamó esta transacción la rechazó (error {code}). No se transfirió nada.', 'O app ou programa chamado por esta transação a recusou (erro {code}). Nada foi transferido.'),
    nextSteps: { en: ['Try again; if it keeps failing, contact the dApp with the signature and the error code.'], es: ['Inténtalo de nuevo; si sigue fallando, contacta a la dApp con la firma y el código de error.'], 'pt-BR': ['Tente de novo; se continuar falhando, contate o dApp com a assinatura e o código de erro.'] },
    when: 'InstructionError Custom(n) of a program with no more specific finding; the program is the innermost failing one in the logs.',
  },
  'sol.failed.instruction_error': {
    severity: 'medium',
    summary: 'Instruction {index} failed in {programName}: {errorName}.',
    userMessage: failed('The transaction failed on the network ({errorName}).', 'La transacción falló en la red ({errorName}).', 'A transação falhou na rede ({errorName}).'),
    nextSteps: { en: ['Try again; escalate with the signature if it repeats.'], es: ['Inténtalo de nuevo; escala con la firma si se repite.'], 'pt-BR': ['Tente de novo; escale com a assinatura se repetir.'] },
    when: 'Any other InstructionError or TransactionError.',
  },
  'sol.fee.priority_below_recent': {
    severity: 'medium',
    summary: 'Priority fee {priceMicroLamports} µlamports/CU vs recent median {medianMicroLamports} (getRecentPrioritizationFees).',
    userMessage: {
      en: 'The priority fee of this transaction was much lower than what others paid at the time, so validators were unlikely to include it.',
      es: 'La comisión de prioridad de esta transacción fue mucho menor que la que pagaban otros en ese momento, así que era poco probable que los validadores la incluyeran.',
      'pt-BR': 'A taxa de prioridade desta transação era bem menor do que outros pagavam no momento, então era improvável que os validadores a incluíssem.',
    },
    nextSteps: { en: ['Send again with a higher priority fee (the wallet\'s "fast" setting).'], es: ['Envía de nuevo con una comisión de prioridad mayor (opción "rápida" de la billetera).'], 'pt-BR': ['Envie de novo com taxa de prioridade maior (opção "rápida" da carteira).'] },
    when: 'The SetComputeUnitPrice of the transaction is below a quarter of the median of getRecentPrioritizationFees for its writable accounts.',
  },
  'sol.address.summary': {
    severity: 'info',
    summary: '{address}: {sol} SOL and {tokenCount} token account(s).',
    userMessage: {
      en: 'The address {address} holds {sol} SOL and {tokenCount} token(s).',
      es: 'La dirección {address} tiene {sol} SOL y {tokenCount} token(s).',
      'pt-BR': 'O endereço {address} tem {sol} SOL e {tokenCount} token(s).',
    },
    nextSteps: { en: ['Compare with what the wallet shows; missing tokens can be added by mint.'], es: ['Compáralo con lo que muestra la billetera; los tokens faltantes se pueden agregar por mint.'], 'pt-BR': ['Compare com o que a carteira mostra; tokens faltando podem ser adicionados pelo mint.'] },
    when: 'Address inspection succeeded (getBalance, getTokenAccountsByOwner).',
  },
  'sol.address.invalid': {
    severity: 'high',
    summary: '"{address}" is not a Solana address (32-byte base58).',
    userMessage: { en: 'This is not a valid Solana address.', es: 'Esta no es una dirección válida de Solana.', 'pt-BR': 'Este não é um endereço válido da Solana.' },
    nextSteps: { en: ['Ask for the address again and check its network.'], es: ['Pide la dirección de nuevo y verifica su red.'], 'pt-BR': ['Peça o endereço de novo e confira a rede.'] },
    when: 'The address is not a 32-byte base58 public key.',
  },
};
