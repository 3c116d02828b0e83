/** The config layer's public face: load a file, parse text, and the types. */
export { DEFAULT_CONFIG_FILE, loadConfigFile, loadConfigOrThrow, type LoadedWithWarnings, type LoadOptions } from './load.js';
export { configDigest, parseConfigText, type ConfigLoadResult } from './parse.js';
export { CONFIG_SCHEMA } from './schema.js';
export type { Config, LoadedConfig, Position } from './types.js';
