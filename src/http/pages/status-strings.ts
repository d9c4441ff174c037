import type { ComponentStatus, Lang } from '../../incidents/index.ts';

export interface StatusPageStrings {
  htmlLang: string;
  activeIncidents: string;
  maintenance: string;
  components: string;
  pastIncidents: string;
  noPastIncidents: string;
  uptime: (pct: string, days: number) => string;
  noData: string;
  daysAgo: (n: number) => string;
  today: string;
  componentStatus: Record<ComponentStatus, string>;
  impact: Record<'none' | 'minor' | 'major' | 'critical' | 'maintenance', string>;
  scheduledFor: string;
  affects: string;
  subscribe: string;
  subscribeHint: string;
  email: string;
  language: string;
  subscribeButton: string;
  onlyThese: string;
  feeds: string;
  skip: string;
  languageNav: string;
  updated: string;
  checkInbox: string;
  confirmed: string;
  unsubscribeQuestion: string;
  unsubscribeButton: string;
  unsubscribed: string;
  invalidLink: string;
  back: string;
  notFound: string;
  poweredBy: string;
}

export const statusStrings: Record<Lang, StatusPageStrings> = {
  en: {
    htmlLang: 'en',
    activeIncidents: 'Active incidents',
    maintenance: 'Scheduled maintenance',
    components: 'Components',
    pastIncidents: 'Past incidents',
    noPastIncidents: 'No incidents in the last 90 days.',
    uptime: (pct, days) => `${pct}% uptime over the last ${days} days`,
    noData: 'No data',
    daysAgo: (n) => `${n} days ago`,
    today: 'Today',
    componentStatus: { operational: 'Operational', degraded_performance: 'Degraded performance', partial_outage: 'Partial outage', major_outage: 'Major outage', under_maintenance: 'Under maintenance' },
    impact: { none: 'No impact', minor: 'Minor', major: 'Major', critical: 'Critical', maintenance: 'Maintenance' },
    scheduledFor: 'Scheduled',
    affects: 'Affects',
    subscribe: 'Get updates',
    subscribeHint: 'We e-mail you when an incident or maintenance starts, changes or ends. You can unsubscribe with one click.',
    email: 'E-mail address',
    language: 'Language',
    subscribeButton: 'Subscribe',
    onlyThese: 'Only these components (none checked: all)',
    feeds: 'Feeds',
    skip: 'Skip to content',
    languageNav: 'Language',
    updated: 'Updated',
    checkInbox: 'Check your inbox: we sent a link to confirm your subscription.',
    confirmed: 'Your subscription is confirmed. You will receive status updates by e-mail.',
    unsubscribeQuestion: 'Stop receiving status updates at this address?',
    unsubscribeButton: 'Unsubscribe',
    unsubscribed: 'You are unsubscribed and will receive no more status e-mails.',
    invalidLink: 'This link is invalid or has already been used.',
    back: 'Back to the status page',
    notFound: 'This incident does not exist or is not public.',
    poweredBy: 'Our team will never ask for your recovery phrase or private key.',
  },
  es: {
    htmlLang: 'es',
    activeIncidents: 'Incidentes activos',
    maintenance: 'Mantenimiento programado',
    components: 'Componentes',
    pastIncidents: 'Incidentes anteriores',
    noPastIncidents: 'Sin incidentes en los últimos 90 días.',
    uptime: (pct, days) => `${pct}% de disponibilidad en los últimos ${days} días`,
    noData: 'Sin datos',
    daysAgo: (n) => `hace ${n} días`,
    today: 'Hoy',
    componentStatus: { operational: 'Operativo', degraded_performance: 'Rendimiento degradado', partial_outage: 'Interrupción parcial', major_outage: 'Interrupción mayor', under_maintenance: 'En mantenimiento' },
    impact: { none: 'Sin impacto', minor: 'Menor', major: 'Mayor', critical: 'Crítico', maintenance: 'Mantenimiento' },
    scheduledFor: 'Programado',
    affects: 'Afecta a',
    subscribe: 'Recibe actualizaciones',
    subscribeHint: 'Te escribimos cuando un incidente o mantenimiento empieza, cambia o termina. Puedes darte de baja con un clic.',
    email: 'Correo electrónico',
    language: 'Idioma',
    subscribeButton: 'Suscribirme',
    onlyThese: 'Solo estos componentes (ninguno marcado: todos)',
    feeds: 'Feeds',
    skip: 'Ir al contenido',
    languageNav: 'Idioma',
    updated: 'Actualizado',
    checkInbox: 'Revisa tu correo: te enviamos un enlace para confirmar la suscripción.',
    confirmed: 'Tu suscripción está confirmada. Recibirás las actualizaciones de estado por correo.',
    unsubscribeQuestion: '¿Dejar de recibir actualizaciones de estado en esta dirección?',
    unsubscribeButton: 'Darme de baja',
    unsubscribed: 'Te diste de baja y no recibirás más correos de estado.',
    invalidLink: 'Este enlace no es válido o ya se usó.',
    back: 'Volver a la página de estado',
    notFound: 'Este incidente no existe o no es público.',
    poweredBy: 'Nuestro equipo nunca te pedirá tu frase de recuperación ni tu clave privada.',
  },
  'pt-BR': {
    htmlLang: 'pt-BR',
    activeIncidents: 'Incidentes ativos',
    maintenance: 'Manutenção programada',
    components: 'Componentes',
    pastIncidents: 'Incidentes anteriores',
    noPastIncidents: 'Nenhum incidente nos últimos 90 dias.',
    uptime: (pct, days) => `${pct}% de disponibilidade nos últimos ${days} dias`,
    noData: 'Sem dados',
    daysAgo: (n) => `há ${n} dias`,
    today: 'Hoje',
    componentStatus: { operational: 'Operacional', degraded_performance: 'Desempenho degradado', partial_outage: 'Interrupção parcial', major_outage: 'Interrupção grave', under_maintenance: 'Em manutenção' },
    impact: { none: 'Sem impacto', minor: 'Leve', major: 'Grave', critical: 'Crítico', maintenance: 'Manutenção' },
    scheduledFor: 'Programada',
    affects: 'Afeta',
    subscribe: 'Receba atualizações',
    subscribeHint: 'Enviamos um e-mail quando um incidente ou manutenção começa, muda ou termina. Você pode cancelar com um clique.',
    email: 'E-mail',
    language: 'Idioma',
    subscribeButton: 'Inscrever-me',
    onlyThese: 'Somente estes componentes (nenhum marcado: todos)',
    feeds: 'Feeds',
    skip: 'Ir para o conteúdo',
    languageNav: 'Idioma',
    updated: 'Atualizado',
    checkInbox: 'Confira seu e-mail: enviamos um link para confirmar a inscrição.',
    confirmed: 'Sua inscrição foi confirmada. Você receberá as atualizações de status por e-mail.',
    unsubscribeQuestion: 'Parar de receber atualizações de status neste endereço?',
    unsubscribeButton: 'Cancelar inscrição',
    unsubscribed: 'Sua inscrição foi cancelada; você não receberá mais e-mails de status.',
    invalidLink: 'Este link é inválido ou já foi usado.',
    back: 'Voltar para a página de status',
    notFound: 'Este incidente não existe ou não é público.',
    poweredBy: 'Nossa equipe nunca pedirá sua frase de recuperação ou sua chave privada.',
  },
};
