export { createChatClient, type ChatClient, type ChatClientOptions, type ChatMessage } from './chat-client.ts';
export { draftReply, DraftRequest, type Draft, type DraftDeps } from './draft-reply.ts';
export { findSecretRequests } from './guard.ts';
export { AssistUnavailableError, AssistResponseInvalidError, AssistDisabledError, DraftRejectedError } from './errors.ts';
