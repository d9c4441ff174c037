const secret = '(seed|secret|recovery|mnemonic|backup)\\s+(phrase|words)|private\\s+key|\\b12\\s+words|\\b24\\s+words|password|passcode|pin\\b|card\\s+number|cvv|cvc|security\\s+code';
const secretEs = 'frase\\s+(secreta|semilla|de\\s+recuperaci[oó]n)|clave\\s+privada|palabras\\s+secretas|12\\s+palabras|contrase[ñn]a|n[uú]mero\\s+de\\s+(la\\s+)?tarjeta|cvv|c[oó]digo\\s+de\\s+seguridad';
const secretPt = 'frase\\s+(secreta|semente|de\\s+recupera[cç][aã]o)|chave\\s+privada|12\\s+palavras|senha|n[uú]mero\\s+do\\s+cart[aã]o|cvv|c[oó]digo\\s+de\\s+seguran[cç]a';
const verbs = '(send|share|give|tell|provide|type|enter|paste|reply\\s+with|confirm|verify|validate|env[ií]a(?:nos|me)?|env[ií]e(?:-nos)?|m[aá]nda(?:nos|me)?|comp[aá]rte(?:nos|la)?|comparta|d[ií]nos|escribe|ingresa|pega|confirma|verifica|valida|envie|mande|compartilhe|informe|digite|cole|passe|nos\\s+passe)';
const patterns = [new RegExp(`${verbs}\\b[^.!?\\n]{0,60}?\\b(${secret}|${secretEs}|${secretPt})`, 'i'), new RegExp(`\\b(what\\s+is|cu[aá]l\\s+es|qual\\s+[eé])\\s+(your|tu|sua)\\s+(${secret}|${secretEs}|${secretPt})`, 'i')];
const negation = /\b(never|not|don'?t|do\s+not|no|nunca|jam[aá]s|n[aã]o)\s+(?:[\p{L}']+\s+){0,2}[\p{L}']*$/iu;

/**
 * Lists the sentences of a draft that ask the user for a secret (seed phrase, private key, password,
 * card number, CVV) in English, Spanish or Portuguese. Warnings such as "never share your secret
 * phrase" are allowed.
 */
export function findSecretRequests(draft: string): string[] {
  const out: string[] = [];
  for (const sentence of draft.split(/(?<=[.!?])\s+|\n+/)) {
    for (const p of patterns) {
      const m = p.exec(sentence);
      if (m && !negation.test(sentence.slice(0, m.index + m[1]!.length))) {
        out.push(sentence.trim().slice(0, 200));
        break;
      }
    }
  }
  return out;
}
