export { chainFamilies, ChainFamily, ChainInfo, type ChainInfoInput } from './registry/chain.ts';
export { createChainRegistry, explorerUrl, type ChainRegistry, type RegistryOptions } from './registry/registry.ts';
export { ChainNotFoundError, ChainDefinitionInvalidError } from './errors.ts';
export type { ChainAdapter, TxDiagnosis, TxStatus, Finding, FindingSeverity, AddressReport, FeeMarket, DiagnoseOptions } from './port.ts';
export { makeFinding, fillTemplate, type FindingCatalog, type FindingTemplate, type Locale } from './findings/catalog.ts';
