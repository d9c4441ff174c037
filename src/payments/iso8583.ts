/** ISO 8583 field 39 response codes (Visa/Mastercard usage), what they mean, and the finding they map to. */
export const iso8583: Readonly<Record<string, { meaning: string; finding: string }>> = {
  '00': { meaning: 'Approved', finding: 'card.authorized.pending' },
  '01': { meaning: 'Refer to card issuer', finding: 'card.declined.do_not_honor' },
  '03': { meaning: 'Invalid merchant', finding: 'card.declined.other' },
  '04': { meaning: 'Pick up card', finding: 'card.declined.card_blocked' },
  '05': { meaning: 'Do not honor', finding: 'card.declined.do_not_honor' },
  '12': { meaning: 'Invalid transaction', finding: 'card.declined.other' },
  '13': { meaning: 'Invalid amount', finding: 'card.declined.other' },
  '14': { meaning: 'Invalid card number', finding: 'card.declined.invalid_card' },
  '41': { meaning: 'Lost card, pick up', finding: 'card.declined.card_blocked' },
  '43': { meaning: 'Stolen card, pick up', finding: 'card.declined.card_blocked' },
  '51': { meaning: 'Insufficient funds', finding: 'card.declined.insufficient_funds' },
  '54': { meaning: 'Expired card', finding: 'card.declined.expired_card' },
  '55': { meaning: 'Incorrect PIN', finding: 'card.declined.incorrect_pin' },
  '57': { meaning: 'Transaction not permitted to cardholder', finding: 'card.declined.not_permitted' },
  '58': { meaning: 'Transaction not permitted to terminal', finding: 'card.declined.not_permitted' },
  '59': { meaning: 'Suspected fraud', finding: 'card.declined.suspected_fraud' },
  '61': { meaning: 'Exceeds withdrawal amount limit', finding: 'card.declined.limit_exceeded' },
  '62': { meaning: 'Restricted card', finding: 'card.declined.not_permitted' },
  '63': { meaning: 'Security violation', finding: 'card.declined.suspected_fraud' },
  '65': { meaning: 'Exceeds withdrawal frequency limit (Mastercard also: SCA required)', finding: 'card.declined.limit_exceeded' },
  '75': { meaning: 'Allowable number of PIN tries exceeded', finding: 'card.declined.pin_tries_exceeded' },
  '78': { meaning: 'Blocked, first used / no account', finding: 'card.declined.card_blocked' },
  '91': { meaning: 'Issuer or switch inoperative', finding: 'card.declined.issuer_unavailable' },
  '96': { meaning: 'System malfunction', finding: 'card.declined.issuer_unavailable' },
  N7: { meaning: 'Decline for CVV2 failure', finding: 'card.declined.incorrect_cvv' },
  '1A': { meaning: 'Additional customer authentication required (SCA soft decline)', finding: 'card.declined.authentication_required' },
};

/** Meaning and finding of a response code; unknown codes map to card.declined.other. */
export function explainResponseCode(code: string | undefined): { code: string; meaning: string; finding: string } {
  const c = (code ?? '').trim().toUpperCase();
  const known = iso8583[c];
  return known ? { code: c, ...known } : { code: c || 'none', meaning: 'Unknown response code', finding: 'card.declined.other' };
}
