/** What a label just before a 64-hex value says it is (multilingual; lowercase input). */
const privateLabel =
  /(?:priv(?:ate)?[\s_-]*key|key\s*\(priv|privkey|\bpk\b|\bpriv\b|secret(?!\s+(?:recovery\s+)?(?:phrase|words))|exported?\s+(?:private\s+)?key|export(?:ed)?\s+key|my\s+key|wallet\s+key|signing\s+key|clave\s+privada|llave\s+privada|clave\s+secreta|chave\s+privada|chave\s+secreta|cl[ée]\s+priv[ée]e|chiave\s+privata|privater?\s+schl[üu]ssel|klucz\s+prywatny|soukrom[ýy]\s+kl[íi][čc]|özel\s+anahtar|ozel\s+anahtar|приватн\S*\s+ключ|секретн\S*\s+ключ|私钥|私鑰|秘密鍵|개인\s*키|khóa\s+riêng|kunci\s+pribadi)/gu;
const publicLabel =
  /(?:\btxs?\b|\btxn\b|signature|\bsig\b|firma|assinatura|txid|tx\s*id|tx\s*hash|txhash|hash|transaction|transacci[oó]n|transa[çc][ãa]o|transa[çc][õo]es|transaktion|transazione|\bblock\b|bloque|bloco|public\s*key|pubkey|clave\s+p[úu]blica|chave\s+p[úu]blica|\/tx\/|\/transaction\/|\/block\/|explorer|scan\.|交易|ハッシュ|트랜잭션|address|direcci[oó]n|endere[çc]o|contract|contrato|\bid\b|order)/gu;

export type HexLabel = 'private' | 'public' | 'none';

/** Reads the nearest label in the 80 characters before a value: the closest one wins. */
export function labelBefore(text: string, start: number): HexLabel {
  const window = text.slice(Math.max(0, start - 80), start).toLowerCase();
  const p = lastMatch(privateLabel, window);
  const q = lastMatch(publicLabel, window);
  if (p < 0 && q < 0) return 'none';
  return p > q ? 'private' : 'public';
}

function lastMatch(pattern: RegExp, s: string): number {
  const g = pattern;
  g.lastIndex = 0;
  let last = -1;
  for (let m = g.exec(s); m; m = g.exec(s)) {
    last = m.index + m[0].length;
    if (m[0].length === 0) g.lastIndex++;
  }
  return last;
}
