export { inspectAddressOffline, type OfflineAddressReport, type OfflineCandidate, type OfflineInspectOptions } from './inspect-offline.ts';
