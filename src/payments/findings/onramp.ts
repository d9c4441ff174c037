import type { FindingCatalog, FindingTemplate } from '../../chains/index.ts';

type Texts = { en: string; es: string; 'pt-BR': string };
type Steps = { en: readonly string[]; es: readonly string[]; 'pt-BR': readonly string[] };
const entry = (severity: FindingTemplate['severity'], summary: string, userMessage: Texts, nextSteps: Steps, when: string): FindingTemplate => ({ severity, summary, userMessage, nextSteps, when });

/** Findings of on-ramp orders (buying crypto with a card through a provider): `onramp.*`. */
export const onrampFindings: FindingCatalog = {
  'onramp.payment.pending': entry(
    'low',
    '{provider} order {orderId}: waiting for the {fiatAmount} {fiatCurrency} payment ({providerStatus}).',
    { en: 'Your purchase of {asset} is waiting for the payment of {fiatAmount} {fiatCurrency} to be completed.', es: 'Tu compra de {asset} está esperando que se complete el pago de {fiatAmount} {fiatCurrency}.', 'pt-BR': 'Sua compra de {asset} está aguardando a conclusão do pagamento de {fiatAmount} {fiatCurrency}.' },
    { en: ['Finish the payment step in the provider window (3-D Secure approval, bank transfer); unpaid orders expire.'], es: ['Termina el paso de pago en la ventana del proveedor (aprobación 3-D Secure, transferencia); los pedidos sin pagar expiran.'], 'pt-BR': ['Conclua a etapa de pagamento na janela do provedor (aprovação 3-D Secure, transferência); pedidos não pagos expiram.'] },
    'The provider says the order waits for payment.',
  ),
  'onramp.payment.failed': entry(
    'medium',
    '{provider} order {orderId}: payment failed ({providerStatus}){reason}.',
    { en: 'The card payment for your {asset} purchase failed, so no crypto will be sent. If an amount shows as pending on your card, it is a temporary hold that is released automatically (usually within 3–7 business days).', es: 'El pago con tarjeta de tu compra de {asset} falló, así que no se enviarán criptomonedas. Si ves un monto pendiente en tu tarjeta, es una retención temporal que se libera automáticamente (normalmente en 3–7 días hábiles).', 'pt-BR': 'O pagamento com cartão da sua compra de {asset} falhou, então nenhuma cripto será enviada. Se aparecer um valor pendente no cartão, é uma retenção temporária liberada automaticamente (geralmente em 3–7 dias úteis).' },
    { en: ['Try again with another card or check with your bank that online and crypto purchases are allowed.'], es: ['Inténtalo con otra tarjeta o confirma con tu banco que permita compras en línea y de cripto.'], 'pt-BR': ['Tente com outro cartão ou confirme com seu banco se compras online e de cripto são permitidas.'] },
    'The provider reports a failed payment.',
  ),
  'onramp.kyc.required': entry(
    'medium',
    '{provider} order {orderId} is on hold for identity verification ({providerStatus}).',
    { en: 'Your purchase is on hold until {provider} verifies your identity.', es: 'Tu compra está en espera hasta que {provider} verifique tu identidad.', 'pt-BR': 'Sua compra está em espera até a {provider} verificar sua identidade.' },
    { en: ['Complete the verification requested by {provider} (check your e-mail); OpsDesk support cannot do it for you.'], es: ['Completa la verificación que pide {provider} (revisa tu correo); el soporte no puede hacerla por ti.'], 'pt-BR': ['Conclua a verificação pedida pela {provider} (confira seu e-mail); o suporte não pode fazê-la por você.'] },
    'The provider status means identity verification is pending.',
  ),
  'onramp.crypto.processing': entry(
    'low',
    '{provider} order {orderId}: paid; crypto not sent yet ({providerStatus}).',
    { en: 'Your payment went through and {provider} is sending your {cryptoAmount} {asset}. This usually takes a few minutes, sometimes up to a few hours.', es: 'Tu pago se realizó y {provider} está enviando tus {cryptoAmount} {asset}. Suele tardar unos minutos, a veces hasta unas horas.', 'pt-BR': 'Seu pagamento foi aprovado e a {provider} está enviando seus {cryptoAmount} {asset}. Geralmente leva alguns minutos, às vezes algumas horas.' },
    { en: ['Wait; if nothing arrives within 24 hours, contact {provider} with the order id {orderId}.'], es: ['Espera; si no llega nada en 24 horas, contacta a {provider} con el id de pedido {orderId}.'], 'pt-BR': ['Aguarde; se nada chegar em 24 horas, contate a {provider} com o id do pedido {orderId}.'] },
    'Paid, and the provider has not reported a transaction hash yet.',
  ),
  'onramp.crypto.delivered': entry(
    'info',
    '{provider} order {orderId}: transaction {txHash} on {chain} ({txStatus}) pays the order wallet {walletAddress}.',
    { en: 'Your {asset} was delivered to {walletAddress} on {chain} (transaction {txHash}). If you do not see it, make sure the wallet shows the {chain} network and the token is added.', es: 'Tus {asset} se entregaron a {walletAddress} en {chain} (transacción {txHash}). Si no los ves, verifica que la billetera muestre la red {chain} y que el token esté agregado.', 'pt-BR': 'Seus {asset} foram entregues em {walletAddress} na {chain} (transação {txHash}). Se não aparecerem, confira se a carteira mostra a rede {chain} e se o token está adicionado.' },
    { en: ['Enable the {chain} network and add {asset} in the wallet.'], es: ['Activa la red {chain} y agrega {asset} en la billetera.'], 'pt-BR': ['Ative a rede {chain} e adicione {asset} na carteira.'] },
    'Completed, and the chain adapter confirms the transaction and finds the order wallet in it.',
  ),
  'onramp.crypto.tx_pending': entry(
    'low',
    '{provider} order {orderId}: transaction {txHash} on {chain} is still pending.',
    { en: 'The crypto is on its way: the transaction was sent and is waiting for confirmation on {chain}.', es: 'Las criptomonedas están en camino: la transacción se envió y espera confirmación en {chain}.', 'pt-BR': 'A cripto está a caminho: a transação foi enviada e aguarda confirmação na {chain}.' },
    { en: ['Wait for the confirmation; see the transaction findings for the expected time.'], es: ['Espera la confirmación; mira los hallazgos de la transacción para el tiempo estimado.'], 'pt-BR': ['Aguarde a confirmação; veja os achados da transação para o tempo estimado.'] },
    'The provider gave a hash and the chain shows it pending.',
  ),
  'onramp.crypto.tx_failed': entry(
    'high',
    '{provider} order {orderId}: transaction {txHash} failed on {chain}.',
    { en: 'The provider\'s transfer to you failed on {chain}, so the crypto did not arrive. The provider has to send it again.', es: 'La transferencia del proveedor hacia ti falló en {chain}, así que las criptomonedas no llegaron. El proveedor debe enviarlas de nuevo.', 'pt-BR': 'A transferência do provedor para você falhou na {chain}, então a cripto não chegou. O provedor precisa enviar de novo.' },
    { en: ['Contact {provider} with the order id {orderId} and the hash {txHash}.'], es: ['Contacta a {provider} con el id de pedido {orderId} y el hash {txHash}.'], 'pt-BR': ['Contate a {provider} com o id do pedido {orderId} e o hash {txHash}.'] },
    'The provider gave a hash and the chain shows the transaction failed.',
  ),
  'onramp.crypto.tx_not_found': entry(
    'high',
    '{provider} order {orderId}: hash {txHash} is not found on {chain}.',
    { en: '{provider} marked the order as sent, but the {chain} network has no record of the transaction they gave.', es: '{provider} marcó el pedido como enviado, pero la red {chain} no tiene registro de la transacción que indicó.', 'pt-BR': 'A {provider} marcou o pedido como enviado, mas a rede {chain} não tem registro da transação informada.' },
    { en: ['Contact {provider} with the order id {orderId} and ask for the correct transaction hash and network.'], es: ['Contacta a {provider} con el id de pedido {orderId} y pide el hash y la red correctos.'], 'pt-BR': ['Contate a {provider} com o id do pedido {orderId} e peça o hash e a rede corretos.'] },
    'The provider gave a hash that the chain adapter does not find.',
  ),
  'onramp.crypto.wrong_address': entry(
    'high',
    '{provider} order {orderId}: transaction {txHash} on {chain} does not pay the order wallet {walletAddress}.',
    { en: 'The transaction {provider} gave does not send to your wallet address {walletAddress}.', es: 'La transacción que indicó {provider} no envía a tu dirección {walletAddress}.', 'pt-BR': 'A transação informada pela {provider} não envia para o seu endereço {walletAddress}.' },
    { en: ['Check that {walletAddress} is the address you entered in the order; contact {provider} with the order id {orderId}.'], es: ['Verifica que {walletAddress} sea la dirección que ingresaste en el pedido; contacta a {provider} con el id {orderId}.'], 'pt-BR': ['Confira se {walletAddress} é o endereço que você informou no pedido; contate a {provider} com o id {orderId}.'] },
    'The chain transaction is confirmed but the order wallet does not appear in its transfers.',
  ),
  'onramp.crypto.no_tx_hash': entry(
    'medium',
    '{provider} order {orderId} is {providerStatus} but carries no transaction hash.',
    { en: '{provider} says the order is complete but has not shared the transaction, so we cannot check it on the network yet.', es: '{provider} dice que el pedido está completo pero no compartió la transacción, así que aún no podemos verificarla en la red.', 'pt-BR': 'A {provider} diz que o pedido foi concluído mas não informou a transação, então ainda não podemos verificá-la na rede.' },
    { en: ['Ask {provider} for the transaction hash of order {orderId}.'], es: ['Pide a {provider} el hash de la transacción del pedido {orderId}.'], 'pt-BR': ['Peça à {provider} o hash da transação do pedido {orderId}.'] },
    'Completed without a transaction hash in the provider events.',
  ),
  'onramp.order.refunded': entry(
    'low',
    '{provider} order {orderId} refunded ({providerStatus}).',
    { en: 'The order was cancelled and your {fiatAmount} {fiatCurrency} refunded. Card refunds take 5–10 business days to show.', es: 'El pedido se canceló y se reembolsaron tus {fiatAmount} {fiatCurrency}. Los reembolsos a tarjeta tardan 5–10 días hábiles en verse.', 'pt-BR': 'O pedido foi cancelado e seus {fiatAmount} {fiatCurrency} reembolsados. Reembolsos no cartão levam 5–10 dias úteis para aparecer.' },
    { en: ['Wait up to 10 business days, then ask {provider} for the refund reference.'], es: ['Espera hasta 10 días hábiles y luego pide a {provider} la referencia del reembolso.'], 'pt-BR': ['Aguarde até 10 dias úteis e depois peça à {provider} a referência do reembolso.'] },
    'The provider reports a refund.',
  ),
  'onramp.order.expired': entry(
    'low',
    '{provider} order {orderId} {providerStatus}; no payment was completed.',
    { en: 'The order expired or was cancelled before payment, so nothing was charged and no crypto will be sent.', es: 'El pedido expiró o se canceló antes del pago, así que no se cobró nada y no se enviarán criptomonedas.', 'pt-BR': 'O pedido expirou ou foi cancelado antes do pagamento, então nada foi cobrado e nenhuma cripto será enviada.' },
    { en: ['Start a new purchase if still wanted.'], es: ['Inicia una nueva compra si aún la quieres.'], 'pt-BR': ['Inicie uma nova compra se ainda quiser.'] },
    'The provider reports the order expired or cancelled.',
  ),
  'onramp.order.failed': entry(
    'medium',
    '{provider} order {orderId} failed after payment ({providerStatus}){reason}.',
    { en: 'The order failed after the payment. {provider} refunds failed orders; the refund can take 5–10 business days to show.', es: 'El pedido falló después del pago. {provider} reembolsa los pedidos fallidos; el reembolso puede tardar 5–10 días hábiles en verse.', 'pt-BR': 'O pedido falhou depois do pagamento. A {provider} reembolsa pedidos com falha; o reembolso pode levar 5–10 dias úteis para aparecer.' },
    { en: ['Contact {provider} with the order id {orderId} if the refund does not show within 10 business days.'], es: ['Contacta a {provider} con el id {orderId} si el reembolso no aparece en 10 días hábiles.'], 'pt-BR': ['Contate a {provider} com o id {orderId} se o reembolso não aparecer em 10 dias úteis.'] },
    'The provider reports the order failed after it was paid.',
  ),
};
