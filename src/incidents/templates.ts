import type { AffectedCell, AnyStatus, Feature, Lang, Localized } from './incident.ts';
import { langs } from './incident.ts';

export interface TemplateFacts {
  /** Names of the affected public components (or matrix cells rendered by `describeAffected`). */
  components: readonly string[];
  workaround?: string | null;
  nextUpdateAt?: string | null;
  scheduledFor?: string | null;
  scheduledUntil?: string | null;
}

type Phrases = {
  phases: Record<AnyStatus, string>;
  someServices: string;
  workaround: string;
  nextUpdate: string;
  safety: string;
  features: Record<Feature, string>;
  on: string;
};

/** The update texts per language (exported for the catalogue-consistency test). */
export const phrases: Record<Lang, Phrases> = {
  en: {
    phases: {
      investigating: 'We are investigating reports of problems with {components}.',
      identified: 'We have identified the cause of the problems with {components} and are working on a fix.',
      monitoring: 'A fix has been applied for {components}. We are monitoring the results.',
      resolved: 'The problems with {components} have been resolved. Thank you for your patience.',
      scheduled: 'Maintenance of {components} is scheduled from {from} to {until}.',
      in_progress: 'Maintenance of {components} is in progress.',
      verifying: 'Maintenance of {components} is finished; we are verifying the results.',
      completed: 'Maintenance of {components} is complete.',
    },
    someServices: 'some services',
    workaround: 'Workaround: {workaround}',
    nextUpdate: 'Next update by {time}.',
    safety: 'Our team will never ask for your recovery phrase or private key.',
    features: { send: 'Sending', receive: 'Receiving', swap: 'Swaps', bridge: 'Bridging', staking: 'Staking', card: 'Card payments', buy: 'Buying crypto' },
    on: 'on',
  },
  es: {
    phases: {
      investigating: 'Estamos investigando reportes de problemas con {components}.',
      identified: 'Identificamos la causa de los problemas con {components} y estamos trabajando en una solución.',
      monitoring: 'Aplicamos una solución para {components}. Estamos monitoreando los resultados.',
      resolved: 'Los problemas con {components} están resueltos. Gracias por tu paciencia.',
      scheduled: 'Hay un mantenimiento programado de {components} desde {from} hasta {until}.',
      in_progress: 'El mantenimiento de {components} está en curso.',
      verifying: 'El mantenimiento de {components} terminó; estamos verificando los resultados.',
      completed: 'El mantenimiento de {components} está completo.',
    },
    someServices: 'algunos servicios',
    workaround: 'Solución temporal: {workaround}',
    nextUpdate: 'Próxima actualización: {time}.',
    safety: 'Nuestro equipo nunca te pedirá tu frase de recuperación ni tu clave privada.',
    features: { send: 'Envíos', receive: 'Recepción', swap: 'Swaps', bridge: 'Bridges', staking: 'Staking', card: 'Pagos con tarjeta', buy: 'Compra de cripto' },
    on: 'en',
  },
  'pt-BR': {
    phases: {
      investigating: 'Estamos investigando relatos de problemas com {components}.',
      identified: 'Identificamos a causa dos problemas com {components} e estamos trabalhando em uma correção.',
      monitoring: 'Uma correção foi aplicada para {components}. Estamos monitorando os resultados.',
      resolved: 'Os problemas com {components} foram resolvidos. Obrigado pela paciência.',
      scheduled: 'Uma manutenção de {components} está programada de {from} até {until}.',
      in_progress: 'A manutenção de {components} está em andamento.',
      verifying: 'A manutenção de {components} terminou; estamos verificando os resultados.',
      completed: 'A manutenção de {components} foi concluída.',
    },
    someServices: 'alguns serviços',
    workaround: 'Solução temporária: {workaround}',
    nextUpdate: 'Próxima atualização: {time}.',
    safety: 'Nossa equipe nunca pedirá sua frase de recuperação ou sua chave privada.',
    features: { send: 'Envios', receive: 'Recebimentos', swap: 'Swaps', bridge: 'Bridges', staking: 'Staking', card: 'Pagamentos com cartão', buy: 'Compra de cripto' },
    on: 'na rede',
  },
};

const platformNames: Record<string, string> = { ios: 'iOS', android: 'Android', extension: 'Extension', desktop: 'Desktop', web: 'Web' };

/** A time in the reader's language, in UTC (e.g. "Nov 27, 2026, 14:00 UTC"). */
export function formatTime(iso: string, lang: Lang): string {
  const text = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' }).format(new Date(iso));
  return `${text} UTC`;
}

function list(items: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items);
}

/** Renders matrix cells as words: "Swaps on Ethereum (iOS 9.1.x)". */
export function describeAffected(cells: readonly AffectedCell[], lang: Lang): string[] {
  const p = phrases[lang];
  return cells.map((c) => {
    const what = c.feature ? p.features[c.feature] : '';
    const chain = c.chain ? c.chain.replace(/(^|-)([a-z])/g, (_, d: string, ch: string) => (d ? ' ' : '') + ch.toUpperCase()) : '';
    const where = [c.platform ? platformNames[c.platform] : '', c.appVersion ?? ''].filter(Boolean).join(' ');
    let text = what && chain ? `${what} ${p.on} ${chain}` : what || chain;
    if (where) text = text ? `${text} (${where})` : where;
    return text;
  }).filter(Boolean);
}

/** The update text for a phase in one language, filled with components, workaround and next update time. */
export function renderUpdate(status: AnyStatus, facts: TemplateFacts, lang: Lang): string {
  const p = phrases[lang];
  const components = facts.components.length ? list(facts.components, lang) : p.someServices;
  const lines = [
    p.phases[status]
      .replace('{components}', components)
      .replace('{from}', facts.scheduledFor ? formatTime(facts.scheduledFor, lang) : '—')
      .replace('{until}', facts.scheduledUntil ? formatTime(facts.scheduledUntil, lang) : '—'),
  ];
  const closed = status === 'resolved' || status === 'completed';
  if (facts.workaround && !closed) lines.push(p.workaround.replace('{workaround}', facts.workaround));
  if (facts.nextUpdateAt && !closed) lines.push(p.nextUpdate.replace('{time}', formatTime(facts.nextUpdateAt, lang)));
  lines.push(p.safety);
  return lines.join('\n\n');
}

/** The update text in every supported language. */
export function renderUpdateAll(status: AnyStatus, facts: (lang: Lang) => TemplateFacts): Localized {
  return Object.fromEntries(langs.map((l) => [l, renderUpdate(status, facts(l), l)])) as Localized;
}
