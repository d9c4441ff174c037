import type { FindingCatalog } from './catalog.ts';

/** Findings of the offline address check (`opsdesk address inspect` on chains without an adapter): `offline.*`. */
export const offlineFindings: FindingCatalog = {
  'offline.address.matches': {
    severity: 'info',
    summary: 'Valid address of {count} coin type(s) known to wallet-core: {coins}.',
    userMessage: {
      en: 'This is a valid address for {coins}. Make sure the sender uses that network.',
      es: 'Esta es una dirección válida de {coins}. Asegúrate de que el remitente use esa red.',
      'pt-BR': 'Este é um endereço válido de {coins}. Garanta que o remetente use essa rede.',
    },
    nextSteps: {
      en: ['Open the explorer link to see its balance and history; OpsDesk has no live adapter for {coins}.'],
      es: ['Abre el enlace del explorador para ver su saldo e historial; OpsDesk no tiene un adaptador en vivo para {coins}.'],
      'pt-BR': ['Abra o link do explorador para ver saldo e histórico; o OpsDesk não tem adaptador ao vivo para {coins}.'],
    },
    when: 'wallet-core validates the address for at least one coin type without an OpsDesk adapter.',
  },
  'offline.address.no_match': {
    severity: 'high',
    summary: '"{address}" is not a valid address of any of the {known} coin types wallet-core knows.',
    userMessage: {
      en: 'This is not a valid address on any network we know. It may be mistyped or incomplete.',
      es: 'Esta no es una dirección válida en ninguna red que conozcamos. Puede estar mal escrita o incompleta.',
      'pt-BR': 'Este não é um endereço válido em nenhuma rede que conhecemos. Pode estar digitado errado ou incompleto.',
    },
    nextSteps: {
      en: ['Ask the user to copy the address again (whole, without spaces) and to say which network it is for.'],
      es: ['Pide al usuario que copie la dirección de nuevo (completa, sin espacios) y que indique de qué red es.'],
      'pt-BR': ['Peça ao usuário para copiar o endereço de novo (inteiro, sem espaços) e dizer de qual rede é.'],
    },
    when: 'No wallet-core coin type validates the address.',
  },
};
