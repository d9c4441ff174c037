import type { AnyStatus, Lang } from './incident.ts';

export const statusLabels: Record<AnyStatus, Record<Lang, string>> = {
  investigating: { en: 'Investigating', es: 'Investigando', 'pt-BR': 'Investigando' },
  identified: { en: 'Identified', es: 'Identificado', 'pt-BR': 'Identificado' },
  monitoring: { en: 'Monitoring', es: 'Monitoreando', 'pt-BR': 'Monitorando' },
  resolved: { en: 'Resolved', es: 'Resuelto', 'pt-BR': 'Resolvido' },
  scheduled: { en: 'Scheduled', es: 'Programado', 'pt-BR': 'Programada' },
  in_progress: { en: 'In progress', es: 'En curso', 'pt-BR': 'Em andamento' },
  verifying: { en: 'Verifying', es: 'Verificando', 'pt-BR': 'Verificando' },
  completed: { en: 'Completed', es: 'Completado', 'pt-BR': 'Concluída' },
};

export const emailTexts: Record<Lang, { confirmSubject: string; confirmBody: string; footer: string }> = {
  en: {
    confirmSubject: 'Confirm your subscription to {page}',
    confirmBody: 'Someone (hopefully you) asked to receive status updates from {page} at this address.\n\nConfirm with this link:\n{link}\n\nIf it was not you, ignore this e-mail and nothing will be sent.',
    footer: 'You receive this because you subscribed to {page}. Unsubscribe with one click: {link}',
  },
  es: {
    confirmSubject: 'Confirma tu suscripción a {page}',
    confirmBody: 'Alguien (esperamos que tú) pidió recibir actualizaciones de estado de {page} en esta dirección.\n\nConfírmalo con este enlace:\n{link}\n\nSi no fuiste tú, ignora este correo y no te enviaremos nada.',
    footer: 'Recibes este correo porque te suscribiste a {page}. Cancela la suscripción con un clic: {link}',
  },
  'pt-BR': {
    confirmSubject: 'Confirme sua inscrição em {page}',
    confirmBody: 'Alguém (esperamos que você) pediu para receber atualizações de status de {page} neste endereço.\n\nConfirme com este link:\n{link}\n\nSe não foi você, ignore este e-mail e nada será enviado.',
    footer: 'Você recebe este e-mail porque se inscreveu em {page}. Cancele a inscrição com um clique: {link}',
  },
};
