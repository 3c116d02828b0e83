/**
 * The schema validator, compiled once per process and only when first needed (compiling costs
 * milliseconds; validating the example config costs microseconds).
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { CONFIG_SCHEMA } from './schema.js';

let compiled: ValidateFunction | undefined;

/**
 * A fresh ajv instance with halo-sync's options: all errors, strict (union types allowed), and
 * verbose so each error carries its parent schema (the allowed keys for "did you mean").
 */
export function createAjv(): Ajv2020 {
  return new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
}

export function configValidator(): ValidateFunction {
  compiled ??= createAjv().compile(CONFIG_SCHEMA);
  return compiled;
}

/** Schema errors for a document (empty when valid). */
export function schemaErrors(data: unknown): ErrorObject[] {
  const validate = configValidator();
  return validate(data) ? [] : [...(validate.errors ?? [])];
}
