/** Lowercase, without accents, for matching the word lists below. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

// Features users talk about (en/es/pt), as stems matched at a word start.
export const featureWords: Record<string, readonly string[]> = {
  swap: ['swap', 'troca', 'trocar', 'intercambi', 'permuta', 'exchange in app'],
  bridge: ['bridge', 'puente', 'ponte', 'cross-chain', 'crosschain'],
  send: ['send', 'sending', 'sent', 'enviar', 'envio', 'transfer', 'withdraw', 'retir', 'saque', 'sacar'],
  receive: ['receiv', 'deposit', 'recib', 'receb'],
  staking: ['stak', 'reward', 'recompensa', 'validator', 'validador', 'delegat'],
  nft: ['nft', 'collectible', 'coleccionable', 'colecionav'],
  dapp: ['dapp', 'walletconnect', 'wallet connect', 'browser', 'navegador'],
  buy: ['buy', 'compra', 'card', 'tarjeta', 'cartao', 'pix', 'on-ramp', 'onramp', 'moonpay', 'fiat'],
  balance: ['balance', 'saldo'],
  login: ['login', 'log in', 'unlock', 'passcode', 'face id', 'faceid', 'biometr', 'contrasena', 'senha', 'recovery', 'restore', 'restaurar', 'import wallet', 'importar'],
  update: ['update', 'new version', 'actualiz', 'atualiz'],
  notifications: ['notification', 'notificac', 'push'],
};

export const symptomWords: Record<string, readonly string[]> = {
  failed: ['fail', 'error', 'revert', 'fallo', 'fallid', 'falla', 'erro', 'falhou', 'falha', 'rejected', 'rechaz', 'rejeitad', "didn't go through", 'did not go through'],
  stuck: ['stuck', 'pending', 'pendiente', 'pendente', 'atascad', 'trabad', 'travad', 'preso', 'presa', 'hours', 'horas', 'forever'],
  missing: ['missing', 'not showing', "doesn't show", 'not show', 'disappear', 'vanish', 'gone', 'desaparec', 'sumiu', 'sumio', 'no aparece', 'nao aparece', 'never arrived', 'not received', 'no llego', 'nao chegou', 'zero balance', 'saldo cero', 'saldo zerado'],
  crash: ['crash', 'closes', 'freez', 'frozen', 'black screen', 'white screen', 'blank screen', 'se cierra', 'se cae', 'fecha sozinho', 'trava', 'congela', 'no abre', 'nao abre', "won't open", "doesn't open"],
  slow: ['slow', 'lento', 'lenta', 'loading', 'cargando', 'carregando', 'timeout', 'takes ages'],
  fees: ['fee', 'gas', 'comision', 'taxa', 'tarifa', 'expensive', 'caro', 'cara '],
  down: ['down', 'not working', "doesn't work", 'does not work', 'no funciona', 'nao funciona', 'outage', 'caido', 'fora do ar', 'broken', 'roto', 'quebrado'],
};

/** Which ticket category a feature or symptom points at (for linking bursts to tickets). */
export const categoryHints: Record<string, string> = {
  swap: 'swap_or_bridge_failure',
  bridge: 'swap_or_bridge_failure',
  staking: 'staking_or_rewards',
  nft: 'nft',
  dapp: 'dapp_connection',
  buy: 'card_or_fiat_payment',
  login: 'account_access_recovery',
  failed: 'tx_failed',
  stuck: 'tx_stuck_pending',
  missing: 'funds_missing_or_not_shown',
  crash: 'app_bug_crash_ui',
  fees: 'fees',
};

const compiled = new WeakMap<Record<string, readonly string[]>, Array<[string, RegExp]>>();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds the keys of `table` whose stems start a word of the folded text. */
export function matchStems(folded: string, table: Record<string, readonly string[]>): string[] {
  let res = compiled.get(table);
  if (!res) {
    res = Object.entries(table).map(([key, stems]) => [key, new RegExp(`(?:^|[^a-z0-9])(?:${stems.map(escape).join('|')})`)]);
    compiled.set(table, res);
  }
  return res.filter(([, re]) => re.test(folded)).map(([key]) => key);
}
