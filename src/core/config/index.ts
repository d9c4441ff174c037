export { Config, ServerConfig, DatabaseConfig, LogConfig, AuthConfig, logLevels, type ConfigInput } from './schema.ts';
export { loadConfig, ConfigInvalidError, type LoadConfigOptions } from './load.ts';
export { leafFields, envName } from './env.ts';
export { renderConfigReference } from './reference.ts';
