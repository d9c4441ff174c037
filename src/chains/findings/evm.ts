import type { FindingCatalog } from './catalog.ts';

/** EVM finding codes (CONTRACTS.md §3 plus a few more), with texts in English, Spanish and Brazilian Portuguese. */
export const evmFindings: FindingCatalog = {
  'evm.tx.not_found': {
    severity: 'medium',
    when: 'No such transaction on the chain, nor in the node\'s pool.',
    summary: 'Transaction {hash} is neither mined nor in the pool on {chain}.',
    userMessage: {
      en: 'The {chain} network has no record of this transaction. It was probably never sent, or it was dropped before anyone saw it. Nothing left your wallet for it.',
      es: 'La red {chain} no tiene registro de esta transacción. Probablemente nunca se envió o se descartó antes de que alguien la viera. No salió nada de tu billetera por ella.',
      'pt-BR': 'A rede {chain} não tem registro desta transação. Provavelmente ela nunca foi enviada ou foi descartada antes de alguém vê-la. Nada saiu da sua carteira por causa dela.',
    },
    nextSteps: {
      en: ['Check that the hash is complete and that the network is the right one.', 'If the wallet still shows it as pending, cancel it or send it again.'],
      es: ['Verifica que el hash esté completo y que la red sea la correcta.', 'Si la billetera aún la muestra como pendiente, cancélala o envíala de nuevo.'],
      'pt-BR': ['Confira se o hash está completo e se a rede é a correta.', 'Se a carteira ainda mostra como pendente, cancele ou envie de novo.'],
    },
  },
  'evm.tx.found_on_other_chain': {
    severity: 'high',
    when: 'Not on the asked chain, but found on another configured chain.',
    summary: 'Not on {chain}; found on {otherChain} (status {status}).',
    userMessage: {
      en: 'This transaction happened on {otherChain}, not on {chain}. Your funds are on {otherChain} at the same address.',
      es: 'Esta transacción ocurrió en {otherChain}, no en {chain}. Tus fondos están en {otherChain}, en la misma dirección.',
      'pt-BR': 'Esta transação aconteceu na {otherChain}, não na {chain}. Seus fundos estão na {otherChain}, no mesmo endereço.',
    },
    nextSteps: {
      en: ['Switch the wallet to {otherChain} (add the network if needed) to see the funds.', 'If it was sent to an exchange that does not support {otherChain}, contact the exchange with the hash.'],
      es: ['Cambia la billetera a {otherChain} (agrega la red si hace falta) para ver los fondos.', 'Si se envió a un exchange que no admite {otherChain}, contacta al exchange con el hash.'],
      'pt-BR': ['Mude a carteira para a {otherChain} (adicione a rede se preciso) para ver os fundos.', 'Se foi enviada a uma corretora que não aceita a {otherChain}, fale com a corretora informando o hash.'],
    },
  },
  'evm.pending.nonce_gap': {
    severity: 'high',
    when: 'Pending, and an earlier nonce of the sender is missing from chain and pool.',
    summary: 'Nonce {nonce} waits for missing nonce {missingNonce} of the sender (latest mined nonce count {latestNonce}).',
    userMessage: {
      en: 'An earlier transaction from your wallet (number {missingNonce}) is missing, and transactions must go in order. This one waits behind it.',
      es: 'Falta una transacción anterior de tu billetera (la número {missingNonce}) y las transacciones deben ir en orden. Esta espera detrás de ella.',
      'pt-BR': 'Está faltando uma transação anterior da sua carteira (a número {missingNonce}) e as transações precisam seguir a ordem. Esta espera atrás dela.',
    },
    nextSteps: {
      en: ['Send any transaction (for example 0 to yourself) with nonce {missingNonce} to fill the gap.', 'Or cancel/speed up the stuck transaction that uses nonce {missingNonce}.'],
      es: ['Envía cualquier transacción (por ejemplo 0 a ti mismo) con nonce {missingNonce} para llenar el hueco.', 'O cancela/acelera la transacción atascada que usa el nonce {missingNonce}.'],
      'pt-BR': ['Envie qualquer transação (por exemplo 0 para você mesmo) com nonce {missingNonce} para preencher a lacuna.', 'Ou cancele/acelere a transação travada que usa o nonce {missingNonce}.'],
    },
  },
  'evm.pending.underpriced': {
    severity: 'high',
    when: 'Pending, and its fee cap is below the current base fee (or its tip far below what recent blocks paid).',
    summary: 'Fee cap {maxFeeGwei} gwei vs base fee {baseFeeGwei} gwei; tip {tipGwei} gwei vs recent median {marketTipGwei} gwei.',
    userMessage: {
      en: 'The fee you offered is lower than what the network asks for right now, so no block is including your transaction.',
      es: 'La comisión que ofreciste es menor a la que pide la red ahora mismo, así que ningún bloque incluye tu transacción.',
      'pt-BR': 'A taxa oferecida está abaixo do que a rede pede agora, então nenhum bloco está incluindo sua transação.',
    },
    nextSteps: {
      en: ['Speed it up: resend with the same nonce ({nonce}) and at least 10% higher max fee and tip.', 'Or wait until network fees fall below {maxFeeGwei} gwei.', 'Or cancel it: send 0 to yourself with the same nonce and a higher fee.'],
      es: ['Acelérala: reenvíala con el mismo nonce ({nonce}) y al menos un 10% más de comisión máxima y propina.', 'O espera a que las comisiones de la red bajen de {maxFeeGwei} gwei.', 'O cancélala: envía 0 a ti mismo con el mismo nonce y una comisión mayor.'],
      'pt-BR': ['Acelere: reenvie com o mesmo nonce ({nonce}) e pelo menos 10% a mais na taxa máxima e na gorjeta.', 'Ou espere as taxas da rede caírem abaixo de {maxFeeGwei} gwei.', 'Ou cancele: envie 0 para você mesmo com o mesmo nonce e uma taxa maior.'],
    },
  },
  'evm.pending.waiting': {
    severity: 'low',
    when: 'Pending with a competitive fee and no gap: it is in the queue.',
    summary: 'Pending nonce {nonce}; fee cap {maxFeeGwei} gwei covers base fee {baseFeeGwei} gwei; {earlierPending} earlier pending transaction(s) of the sender.',
    userMessage: {
      en: 'Your transaction is waiting in the network queue with a fair fee. It should confirm soon.',
      es: 'Tu transacción está en la cola de la red con una comisión adecuada. Debería confirmarse pronto.',
      'pt-BR': 'Sua transação está na fila da rede com uma taxa adequada. Deve ser confirmada em breve.',
    },
    nextSteps: {
      en: ['Wait a few minutes.', 'If earlier transactions of the wallet are pending, they confirm first.'],
      es: ['Espera unos minutos.', 'Si hay transacciones anteriores pendientes en la billetera, se confirman primero.'],
      'pt-BR': ['Aguarde alguns minutos.', 'Se houver transações anteriores pendentes na carteira, elas são confirmadas primeiro.'],
    },
  },
  'evm.tx.replaced': {
    severity: 'medium',
    when: 'Another transaction with the same sender and nonce was mined.',
    summary: 'Nonce {nonce} of {from} was used by {replacedBy} ({replacementKind}).',
    userMessage: {
      en: 'This transaction was replaced by another one from your wallet with the same number ({replacementKind}). Only one of them could go through, so you were not charged twice.',
      es: 'Esta transacción fue reemplazada por otra de tu billetera con el mismo número ({replacementKind}). Solo una podía ejecutarse, así que no se te cobró dos veces.',
      'pt-BR': 'Esta transação foi substituída por outra da sua carteira com o mesmo número ({replacementKind}). Só uma poderia ser executada, então você não foi cobrado duas vezes.',
    },
    nextSteps: {
      en: ['Look at the replacing transaction {replacedBy}: that is the one that counted.', 'If you did not send the replacement yourself, treat the wallet as compromised: move the funds to a new wallet.'],
      es: ['Revisa la transacción que la reemplazó, {replacedBy}: esa es la que cuenta.', 'Si tú no enviaste el reemplazo, considera la billetera comprometida: mueve los fondos a una billetera nueva.'],
      'pt-BR': ['Veja a transação que a substituiu, {replacedBy}: essa é a que valeu.', 'Se não foi você quem enviou a substituta, considere a carteira comprometida: mova os fundos para uma carteira nova.'],
    },
  },
  'evm.tx.dropped': {
    severity: 'medium',
    when: 'No longer in the pool, and its nonce was not used by any mined transaction.',
    summary: 'Not mined and not in the pool; nonce {nonce} of {from} is still free (next nonce {latestNonce}).',
    userMessage: {
      en: 'The network forgot this transaction before it was confirmed, usually because the fee was too low for too long. It did not execute and no fee was charged.',
      es: 'La red olvidó esta transacción antes de confirmarla, normalmente porque la comisión fue demasiado baja durante mucho tiempo. No se ejecutó y no se cobró comisión.',
      'pt-BR': 'A rede esqueceu esta transação antes de confirmá-la, normalmente porque a taxa ficou baixa por tempo demais. Ela não foi executada e nenhuma taxa foi cobrada.',
    },
    nextSteps: {
      en: ['Send it again with the current fee; nonce {nonce} is free to reuse.', 'Or rebroadcast the same signed transaction if its fee is still enough.'],
      es: ['Envíala de nuevo con la comisión actual; el nonce {nonce} está libre.', 'O retransmite la misma transacción firmada si su comisión todavía alcanza.'],
      'pt-BR': ['Envie de novo com a taxa atual; o nonce {nonce} está livre.', 'Ou retransmita a mesma transação assinada se a taxa dela ainda for suficiente.'],
    },
  },
  'evm.failed.revert': {
    severity: 'medium',
    when: 'Reverted; evidence has the decoded reason (Error(string), Panic(uint256) or custom error).',
    summary: 'Reverted: {reason}.',
    userMessage: {
      en: 'The contract refused the operation ({reason}). Nothing moved except the network fee.',
      es: 'El contrato rechazó la operación ({reason}). No se movió nada salvo la comisión de red.',
      'pt-BR': 'O contrato recusou a operação ({reason}). Nada foi movido além da taxa de rede.',
    },
    nextSteps: {
      en: ['Check the reason above; if it is not clear, contact the dApp with the transaction hash.', 'Do not retry unchanged: it will fail again and cost another fee.'],
      es: ['Revisa el motivo; si no queda claro, contacta a la dApp con el hash de la transacción.', 'No reintentes sin cambios: volverá a fallar y costará otra comisión.'],
      'pt-BR': ['Veja o motivo acima; se não estiver claro, fale com o dApp informando o hash da transação.', 'Não tente de novo sem mudar nada: vai falhar outra vez e custar outra taxa.'],
    },
  },
  'evm.failed.out_of_gas': {
    severity: 'medium',
    when: 'Ran out of gas (all the gas limit used, no revert data).',
    summary: 'Used {gasUsed} of gas limit {gasLimit} without revert data: out of gas (or an invalid operation).',
    userMessage: {
      en: 'The transaction ran out of its gas allowance, so it stopped and was undone. The fee for the gas used was still paid.',
      es: 'La transacción se quedó sin gas, así que se detuvo y se deshizo. La comisión del gas usado sí se pagó.',
      'pt-BR': 'A transação ficou sem gas, então parou e foi desfeita. A taxa do gas usado foi paga mesmo assim.',
    },
    nextSteps: {
      en: ['Retry with a higher gas limit (let the wallet estimate it and add 20–30%).', 'If it fails again, the contract is the problem: contact the dApp.'],
      es: ['Reintenta con un límite de gas mayor (deja que la billetera lo estime y súmale 20–30%).', 'Si vuelve a fallar, el problema es el contrato: contacta a la dApp.'],
      'pt-BR': ['Tente de novo com um limite de gas maior (deixe a carteira estimar e some 20–30%).', 'Se falhar de novo, o problema é o contrato: fale com o dApp.'],
    },
  },
  'evm.failed.insufficient_allowance': {
    severity: 'medium',
    when: 'ERC-20 transferFrom above the allowance (string or custom error).',
    summary: 'transferFrom above the allowance: {reason}.',
    userMessage: {
      en: 'The app was not allowed to move that much of your {symbol} (the approval was missing or too small). Nothing moved except the network fee.',
      es: 'La app no tenía permiso para mover esa cantidad de tu {symbol} (faltaba la aprobación o era muy pequeña). No se movió nada salvo la comisión.',
      'pt-BR': 'O app não tinha permissão para mover essa quantidade do seu {symbol} (a aprovação faltava ou era pequena). Nada foi movido além da taxa.',
    },
    nextSteps: {
      en: ['Approve the token for the app first, preferably for the exact amount, then retry.', 'If the approval was done, wait for it to confirm before retrying.'],
      es: ['Aprueba primero el token para la app, de preferencia por el monto exacto, y reintenta.', 'Si ya aprobaste, espera a que la aprobación se confirme antes de reintentar.'],
      'pt-BR': ['Aprove primeiro o token para o app, de preferência no valor exato, e tente de novo.', 'Se a aprovação já foi feita, espere ela confirmar antes de tentar de novo.'],
    },
  },
  'evm.failed.insufficient_token_balance': {
    severity: 'medium',
    when: 'ERC-20 transfer above the token balance.',
    summary: 'Token transfer above the balance: {reason}.',
    userMessage: {
      en: 'You did not have enough {symbol} when the transaction ran. Nothing moved except the network fee.',
      es: 'No tenías suficiente {symbol} cuando se ejecutó la transacción. No se movió nada salvo la comisión.',
      'pt-BR': 'Você não tinha {symbol} suficiente quando a transação foi executada. Nada foi movido além da taxa.',
    },
    nextSteps: {
      en: ['Check the {symbol} balance and send a smaller amount.', 'Some tokens take a fee on transfer; leave a margin.'],
      es: ['Revisa el saldo de {symbol} y envía un monto menor.', 'Algunos tokens cobran una comisión al transferir; deja un margen.'],
      'pt-BR': ['Confira o saldo de {symbol} e envie um valor menor.', 'Alguns tokens cobram taxa na transferência; deixe uma margem.'],
    },
  },
  'evm.failed.slippage': {
    severity: 'medium',
    when: 'Swap reverted for too little output / the price moved.',
    summary: 'Swap reverted on the minimum output: {reason}.',
    userMessage: {
      en: 'The price moved before your swap ran, and you would have received less than your minimum. The swap was cancelled to protect you; only the fee was spent.',
      es: 'El precio cambió antes de que se ejecutara tu intercambio y habrías recibido menos que tu mínimo. Se canceló para protegerte; solo se gastó la comisión.',
      'pt-BR': 'O preço mudou antes da sua troca ser executada e você receberia menos que o mínimo. A troca foi cancelada para te proteger; só a taxa foi gasta.',
    },
    nextSteps: {
      en: ['Get a fresh quote and retry, with a slightly higher slippage tolerance if the token is volatile.', 'Avoid very high slippage on thin liquidity: bots can take the difference.'],
      es: ['Pide una cotización nueva y reintenta, con una tolerancia de deslizamiento un poco mayor si el token es volátil.', 'Evita un deslizamiento muy alto con poca liquidez: los bots pueden quedarse con la diferencia.'],
      'pt-BR': ['Peça uma cotação nova e tente de novo, com uma tolerância de slippage um pouco maior se o token for volátil.', 'Evite slippage muito alto com pouca liquidez: robôs podem ficar com a diferença.'],
    },
  },
  'evm.failed.deadline': {
    severity: 'low',
    when: 'Swap reverted because its deadline passed before it was mined.',
    summary: 'Reverted on the deadline: {reason}.',
    userMessage: {
      en: 'The swap waited too long and passed its time limit, so it was cancelled. Only the fee was spent.',
      es: 'El intercambio esperó demasiado y superó su tiempo límite, así que se canceló. Solo se gastó la comisión.',
      'pt-BR': 'A troca esperou demais e passou do prazo, então foi cancelada. Só a taxa foi gasta.',
    },
    nextSteps: {
      en: ['Retry with a normal (not low) fee so it confirms in time.'],
      es: ['Reintenta con una comisión normal (no baja) para que se confirme a tiempo.'],
      'pt-BR': ['Tente de novo com uma taxa normal (não baixa) para confirmar a tempo.'],
    },
  },
  'evm.success.native_transfer': {
    severity: 'info',
    when: 'Confirmed native-coin transfer (evidence: from, to, value).',
    summary: 'Confirmed: {amount} {symbol} from {from} to {to}.',
    userMessage: {
      en: 'The transfer of {amount} {symbol} to {to} is confirmed on the network.',
      es: 'La transferencia de {amount} {symbol} a {to} está confirmada en la red.',
      'pt-BR': 'A transferência de {amount} {symbol} para {to} está confirmada na rede.',
    },
    nextSteps: {
      en: ['If the receiver does not see it, check that they look at the same network and address.', 'Confirmed transfers cannot be reversed by the wallet.'],
      es: ['Si el destinatario no la ve, verifica que mire la misma red y dirección.', 'Las transferencias confirmadas no se pueden revertir desde la billetera.'],
      'pt-BR': ['Se o destinatário não vê, confira se ele olha a mesma rede e o mesmo endereço.', 'Transferências confirmadas não podem ser revertidas pela carteira.'],
    },
  },
  'evm.success.token_transfer': {
    severity: 'info',
    when: 'Confirmed ERC-20/721/1155 transfer (evidence: token, symbol, decimals, amount, to).',
    summary: 'Confirmed {standard} transfer: {amount} {symbol} ({token}) from {from} to {to}.',
    userMessage: {
      en: '{amount} {symbol} arrived at {to}. If the wallet does not show it, the token just needs to be added.',
      es: '{amount} {symbol} llegaron a {to}. Si la billetera no lo muestra, solo hay que agregar el token.',
      'pt-BR': '{amount} {symbol} chegaram em {to}. Se a carteira não mostra, basta adicionar o token.',
    },
    nextSteps: {
      en: ['Add the token in the wallet with contract {token} ({symbol}, {decimals} decimals).', 'Check the contract address: fake tokens copy well-known symbols.'],
      es: ['Agrega el token en la billetera con el contrato {token} ({symbol}, {decimals} decimales).', 'Verifica la dirección del contrato: los tokens falsos copian símbolos conocidos.'],
      'pt-BR': ['Adicione o token na carteira com o contrato {token} ({symbol}, {decimals} casas decimais).', 'Confira o endereço do contrato: tokens falsos copiam símbolos conhecidos.'],
    },
  },
  'evm.success.confirmations': {
    severity: 'info',
    when: 'Mined, but not yet final (confirmations below the chain\'s finality).',
    summary: 'Mined in block {block}; {confirmations} confirmation(s), final after {required}.',
    userMessage: {
      en: 'It is in a block ({confirmations} confirmation(s)). Exchanges and services may wait for {required} before crediting it.',
      es: 'Está en un bloque ({confirmations} confirmación(es)). Los exchanges y servicios pueden esperar {required} antes de acreditarla.',
      'pt-BR': 'Já está em um bloco ({confirmations} confirmação(ões)). Corretoras e serviços podem esperar {required} antes de creditar.',
    },
    nextSteps: {
      en: ['Wait for the remaining confirmations.'],
      es: ['Espera las confirmaciones que faltan.'],
      'pt-BR': ['Aguarde as confirmações restantes.'],
    },
  },
  'evm.recipient.token_contract': {
    severity: 'critical',
    when: 'Coins or tokens were sent to a token contract address itself.',
    summary: '{amount} {symbol} sent to token contract {to}.',
    userMessage: {
      en: 'The funds were sent to the address of a token contract, not to a person\'s wallet. Most token contracts cannot send them back.',
      es: 'Los fondos se enviaron a la dirección de un contrato de token, no a la billetera de una persona. La mayoría de los contratos no pueden devolverlos.',
      'pt-BR': 'Os fundos foram enviados para o endereço de um contrato de token, não para a carteira de uma pessoa. A maioria dos contratos não consegue devolvê-los.',
    },
    nextSteps: {
      en: ['Contact the token project with the hash: only they can help, if the contract has a rescue function.', 'Recovery is usually not possible; always copy the receiver\'s wallet address, not the token\'s.'],
      es: ['Contacta al proyecto del token con el hash: solo ellos pueden ayudar, si el contrato tiene una función de rescate.', 'Normalmente no se puede recuperar; copia siempre la dirección de la billetera del destinatario, no la del token.'],
      'pt-BR': ['Fale com o projeto do token informando o hash: só eles podem ajudar, se o contrato tiver uma função de resgate.', 'Normalmente não é possível recuperar; copie sempre o endereço da carteira do destinatário, não o do token.'],
    },
  },
  'evm.recipient.contract': {
    severity: 'medium',
    when: 'Native coins sent to a contract with a plain transfer (no call data); smart-contract wallets (Safe, smart accounts) are contracts too.',
    summary: '{amount} {symbol} sent to contract {to}.',
    userMessage: {
      en: 'The coins went to a smart contract, not to a personal wallet. Whether they can come back depends on that contract.',
      es: 'Las monedas fueron a un contrato inteligente, no a una billetera personal. Que puedan volver depende de ese contrato.',
      'pt-BR': 'As moedas foram para um contrato inteligente, não para uma carteira pessoal. Se podem voltar depende desse contrato.',
    },
    nextSteps: {
      en: ['If the receiver uses a smart-contract wallet (for example a Safe), this is expected: ask them to check it.', 'If the contract belongs to an exchange, bridge or dApp, contact them with the hash.', 'Otherwise the funds are usually not recoverable.'],
      es: ['Si el destinatario usa una billetera de contrato inteligente (por ejemplo una Safe), es lo esperado: pídele que la revise.', 'Si el contrato es de un exchange, puente o dApp, contáctalos con el hash.', 'Si no, normalmente los fondos no se pueden recuperar.'],
      'pt-BR': ['Se o destinatário usa uma carteira de contrato inteligente (por exemplo uma Safe), isso é esperado: peça para ele verificar.', 'Se o contrato é de uma corretora, ponte ou dApp, fale com eles informando o hash.', 'Caso contrário, normalmente os fundos não podem ser recuperados.'],
    },
  },
  'evm.security.address_poisoning': {
    severity: 'critical',
    when: 'Zero-value or dust transfer from or to a look-alike of an address the user really used.',
    summary: '{amount} {symbol} transfer involving {lookalike}, a look-alike of {genuine} (same first {prefixChars} and last {suffixChars} hex characters).',
    userMessage: {
      en: 'This is a scam called address poisoning: someone planted an address that looks like {genuine} in your history. Never copy addresses from your history.',
      es: 'Es una estafa llamada envenenamiento de direcciones: alguien puso en tu historial una dirección parecida a {genuine}. Nunca copies direcciones del historial.',
      'pt-BR': 'Isto é um golpe chamado envenenamento de endereço: alguém colocou no seu histórico um endereço parecido com {genuine}. Nunca copie endereços do histórico.',
    },
    nextSteps: {
      en: ['Do not send anything to {lookalike}.', 'Check every character of an address before sending; use the address book.', 'If funds were already sent to the look-alike, report it to the authorities; they cannot be reversed.'],
      es: ['No envíes nada a {lookalike}.', 'Revisa cada carácter de la dirección antes de enviar; usa la libreta de direcciones.', 'Si ya enviaste fondos a la dirección falsa, denúncialo a las autoridades; no se pueden revertir.'],
      'pt-BR': ['Não envie nada para {lookalike}.', 'Confira cada caractere do endereço antes de enviar; use a agenda de endereços.', 'Se já enviou fundos ao endereço falso, denuncie às autoridades; não dá para reverter.'],
    },
  },
  'evm.security.unlimited_approval': {
    severity: 'high',
    when: 'An approve of an unlimited amount (or approval for all NFTs of a collection).',
    summary: '{owner} gave {spender} an unlimited approval on {symbol} ({token}).',
    userMessage: {
      en: 'This transaction allows {spender} to move all of your {symbol}, now and later. If you do not fully trust that app, revoke it.',
      es: 'Esta transacción permite que {spender} mueva todo tu {symbol}, ahora y después. Si no confías plenamente en esa app, revoca el permiso.',
      'pt-BR': 'Esta transação permite que {spender} mova todo o seu {symbol}, agora e depois. Se não confia totalmente nesse app, revogue a permissão.',
    },
    nextSteps: {
      en: ['Revoke the approval (set it to 0) from the wallet\'s approvals screen or a revoke tool.', 'Prefer approving the exact amount next time.'],
      es: ['Revoca la aprobación (ponla en 0) desde la pantalla de aprobaciones de la billetera o con una herramienta de revocación.', 'La próxima vez, aprueba solo el monto exacto.'],
      'pt-BR': ['Revogue a aprovação (coloque em 0) na tela de aprovações da carteira ou numa ferramenta de revogação.', 'Da próxima vez, aprove só o valor exato.'],
    },
  },
  'evm.rpc.lagging': {
    severity: 'low',
    when: 'An RPC endpoint of the chain is behind the others (its answer was replaced by a fresher endpoint\'s).',
    summary: '{url} is {blocksBehind} block(s) behind {freshUrl}; used the fresher answer.',
    userMessage: {
      en: 'One of the network servers we checked was behind; the answer comes from an up-to-date server.',
      es: 'Uno de los servidores de la red que consultamos estaba atrasado; la respuesta viene de un servidor actualizado.',
      'pt-BR': 'Um dos servidores da rede consultados estava atrasado; a resposta vem de um servidor atualizado.',
    },
    nextSteps: {
      en: ['No action for the user.', 'If it persists, move the lagging endpoint down in chains.rpc.'],
      es: ['El usuario no necesita hacer nada.', 'Si persiste, baja el endpoint atrasado en chains.rpc.'],
      'pt-BR': ['O usuário não precisa fazer nada.', 'Se continuar, mova o endpoint atrasado para baixo em chains.rpc.'],
    },
  },
};
