import type { FindingCatalog } from './catalog.ts';

/** Findings of the Bitcoin family (Bitcoin, Litecoin, Dogecoin, …): `btc.*`. Amounts in the texts are display strings. */
export const btcFindings: FindingCatalog = {
  'btc.tx.not_found': {
    severity: 'high',
    summary: 'Transaction {txid} is neither in a block nor in the mempool of {chain}.',
    userMessage: {
      en: 'The {chain} network has no record of this transaction. It was probably never broadcast, or it was dropped from the mempools; nothing left your wallet.',
      es: 'La red {chain} no tiene registro de esta transacción. Probablemente nunca se transmitió o fue descartada de las mempools; no salió nada de tu billetera.',
      'pt-BR': 'A rede {chain} não tem registro desta transação. Provavelmente ela nunca foi transmitida ou foi descartada das mempools; nada saiu da sua carteira.',
    },
    nextSteps: {
      en: ['Check that the hash and the network ({chain}) are right.', 'If the wallet still shows it as pending, wait for it to expire or send again with the current fee.'],
      es: ['Verifica que el hash y la red ({chain}) sean correctos.', 'Si la billetera aún la muestra pendiente, espera a que expire o envía de nuevo con la comisión actual.'],
      'pt-BR': ['Confira se o hash e a rede ({chain}) estão corretos.', 'Se a carteira ainda mostra como pendente, aguarde expirar ou envie de novo com a taxa atual.'],
    },
    when: 'The Esplora/Core endpoint answers 404 / -5 for the txid and no replacement is known.',
  },
  'btc.tx.found_on_other_chain': {
    severity: 'high',
    summary: 'Transaction {txid} is not on {chain} but on {otherChain} ({otherStatus}).',
    userMessage: {
      en: 'This transaction happened on {otherChain}, not on {chain}. The coins are on {otherChain}.',
      es: 'Esta transacción ocurrió en {otherChain}, no en {chain}. Las monedas están en {otherChain}.',
      'pt-BR': 'Esta transação aconteceu na {otherChain}, não na {chain}. As moedas estão na {otherChain}.',
    },
    nextSteps: {
      en: ['Open the {otherChain} wallet (same recovery phrase) to see the coins.', 'If they were sent to an exchange that does not support {otherChain}, contact the exchange with the hash.'],
      es: ['Abre la billetera de {otherChain} (misma frase de recuperación) para ver las monedas.', 'Si se enviaron a un exchange que no soporta {otherChain}, contacta al exchange con el hash.'],
      'pt-BR': ['Abra a carteira da {otherChain} (mesma frase de recuperação) para ver as moedas.', 'Se foram enviadas a uma corretora que não suporta {otherChain}, contate a corretora com o hash.'],
    },
    when: 'The dispatcher found the hash on another Bitcoin-family chain than the one asked.',
  },
  'btc.tx.dropped': {
    severity: 'high',
    summary: 'Transaction {txid} left the mempools; its inputs are still unspent, so the signed raw transaction can be re-broadcast.',
    userMessage: {
      en: 'This transaction was dropped by the network (usually because its fee was too low) and never confirmed. Your coins did not move.',
      es: 'La red descartó esta transacción (normalmente por una comisión demasiado baja) y nunca se confirmó. Tus monedas no se movieron.',
      'pt-BR': 'A rede descartou esta transação (geralmente por taxa baixa demais) e ela nunca foi confirmada. Suas moedas não se moveram.',
    },
    nextSteps: {
      en: ['Send again with a fee of at least {neededSatVb} sat/vB, or re-broadcast the same signed transaction when fees fall.'],
      es: ['Envía de nuevo con una comisión de al menos {neededSatVb} sat/vB, o retransmite la misma transacción firmada cuando bajen las comisiones.'],
      'pt-BR': ['Envie de novo com taxa de pelo menos {neededSatVb} sat/vB, ou retransmita a mesma transação assinada quando as taxas caírem.'],
    },
    when: 'Not found, a raw transaction was given, and none of its inputs is spent on chain.',
  },
  'btc.tx.replaced': {
    severity: 'medium',
    summary: 'Transaction {txid} was replaced by {replacedBy} (RBF or a double spend of the same inputs).',
    userMessage: {
      en: 'This transaction was replaced by another one that spends the same coins ({replacedBy}), for example after a fee bump. Only one of them can ever confirm, so you were not charged twice.',
      es: 'Esta transacción fue reemplazada por otra que gasta las mismas monedas ({replacedBy}), por ejemplo al acelerar la comisión. Solo una puede confirmarse, así que no se te cobró dos veces.',
      'pt-BR': 'Esta transação foi substituída por outra que gasta as mesmas moedas ({replacedBy}), por exemplo ao acelerar a taxa. Só uma pode ser confirmada, então você não foi cobrado duas vezes.',
    },
    nextSteps: {
      en: ['Follow transaction {replacedBy} instead.', 'If nobody in your wallet replaced it, treat the wallet as compromised and move the remaining funds.'],
      es: ['Sigue la transacción {replacedBy} en su lugar.', 'Si nadie en tu billetera la reemplazó, considera la billetera comprometida y mueve los fondos restantes.'],
      'pt-BR': ['Acompanhe a transação {replacedBy} no lugar desta.', 'Se ninguém na sua carteira a substituiu, trate a carteira como comprometida e mova o saldo restante.'],
    },
    when: 'mempool.space /v1/tx/:txid/rbf names a replacement, or an input of the raw transaction is spent by another transaction.',
  },
  'btc.pending.low_fee': {
    severity: 'high',
    summary: 'Pending at {feeRateSatVb} sat/vB; the next block needs about {nextBlockSatVb} sat/vB (30 min: {halfHourSatVb}, 1 h: {hourSatVb}).',
    userMessage: {
      en: 'Your transaction is waiting because its fee ({feeRateSatVb} sat/vB) is lower than what the network asks right now (about {nextBlockSatVb} sat/vB for the next block). It can wait for hours or days, or be dropped.',
      es: 'Tu transacción está en espera porque su comisión ({feeRateSatVb} sat/vB) es menor que la que pide la red ahora (unos {nextBlockSatVb} sat/vB para el próximo bloque). Puede tardar horas o días, o ser descartada.',
      'pt-BR': 'Sua transação está esperando porque a taxa ({feeRateSatVb} sat/vB) é menor do que a rede pede agora (cerca de {nextBlockSatVb} sat/vB para o próximo bloco). Pode levar horas ou dias, ou ser descartada.',
    },
    nextSteps: {
      en: ['Speed it up (RBF or CPFP, see the other findings), or wait for fees to fall below {feeRateSatVb} sat/vB.'],
      es: ['Acelérala (RBF o CPFP, ver los otros hallazgos) o espera a que las comisiones bajen de {feeRateSatVb} sat/vB.'],
      'pt-BR': ['Acelere (RBF ou CPFP, veja os outros achados) ou espere as taxas caírem abaixo de {feeRateSatVb} sat/vB.'],
    },
    when: 'Unconfirmed and its (effective) fee rate is below the hour target of /v1/fees/recommended, mempool-blocks or estimatesmartfee.',
  },
  'btc.pending.waiting': {
    severity: 'low',
    summary: 'Pending at {feeRateSatVb} sat/vB, competitive with the current targets (next block {nextBlockSatVb} sat/vB).',
    userMessage: {
      en: 'Your transaction is in the queue with a fee good enough to confirm soon (usually within {etaMinutes} minutes).',
      es: 'Tu transacción está en la fila con una comisión suficiente para confirmarse pronto (normalmente en {etaMinutes} minutos).',
      'pt-BR': 'Sua transação está na fila com taxa suficiente para confirmar em breve (geralmente em {etaMinutes} minutos).',
    },
    nextSteps: { en: ['Wait; no action is needed.'], es: ['Espera; no hace falta hacer nada.'], 'pt-BR': ['Aguarde; nada precisa ser feito.'] },
    when: 'Unconfirmed and the fee rate meets at least the hour target.',
  },
  'btc.pending.rbf_bump': {
    severity: 'medium',
    summary: 'Signals BIP125 RBF (an input sequence < 0xfffffffe); a replacement needs ≥ {minFeeSat} sat total ({targetSatVb} sat/vB on {vsize} vB).',
    userMessage: {
      en: 'This transaction can be sped up: the wallet can replace it with the same payment and a higher fee (Replace-By-Fee).',
      es: 'Esta transacción se puede acelerar: la billetera puede reemplazarla por el mismo pago con una comisión mayor (Replace-By-Fee).',
      'pt-BR': 'Esta transação pode ser acelerada: a carteira pode substituí-la pelo mesmo pagamento com taxa maior (Replace-By-Fee).',
    },
    nextSteps: {
      en: ['Use "Speed up" in the wallet with at least {targetSatVb} sat/vB (a total fee of at least {minFeeSat} sat).'],
      es: ['Usa "Acelerar" en la billetera con al menos {targetSatVb} sat/vB (una comisión total de al menos {minFeeSat} sat).'],
      'pt-BR': ['Use "Acelerar" na carteira com pelo menos {targetSatVb} sat/vB (taxa total de pelo menos {minFeeSat} sat).'],
    },
    when: 'Unconfirmed and any input sequence is below 0xfffffffe (BIP125 signal).',
  },
  'btc.pending.cpfp_possible': {
    severity: 'medium',
    summary: 'Output {vout} ({address}) can pay for the parent: a child of ~{childVsize} vB needs a fee of {childFeeSat} sat for {targetSatVb} sat/vB on the package.',
    userMessage: {
      en: 'The receiver (or your change) can speed this up by spending the incoming coins with a high fee (Child-Pays-For-Parent).',
      es: 'El receptor (o tu cambio) puede acelerarla gastando las monedas entrantes con una comisión alta (Child-Pays-For-Parent).',
      'pt-BR': 'O recebedor (ou o seu troco) pode acelerar gastando as moedas recebidas com uma taxa alta (Child-Pays-For-Parent).',
    },
    nextSteps: {
      en: ['From the wallet holding {address}, spend that output with a fee of at least {childFeeSat} sat (about {childRateSatVb} sat/vB).'],
      es: ['Desde la billetera que tiene {address}, gasta esa salida con una comisión de al menos {childFeeSat} sat (unos {childRateSatVb} sat/vB).'],
      'pt-BR': ['Da carteira que tem {address}, gaste essa saída com taxa de pelo menos {childFeeSat} sat (cerca de {childRateSatVb} sat/vB).'],
    },
    when: 'Unconfirmed, below target, and an output is unspent (change or the expected recipient).',
  },
  'btc.pending.unconfirmed_parent': {
    severity: 'medium',
    summary: 'Spends {count} unconfirmed parent transaction(s): {parents}; it cannot confirm before them.',
    userMessage: {
      en: 'This transaction spends coins that are themselves not confirmed yet, so it has to wait for the earlier transaction(s) too.',
      es: 'Esta transacción gasta monedas que aún no están confirmadas, así que también debe esperar a la(s) transacción(es) anterior(es).',
      'pt-BR': 'Esta transação gasta moedas que ainda não foram confirmadas, então precisa esperar também a(s) transação(ões) anterior(es).',
    },
    nextSteps: {
      en: ['A fee bump must cover the whole package (this transaction and its parents); see the CPFP figures.'],
      es: ['Un aumento de comisión debe cubrir todo el paquete (esta transacción y sus padres); ver las cifras de CPFP.'],
      'pt-BR': ['O aumento de taxa precisa cobrir o pacote todo (esta transação e as anteriores); veja os números de CPFP.'],
    },
    when: 'Unconfirmed with unconfirmed ancestors (/v1/cpfp or getmempoolancestors, or an unconfirmed input).',
  },
  'btc.success.confirmed': {
    severity: 'info',
    summary: 'Confirmed in block {blockHeight} with {confirmations} confirmation(s) (final after {finalityBlocks}).',
    userMessage: {
      en: 'The transaction is confirmed on {chain} ({confirmations} confirmations). Confirmed transfers cannot be reversed by the wallet.',
      es: 'La transacción está confirmada en {chain} ({confirmations} confirmaciones). Las transferencias confirmadas no pueden revertirse desde la billetera.',
      'pt-BR': 'A transação está confirmada na {chain} ({confirmations} confirmações). Transferências confirmadas não podem ser revertidas pela carteira.',
    },
    nextSteps: {
      en: ['If an exchange or merchant has not credited it yet, they may need {finalityBlocks} confirmations; share the hash with them.'],
      es: ['Si un exchange o comercio aún no la acreditó, puede requerir {finalityBlocks} confirmaciones; compárteles el hash.'],
      'pt-BR': ['Se uma corretora ou loja ainda não creditou, ela pode exigir {finalityBlocks} confirmações; envie o hash a ela.'],
    },
    when: 'The transaction is in a block.',
  },
  'btc.recipient.found': {
    severity: 'info',
    summary: 'Output {vout} pays {amount} {symbol} to {address}.',
    userMessage: {
      en: '{amount} {symbol} was sent to {address} in this transaction.',
      es: 'En esta transacción se enviaron {amount} {symbol} a {address}.',
      'pt-BR': 'Nesta transação foram enviados {amount} {symbol} para {address}.',
    },
    nextSteps: {
      en: ['If the wallet of {address} does not show it, refresh or rescan that wallet.'],
      es: ['Si la billetera de {address} no lo muestra, actualiza o vuelve a escanear esa billetera.'],
      'pt-BR': ['Se a carteira de {address} não mostra, atualize ou reescaneie essa carteira.'],
    },
    when: 'An expected recipient was given and an output pays exactly that address.',
  },
  'btc.recipient.not_in_outputs': {
    severity: 'high',
    summary: 'No output pays {address}; outputs go to {outputs}.',
    userMessage: {
      en: 'This transaction did not send anything to {address}. The coins went to other address(es).',
      es: 'Esta transacción no envió nada a {address}. Las monedas fueron a otra(s) dirección(es).',
      'pt-BR': 'Esta transação não enviou nada para {address}. As moedas foram para outro(s) endereço(s).',
    },
    nextSteps: {
      en: ['Compare the receiving address with the one the transaction paid; if they differ, the sender used a wrong or changed address.'],
      es: ['Compara la dirección de recepción con la que pagó la transacción; si difieren, el remitente usó una dirección equivocada o cambiada.'],
      'pt-BR': ['Compare o endereço de recebimento com o que a transação pagou; se forem diferentes, o remetente usou um endereço errado ou alterado.'],
    },
    when: 'An expected recipient was given and no output pays it (nor the same key under another type).',
  },
  'btc.recipient.address_type_mismatch': {
    severity: 'medium',
    summary: 'Output {vout} pays {paidAddress} ({paidType}), the same key as {address} but another address type.',
    userMessage: {
      en: 'The coins went to another address format ({paidType}) of the same key as {address}. They are yours, but the wallet may only show them once that address type is enabled.',
      es: 'Las monedas fueron a otro formato de dirección ({paidType}) de la misma clave que {address}. Son tuyas, pero la billetera puede mostrarlas solo si activas ese tipo de dirección.',
      'pt-BR': 'As moedas foram para outro formato de endereço ({paidType}) da mesma chave que {address}. São suas, mas a carteira pode mostrá-las só depois de ativar esse tipo de endereço.',
    },
    nextSteps: {
      en: ['In the wallet, switch the Bitcoin address type to {paidType} (or import the same key in a wallet that supports it).'],
      es: ['En la billetera, cambia el tipo de dirección Bitcoin a {paidType} (o importa la misma clave en una billetera que lo soporte).'],
      'pt-BR': ['Na carteira, mude o tipo de endereço Bitcoin para {paidType} (ou importe a mesma chave numa carteira que o suporte).'],
    },
    when: 'An output pays the same key hash as the expected address under a different script type (P2PKH/P2WPKH/P2SH-P2WPKH).',
  },
  'btc.recipient.change_only': {
    severity: 'medium',
    summary: 'Every output returns to the sending addresses ({outputs}); nothing went to anyone else.',
    userMessage: {
      en: 'All the coins in this transaction went back to the sender\'s own (change) address, so nothing was paid out.',
      es: 'Todas las monedas de esta transacción volvieron a la dirección propia (de cambio) del remitente, así que no se pagó nada.',
      'pt-BR': 'Todas as moedas desta transação voltaram para o endereço (de troco) do próprio remetente, então nada foi pago.',
    },
    nextSteps: {
      en: ['Check the recipient address used in the wallet and send again to the intended address.'],
      es: ['Revisa la dirección de destino usada en la billetera y envía de nuevo a la dirección correcta.'],
      'pt-BR': ['Confira o endereço de destino usado na carteira e envie de novo ao endereço certo.'],
    },
    when: 'All outputs pay addresses that also appear among the inputs.',
  },
  'btc.output.dust': {
    severity: 'low',
    summary: 'Output {vout} of {valueSat} sat to {address} is below the dust limit ({dustLimitSat} sat).',
    userMessage: {
      en: 'One output of this transaction is so small ("dust") that spending it would cost more than it is worth. Unexpected dust from strangers can be a tracking attempt: do not spend it together with your other coins.',
      es: 'Una salida de esta transacción es tan pequeña ("dust") que gastarla costaría más de lo que vale. El dust inesperado de desconocidos puede ser un intento de rastreo: no lo gastes junto con tus otras monedas.',
      'pt-BR': 'Uma saída desta transação é tão pequena ("dust") que gastá-la custaria mais do que vale. Dust inesperado de estranhos pode ser tentativa de rastreamento: não o gaste junto com suas outras moedas.',
    },
    nextSteps: {
      en: ['Leave the dust output unspent (freeze it if the wallet allows).'],
      es: ['Deja sin gastar la salida dust (congélala si la billetera lo permite).'],
      'pt-BR': ['Deixe a saída dust sem gastar (congele-a se a carteira permitir).'],
    },
    when: 'An output value is below the relay dust limit of its script type.',
  },
  'btc.raw.decoded': {
    severity: 'info',
    summary: 'Raw transaction {txid}: {vsize} vB, {inputs} input(s), {outputs} output(s), RBF {rbf}, fee {fee}.',
    userMessage: {
      en: 'We decoded the signed transaction: id {txid}, size {vsize} vB.',
      es: 'Decodificamos la transacción firmada: id {txid}, tamaño {vsize} vB.',
      'pt-BR': 'Decodificamos a transação assinada: id {txid}, tamanho {vsize} vB.',
    },
    nextSteps: { en: ['Use the decoded id to follow the transaction.'], es: ['Usa el id decodificado para seguir la transacción.'], 'pt-BR': ['Use o id decodificado para acompanhar a transação.'] },
    when: 'A --raw hex was given and decoded with bitcoinjs-lib.',
  },
  'btc.raw.hash_mismatch': {
    severity: 'medium',
    summary: 'The raw transaction hashes to {rawTxid}, not to the given {txid}.',
    userMessage: {
      en: 'The signed transaction you shared is a different transaction from the hash you gave.',
      es: 'La transacción firmada que compartiste es distinta a la del hash que diste.',
      'pt-BR': 'A transação assinada que você enviou é diferente da do hash informado.',
    },
    nextSteps: { en: ['Diagnose {rawTxid} too, or share the matching raw transaction.'], es: ['Diagnostica también {rawTxid}, o comparte la transacción correcta.'], 'pt-BR': ['Diagnostique também {rawTxid}, ou envie a transação correspondente.'] },
    when: 'The txid of the --raw hex differs from the hash asked about.',
  },
  'btc.address.summary': {
    severity: 'info',
    summary: '{address}: {confirmed} {symbol} confirmed, {unconfirmed} {symbol} unconfirmed, {utxoCount} UTXO(s), {txCount} transaction(s).',
    userMessage: {
      en: 'The address {address} holds {confirmed} {symbol} (confirmed) in {utxoCount} coin(s).',
      es: 'La dirección {address} tiene {confirmed} {symbol} (confirmados) en {utxoCount} moneda(s).',
      'pt-BR': 'O endereço {address} tem {confirmed} {symbol} (confirmados) em {utxoCount} moeda(s).',
    },
    nextSteps: { en: ['Compare with the balance the wallet shows; a difference means the wallet must resync.'], es: ['Compáralo con el saldo que muestra la billetera; si difiere, la billetera debe resincronizarse.'], 'pt-BR': ['Compare com o saldo mostrado na carteira; se for diferente, a carteira precisa ressincronizar.'] },
    when: 'Address inspection succeeded.',
  },
  'btc.address.unconfirmed': {
    severity: 'low',
    summary: '{address} has {unconfirmed} {symbol} unconfirmed in the mempool.',
    userMessage: {
      en: '{unconfirmed} {symbol} for this address is still waiting for confirmation; it will show as available once confirmed.',
      es: '{unconfirmed} {symbol} de esta dirección aún esperan confirmación; aparecerán disponibles al confirmarse.',
      'pt-BR': '{unconfirmed} {symbol} deste endereço ainda aguardam confirmação; ficarão disponíveis depois de confirmados.',
    },
    nextSteps: { en: ['Wait for confirmation; diagnose the pending transaction if it takes long.'], es: ['Espera la confirmación; diagnostica la transacción pendiente si tarda.'], 'pt-BR': ['Aguarde a confirmação; diagnostique a transação pendente se demorar.'] },
    when: 'The mempool stats of the address are not zero.',
  },
  'btc.address.invalid': {
    severity: 'high',
    summary: '"{address}" is not a valid {chain} address{hint}.',
    userMessage: {
      en: 'This is not a valid {chain} address{hint}. Coins cannot be sent to it on {chain}.',
      es: 'Esta no es una dirección válida de {chain}{hint}. No se pueden enviar monedas a ella en {chain}.',
      'pt-BR': 'Este não é um endereço válido de {chain}{hint}. Não é possível enviar moedas para ele na {chain}.',
    },
    nextSteps: { en: ['Ask for the address again and check the network it belongs to.'], es: ['Pide la dirección de nuevo y verifica a qué red pertenece.'], 'pt-BR': ['Peça o endereço de novo e confira a que rede ele pertence.'] },
    when: 'The address does not decode for the chain\'s network parameters.',
  },
};
