import type { Language } from '../ticket.ts';

/** Reply languages: the ticket's language picks one (`pt` tickets get pt-BR). */
export const replyLangs = ['en', 'es', 'pt-BR'] as const;
export type ReplyLang = (typeof replyLangs)[number];

export interface Macro {
  id: string;
  title: string;
  /** Template per language; `{name}` is a variable filled from the ticket and its diagnosis. */
  bodies: Record<ReplyLang, string>;
}

export const replyLangOf = (language: Language | string): ReplyLang => (language === 'es' ? 'es' : language === 'pt' || language === 'pt-BR' ? 'pt-BR' : 'en');

/** The built-in reply macros (en, es, pt-BR). None asks for a secret; each passes the reply guard. */
export const macros: readonly Macro[] = [
  {
    id: 'tx-status',
    title: 'Explain a transaction with the diagnosis',
    bodies: {
      en: '{greeting}\n\nWe looked at your transaction {txHash} on {chainName}. {findingMessage}\n\nYou can follow it here: {explorerUrl}\n\nReminder: we will never ask for your recovery phrase or private key.',
      es: '{greeting}\n\nRevisamos tu transacción {txHash} en {chainName}. {findingMessage}\n\nPuedes seguirla aquí: {explorerUrl}\n\nRecuerda: nunca te pediremos tu frase de recuperación ni tu clave privada.',
      'pt-BR': '{greeting}\n\nAnalisamos sua transação {txHash} na rede {chainName}. {findingMessage}\n\nVocê pode acompanhá-la aqui: {explorerUrl}\n\nLembrete: nunca pediremos sua frase de recuperação nem sua chave privada.',
    },
  },
  {
    id: 'need-tx-hash',
    title: 'Ask for the transaction hash',
    bodies: {
      en: '{greeting}\n\nTo check what happened, please send us the transaction hash (ID). You find it in the app under the transaction’s details. Please never share your recovery phrase with anyone, including us.',
      es: '{greeting}\n\nPara revisar qué pasó, envíanos el hash (ID) de la transacción. Lo encuentras en la app, en los detalles de la transacción. Nunca compartas tu frase de recuperación con nadie, tampoco con nosotros.',
      'pt-BR': '{greeting}\n\nPara verificar o que aconteceu, envie o hash (ID) da transação. Você o encontra no app, nos detalhes da transação. Nunca compartilhe sua frase de recuperação com ninguém, nem conosco.',
    },
  },
  {
    id: 'known-problem',
    title: 'Known problem, we are working on it',
    bodies: {
      en: '{greeting}\n\nThank you for the report. This is a known problem with {topic} and our team is working on it. We will write to you here as soon as it is fixed; there is nothing you need to do now.',
      es: '{greeting}\n\nGracias por avisarnos. Es un problema conocido con {topic} y nuestro equipo ya está trabajando en ello. Te escribiremos aquí en cuanto esté resuelto; por ahora no necesitas hacer nada.',
      'pt-BR': '{greeting}\n\nObrigado pelo aviso. É um problema conhecido com {topic} e nossa equipe já está trabalhando nele. Vamos escrever aqui assim que estiver resolvido; por enquanto você não precisa fazer nada.',
    },
  },
  {
    id: 'problem-fixed',
    title: 'The problem is fixed',
    bodies: {
      en: '{greeting}\n\nGood news: the problem with {topic} is fixed. Please update the app to the latest version and try again. If anything still looks wrong, reply to this message.',
      es: '{greeting}\n\nBuenas noticias: el problema con {topic} está resuelto. Actualiza la app a la última versión e inténtalo de nuevo. Si algo sigue mal, responde a este mensaje.',
      'pt-BR': '{greeting}\n\nBoa notícia: o problema com {topic} foi resolvido. Atualize o app para a versão mais recente e tente novamente. Se algo ainda parecer errado, responda esta mensagem.',
    },
  },
  {
    id: 'security-warning',
    title: 'We never ask for secrets',
    bodies: {
      en: '{greeting}\n\nPlease be careful: our support will never ask for your recovery phrase or private key, and never asks you to connect your wallet to a website. If you shared your phrase with anyone, move your funds now to a new wallet with a new phrase.',
      es: '{greeting}\n\nTen cuidado: nuestro soporte nunca te pedirá tu frase de recuperación ni tu clave privada, y nunca te pedirá conectar tu billetera a un sitio web. Si compartiste tu frase con alguien, mueve tus fondos ahora a una billetera nueva con una frase nueva.',
      'pt-BR': '{greeting}\n\nTenha cuidado: nosso suporte nunca vai pedir sua frase de recuperação nem sua chave privada, e nunca pede para conectar sua carteira a um site. Se você compartilhou sua frase com alguém, mova seus fundos agora para uma carteira nova com uma frase nova.',
    },
  },
];

const greetings: Record<ReplyLang, [named: string, plain: string]> = {
  en: ['Hi {name},', 'Hi,'],
  es: ['Hola, {name}:', 'Hola:'],
  'pt-BR': ['Olá, {name},', 'Olá,'],
};

/** "Hi Ana," / "Hola, Ana:" / "Olá, Ana," (without a name: "Hi,"). */
export function greeting(lang: ReplyLang, name: string | null | undefined): string {
  const [named, plain] = greetings[lang];
  const first = name?.trim().split(/\s+/)[0];
  return first && !first.includes('@') && !first.includes('[') ? named.replace('{name}', first) : plain;
}
