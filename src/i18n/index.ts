export { locales, matchLocale, resolveLocale, languageOf, type Locale, type LanguageCode } from './locale.ts';
export { loadCatalogue, messageArguments, shippedLocalesDir, t, type MessageCatalogue, type MessageParams } from './catalogue.ts';
export { detectLanguage, type LanguageDetection } from './detect.ts';
export { draftReply, type ReplyDraft, type ReplyDraftInput } from './draft-reply.ts';
export { MessageCatalogueInvalidError, MessageKeyUnknownError } from './errors.ts';
