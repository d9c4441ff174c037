import type { FindingCatalog, FindingTemplate } from '../../chains/index.ts';

type Texts = { en: string; es: string; 'pt-BR': string };
type Steps = { en: readonly string[]; es: readonly string[]; 'pt-BR': readonly string[] };
const entry = (severity: FindingTemplate['severity'], summary: string, userMessage: Texts, nextSteps: Steps, when: string): FindingTemplate => ({ severity, summary, userMessage, nextSteps, when });
const declined = (reason: Texts, steps: Steps, codes: string): FindingTemplate =>
  entry(
    'medium',
    'Declined with ISO 8583 response code {responseCode} ({meaning}) at {merchant} for {amount} {currency}.',
    { en: `Your card payment of {amount} {currency} at {merchant} was declined: ${reason.en} No money was taken.`, es: `Tu pago con tarjeta de {amount} {currency} en {merchant} fue rechazado: ${reason.es} No se cobró dinero.`, 'pt-BR': `Seu pagamento com cartão de {amount} {currency} em {merchant} foi recusado: ${reason['pt-BR']} Nenhum dinheiro foi cobrado.` },
    steps,
    `Declined with response code ${codes} (or the processor's equivalent reason).`,
  );

/** Findings of card payments (authorisations, declines, reversals, settlements, refunds): `card.*`. */
export const cardFindings: FindingCatalog = {
  'card.authorized.pending': entry(
    'info',
    'Authorised {amount} {currency} at {merchant}; pending (a hold), not yet settled by the merchant.',
    { en: 'The payment of {amount} {currency} at {merchant} was approved and is pending: the amount is held on your balance until the merchant completes it, usually within 1–3 days (up to 7, or up to 30 for hotels and car rentals).', es: 'El pago de {amount} {currency} en {merchant} fue aprobado y está pendiente: el monto queda retenido en tu saldo hasta que el comercio lo complete, normalmente en 1–3 días (hasta 7, o hasta 30 en hoteles y alquiler de autos).', 'pt-BR': 'O pagamento de {amount} {currency} em {merchant} foi aprovado e está pendente: o valor fica retido no seu saldo até o comerciante concluir, geralmente em 1–3 dias (até 7, ou até 30 em hotéis e aluguel de carros).' },
    { en: ['No action needed; if the merchant cancels, the hold is released automatically.'], es: ['No hace falta hacer nada; si el comercio cancela, la retención se libera automáticamente.'], 'pt-BR': ['Nada a fazer; se o comerciante cancelar, a retenção é liberada automaticamente.'] },
    'An approved authorisation without a settlement yet.',
  ),
  'card.settled.posted': entry(
    'info',
    'Settled (posted) {amount} {currency} at {merchant}.',
    { en: 'The payment of {amount} {currency} at {merchant} is completed (posted).', es: 'El pago de {amount} {currency} en {merchant} está completado (registrado).', 'pt-BR': 'O pagamento de {amount} {currency} em {merchant} foi concluído (lançado).' },
    { en: ['If you do not recognise it, block the card in the app and open a dispute.'], es: ['Si no lo reconoces, bloquea la tarjeta en la app y abre una disputa.'], 'pt-BR': ['Se você não reconhece, bloqueie o cartão no app e abra uma contestação.'] },
    'A settlement (clearing) event.',
  ),
  'card.settled.amount_differs': entry(
    'low',
    'Settled {settledAmount} {currency} vs authorised {authorizedAmount} {currency} (difference {difference}).',
    { en: 'The final amount ({settledAmount} {currency}) differs from the pending one ({authorizedAmount} {currency}). This is normal for tips, fuel, hotels, and payments in another currency, where the exchange rate of the settlement day applies.', es: 'El monto final ({settledAmount} {currency}) difiere del pendiente ({authorizedAmount} {currency}). Es normal en propinas, combustible, hoteles y pagos en otra moneda, donde se aplica el tipo de cambio del día de liquidación.', 'pt-BR': 'O valor final ({settledAmount} {currency}) é diferente do pendente ({authorizedAmount} {currency}). Isso é normal em gorjetas, combustível, hotéis e pagamentos em outra moeda, em que vale o câmbio do dia da liquidação.' },
    { en: ['If the difference is unexpected, ask the merchant for the receipt; then open a dispute if needed.'], es: ['Si la diferencia es inesperada, pide el recibo al comercio y abre una disputa si hace falta.'], 'pt-BR': ['Se a diferença for inesperada, peça o recibo ao comerciante e abra uma contestação se necessário.'] },
    'The settled amount differs from the authorised amount of the same authorisation.',
  ),
  'card.fx.conversion': entry(
    'info',
    'Merchant charged {merchantAmount} {merchantCurrency}; card billed {amount} {currency} (rate {rate}).',
    { en: 'The merchant charged {merchantAmount} {merchantCurrency}; your card was billed {amount} {currency} after currency conversion (rate {rate}, including any conversion fee).', es: 'El comercio cobró {merchantAmount} {merchantCurrency}; a tu tarjeta se le cargaron {amount} {currency} tras la conversión de moneda (tasa {rate}, incluida cualquier comisión de conversión).', 'pt-BR': 'O comerciante cobrou {merchantAmount} {merchantCurrency}; seu cartão foi cobrado em {amount} {currency} após a conversão de moeda (taxa {rate}, incluindo qualquer tarifa de conversão).' },
    { en: ['The pending amount can change at settlement because the rate of that day applies.'], es: ['El monto pendiente puede cambiar al liquidarse porque se aplica la tasa de ese día.'], 'pt-BR': ['O valor pendente pode mudar na liquidação porque vale a taxa daquele dia.'] },
    'Merchant currency differs from the billing currency.',
  ),
  'card.reversal.released': entry(
    'info',
    'Authorisation of {amount} {currency} at {merchant} reversed; the hold is released.',
    { en: 'The merchant cancelled the pending payment of {amount} {currency}; the hold is released and the amount is available again (your bank app may take up to a few days to show it).', es: 'El comercio canceló el pago pendiente de {amount} {currency}; la retención se liberó y el monto vuelve a estar disponible (tu app puede tardar unos días en mostrarlo).', 'pt-BR': 'O comerciante cancelou o pagamento pendente de {amount} {currency}; a retenção foi liberada e o valor está disponível de novo (o app pode levar alguns dias para mostrar).' },
    { en: ['No action needed.'], es: ['No hace falta hacer nada.'], 'pt-BR': ['Nada a fazer.'] },
    'A reversal of an authorisation.',
  ),
  'card.refund.pending': entry(
    'low',
    'Refund of {amount} {currency} from {merchant} announced, not yet posted.',
    { en: 'A refund of {amount} {currency} from {merchant} is on its way. Card refunds usually post within 5–10 business days (up to 30 for some merchants).', es: 'Un reembolso de {amount} {currency} de {merchant} está en camino. Los reembolsos con tarjeta suelen acreditarse en 5–10 días hábiles (hasta 30 en algunos comercios).', 'pt-BR': 'Um reembolso de {amount} {currency} de {merchant} está a caminho. Reembolsos no cartão costumam ser lançados em 5–10 dias úteis (até 30 em alguns comerciantes).' },
    { en: ['Wait up to 10 business days; after that, ask the merchant for the refund reference (ARN).'], es: ['Espera hasta 10 días hábiles; después, pide al comercio la referencia del reembolso (ARN).'], 'pt-BR': ['Aguarde até 10 dias úteis; depois, peça ao comerciante a referência do reembolso (ARN).'] },
    'A refund authorisation or pending refund event.',
  ),
  'card.refund.posted': entry(
    'info',
    'Refund of {amount} {currency} from {merchant} posted.',
    { en: 'The refund of {amount} {currency} from {merchant} has been credited to your card balance.', es: 'El reembolso de {amount} {currency} de {merchant} se acreditó al saldo de tu tarjeta.', 'pt-BR': 'O reembolso de {amount} {currency} de {merchant} foi creditado no saldo do seu cartão.' },
    { en: ['No action needed.'], es: ['No hace falta hacer nada.'], 'pt-BR': ['Nada a fazer.'] },
    'A refund settlement.',
  ),
  'card.3ds.failed': entry(
    'medium',
    '3-D Secure {threeDsResult} for {amount} {currency} at {merchant}{reason}.',
    { en: 'The online payment at {merchant} was declined because the extra security check (3-D Secure) was not completed. No money was taken.', es: 'El pago en línea en {merchant} fue rechazado porque no se completó la verificación de seguridad adicional (3-D Secure). No se cobró dinero.', 'pt-BR': 'O pagamento online em {merchant} foi recusado porque a verificação de segurança extra (3-D Secure) não foi concluída. Nenhum dinheiro foi cobrado.' },
    { en: ['Try again and approve the request in the app (or enter the code) within a few minutes; check that notifications are on.'], es: ['Inténtalo de nuevo y aprueba la solicitud en la app (o ingresa el código) en pocos minutos; verifica que las notificaciones estén activadas.'], 'pt-BR': ['Tente de novo e aprove a solicitação no app (ou digite o código) em poucos minutos; confira se as notificações estão ativadas.'] },
    '3-D Secure result failed / not authenticated, or a decline attributed to authentication.',
  ),
  'card.declined.insufficient_funds': declined(
    { en: 'there was not enough balance on the card.', es: 'no había saldo suficiente en la tarjeta.', 'pt-BR': 'não havia saldo suficiente no cartão.' },
    { en: ['Top up the card balance (pending holds count against it) and try again.'], es: ['Recarga el saldo de la tarjeta (las retenciones pendientes cuentan) e inténtalo de nuevo.'], 'pt-BR': ['Recarregue o saldo do cartão (retenções pendentes contam) e tente de novo.'] },
    '51',
  ),
  'card.declined.do_not_honor': declined(
    { en: 'the card issuer did not approve it (a generic decline, often a fraud-prevention rule).', es: 'el emisor de la tarjeta no lo aprobó (un rechazo genérico, a menudo por una regla antifraude).', 'pt-BR': 'o emissor do cartão não aprovou (recusa genérica, muitas vezes por regra antifraude).' },
    { en: ['Try again in a few minutes; if it repeats, contact support so we can check the issuer decision.'], es: ['Inténtalo de nuevo en unos minutos; si se repite, contacta a soporte para revisar la decisión del emisor.'], 'pt-BR': ['Tente de novo em alguns minutos; se repetir, contate o suporte para verificarmos a decisão do emissor.'] },
    '05',
  ),
  'card.declined.invalid_card': declined(
    { en: 'the card number or details were not recognised.', es: 'el número o los datos de la tarjeta no fueron reconocidos.', 'pt-BR': 'o número ou os dados do cartão não foram reconhecidos.' },
    { en: ['Re-enter the card number and expiry date exactly as shown in the app.'], es: ['Vuelve a ingresar el número y la fecha de vencimiento tal como aparecen en la app.'], 'pt-BR': ['Digite de novo o número e a validade exatamente como aparecem no app.'] },
    '14',
  ),
  'card.declined.expired_card': declined(
    { en: 'the card (or the expiry date entered) is expired.', es: 'la tarjeta (o la fecha de vencimiento ingresada) está vencida.', 'pt-BR': 'o cartão (ou a validade digitada) está vencido.' },
    { en: ['Check the expiry date in the app and update it at the merchant.'], es: ['Revisa la fecha de vencimiento en la app y actualízala en el comercio.'], 'pt-BR': ['Confira a validade no app e atualize-a no comerciante.'] },
    '54',
  ),
  'card.declined.incorrect_pin': declined(
    { en: 'the PIN was incorrect.', es: 'el PIN era incorrecto.', 'pt-BR': 'o PIN estava incorreto.' },
    { en: ['Check the PIN in the app and try again; several wrong attempts block the PIN.'], es: ['Revisa el PIN en la app e inténtalo de nuevo; varios intentos fallidos bloquean el PIN.'], 'pt-BR': ['Confira o PIN no app e tente de novo; várias tentativas erradas bloqueiam o PIN.'] },
    '55',
  ),
  'card.declined.incorrect_cvv': declined(
    { en: 'the security code (CVV) did not match.', es: 'el código de seguridad (CVV) no coincidía.', 'pt-BR': 'o código de segurança (CVV) não confere.' },
    { en: ['Re-enter the 3-digit security code shown in the app.'], es: ['Vuelve a ingresar el código de seguridad de 3 dígitos que muestra la app.'], 'pt-BR': ['Digite de novo o código de segurança de 3 dígitos mostrado no app.'] },
    'N7',
  ),
  'card.declined.not_permitted': declined(
    { en: 'this type of payment is not allowed on the card (for example a merchant category, country or online/ATM use that is restricted).', es: 'este tipo de pago no está permitido en la tarjeta (por ejemplo una categoría de comercio, país o uso en línea/cajero restringido).', 'pt-BR': 'este tipo de pagamento não é permitido no cartão (por exemplo categoria de comerciante, país ou uso online/saque restrito).' },
    { en: ['Check the card controls in the app (online, international, ATM); some merchant types (e.g. gambling) are never allowed.'], es: ['Revisa los controles de la tarjeta en la app (en línea, internacional, cajero); algunos tipos de comercio (p. ej. apuestas) nunca se permiten.'], 'pt-BR': ['Confira os controles do cartão no app (online, internacional, saque); alguns tipos de comerciante (ex.: apostas) nunca são permitidos.'] },
    '57 or 62',
  ),
  'card.declined.limit_exceeded': declined(
    { en: 'it went over a spending limit of the card (amount or number of payments).', es: 'superó un límite de gasto de la tarjeta (monto o cantidad de pagos).', 'pt-BR': 'ultrapassou um limite de gastos do cartão (valor ou quantidade de pagamentos).' },
    { en: ['Check the limits in the app, wait for them to reset, or pay a smaller amount.'], es: ['Revisa los límites en la app, espera a que se restablezcan o paga un monto menor.'], 'pt-BR': ['Confira os limites no app, espere que sejam renovados ou pague um valor menor.'] },
    '61 or 65',
  ),
  'card.declined.pin_tries_exceeded': declined(
    { en: 'the PIN was entered wrongly too many times and is now blocked.', es: 'el PIN se ingresó mal demasiadas veces y ahora está bloqueado.', 'pt-BR': 'o PIN foi digitado errado vezes demais e agora está bloqueado.' },
    { en: ['Unblock or reset the PIN in the app (or wait 24 h), then try again.'], es: ['Desbloquea o restablece el PIN en la app (o espera 24 h) e inténtalo de nuevo.'], 'pt-BR': ['Desbloqueie ou redefina o PIN no app (ou espere 24 h) e tente de novo.'] },
    '75',
  ),
  'card.declined.card_blocked': declined(
    { en: 'the card is blocked (reported lost or stolen, or frozen).', es: 'la tarjeta está bloqueada (reportada como perdida o robada, o congelada).', 'pt-BR': 'o cartão está bloqueado (comunicado como perdido ou roubado, ou congelado).' },
    { en: ['Check the card status in the app; if it was reported lost or stolen, order a replacement.'], es: ['Revisa el estado de la tarjeta en la app; si se reportó perdida o robada, pide un reemplazo.'], 'pt-BR': ['Confira o status do cartão no app; se foi comunicado perdido ou roubado, peça um substituto.'] },
    '04, 41, 43 or 78',
  ),
  'card.declined.suspected_fraud': declined(
    { en: 'it was flagged by fraud checks.', es: 'fue marcado por los controles antifraude.', 'pt-BR': 'foi sinalizado pelas verificações antifraude.' },
    { en: ['If it was you, confirm it in the app (or with support) and try again; if not, block the card now.'], es: ['Si fuiste tú, confírmalo en la app (o con soporte) e inténtalo de nuevo; si no, bloquea la tarjeta ya.'], 'pt-BR': ['Se foi você, confirme no app (ou com o suporte) e tente de novo; se não, bloqueie o cartão agora.'] },
    '59 or 63',
  ),
  'card.declined.authentication_required': declined(
    { en: 'the payment needs strong customer authentication (a soft decline).', es: 'el pago necesita autenticación reforzada del cliente (un rechazo suave).', 'pt-BR': 'o pagamento precisa de autenticação forte do cliente (recusa leve).' },
    { en: ['Try again; the merchant should ask for 3-D Secure approval in the app.'], es: ['Inténtalo de nuevo; el comercio debería pedir la aprobación 3-D Secure en la app.'], 'pt-BR': ['Tente de novo; o comerciante deve pedir a aprovação 3-D Secure no app.'] },
    '1A',
  ),
  'card.declined.issuer_unavailable': declined(
    { en: 'the card system was temporarily unavailable.', es: 'el sistema de la tarjeta no estaba disponible temporalmente.', 'pt-BR': 'o sistema do cartão estava temporariamente indisponível.' },
    { en: ['Try again in a few minutes; if it keeps happening, check the status page.'], es: ['Inténtalo de nuevo en unos minutos; si sigue pasando, revisa la página de estado.'], 'pt-BR': ['Tente de novo em alguns minutos; se continuar, confira a página de status.'] },
    '91 or 96',
  ),
  'card.declined.other': declined(
    { en: 'the card issuer refused it (code {responseCode}).', es: 'el emisor de la tarjeta lo rechazó (código {responseCode}).', 'pt-BR': 'o emissor do cartão recusou (código {responseCode}).' },
    { en: ['Escalate with the authorisation id if the reason is unclear.'], es: ['Escala con el id de autorización si el motivo no es claro.'], 'pt-BR': ['Escale com o id da autorização se o motivo não for claro.'] },
    'any other code',
  ),
};
