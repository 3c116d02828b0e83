/**
 * Checks request bodies against the committed extract of Halo's OpenAPI schemas, the way a strict
 * Halo would: unknown fields and wrong JSON types are refused, and every problem in the batch is
 * reported at once, keyed ASP.NET-style by path (`[1].nosuchfield`, `[0].roles[0].id`).
 *
 * The extract only uses a handful of OpenAPI 3.0 keywords (type, format, nullable, items, $ref,
 * maxLength, enum, additionalProperties, readOnly), so a small interpreter is clearer than a
 * general validator and lets the messages read like Halo's. Two deliberate leniencies match
 * ASP.NET's JSON binding: a `$ref`'d object may be null, and readOnly fields are accepted.
 */
import extract from './openapi-extract.json' with { type: 'json' };

export interface OpenApiSchema {
  type?: string;
  format?: string;
  nullable?: boolean;
  items?: OpenApiSchema;
  $ref?: string;
  maxLength?: number;
  enum?: unknown[];
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: boolean | OpenApiSchema;
  readOnly?: boolean;
}

const SCHEMAS = extract.schemas as unknown as Record<string, OpenApiSchema>;

/** Endpoint (as in the spec, e.g. `/Users`) → body schema name. */
export const BODY_SCHEMAS = extract.endpoints as Record<string, string>;

export const EXTRACT_PROVENANCE = extract.provenance;

/** Validation errors keyed by path, each with one or more messages. */
export type FieldErrors = Record<string, string[]>;

/** Stop collecting after this many errors: a 100k-item batch with one systematic mistake stays readable. */
const MAX_ERRORS = 100;

export function hasSchema(name: string): boolean {
  return SCHEMAS[name] !== undefined;
}

/** Checks one value (usually a request's array item) against a named schema; appends to `errors`. */
export function checkAgainstSchema(value: unknown, schemaName: string, path: string, errors: FieldErrors): void {
  checkValue(value, { $ref: `#/components/schemas/${schemaName}` }, path, errors);
}

export function countErrors(errors: FieldErrors): number {
  return Object.values(errors).reduce((n, list) => n + list.length, 0);
}

function add(errors: FieldErrors, path: string, message: string): void {
  if (countErrors(errors) >= MAX_ERRORS) return;
  (errors[path || '$'] ??= []).push(message);
}

function resolve(ref: string): { name: string; schema: OpenApiSchema } {
  const name = ref.split('/').pop() ?? ref;
  const schema = SCHEMAS[name];
  if (!schema) throw new Error(`OpenAPI extract has no schema ${name}; regenerate it with scripts/extract-halo-openapi.mjs`);
  return { name, schema };
}

function checkValue(value: unknown, schema: OpenApiSchema, path: string, errors: FieldErrors, name?: string): void {
  if (schema.$ref) {
    if (value === null) return;
    const target = resolve(schema.$ref);
    checkValue(value, target.schema, path, errors, target.name);
    return;
  }
  if (value === null) {
    if (schema.nullable || schema.type === undefined) return;
    add(errors, path, `The JSON value null could not be converted to ${dotnetType(schema, name)}.`);
    return;
  }
  if (schema.enum && !schema.enum.includes(value)) {
    add(errors, path, `The JSON value ${JSON.stringify(value)} is not one of ${name ?? 'the allowed values'} (${schema.enum.join(', ')}).`);
    return;
  }
  switch (schema.type) {
    case undefined:
      return; // untyped (`{ nullable: true }`): any JSON value
    case 'object':
      return checkObject(value, schema, path, errors, name);
    case 'array':
      if (!Array.isArray(value)) return mismatch(value, schema, path, errors, name);
      value.forEach((item, i) => checkValue(item, schema.items ?? {}, `${path}[${i}]`, errors));
      return;
    case 'string':
      if (typeof value !== 'string') return mismatch(value, schema, path, errors, name);
      return checkStringFormat(value, schema, path, errors);
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value) || !inIntegerRange(value, schema.format)) {
        return mismatch(value, schema, path, errors, name);
      }
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return mismatch(value, schema, path, errors, name);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') return mismatch(value, schema, path, errors, name);
      return;
    default:
      return;
  }
}

function checkObject(value: unknown, schema: OpenApiSchema, path: string, errors: FieldErrors, name?: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return mismatch(value, schema, path, errors, name);
  const properties = schema.properties ?? {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const childPath = `${path}.${key}`;
    const property = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (property) checkValue(child, property, childPath, errors);
    else if (typeof schema.additionalProperties === 'object') checkValue(child, schema.additionalProperties, childPath, errors);
    else if (schema.additionalProperties === false) add(errors, childPath, `Unknown field '${key}'${name ? ` (not in Halo's ${name} schema)` : ''}.`);
  }
}

function checkStringFormat(value: string, schema: OpenApiSchema, path: string, errors: FieldErrors): void {
  if (schema.maxLength !== undefined && value.length > schema.maxLength) {
    add(errors, path, `The field is longer than ${schema.maxLength} characters.`);
  } else if (schema.format === 'uuid' && !/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(value)) {
    add(errors, path, `The JSON value ${JSON.stringify(value)} could not be converted to System.Guid.`);
  } else if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) {
    add(errors, path, `The JSON value ${JSON.stringify(value)} could not be converted to System.DateTime.`);
  }
}

function inIntegerRange(value: number, format: string | undefined): boolean {
  if (format === 'int32') return value >= -2147483648 && value <= 2147483647;
  return Number.isSafeInteger(value);
}

function mismatch(value: unknown, schema: OpenApiSchema, path: string, errors: FieldErrors, name?: string): void {
  add(errors, path, `The JSON value ${describe(value)} could not be converted to ${dotnetType(schema, name)}.`);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function dotnetType(schema: OpenApiSchema, name?: string): string {
  switch (schema.type) {
    case 'integer':
      return schema.format === 'int64' ? 'System.Int64' : 'System.Int32';
    case 'number':
      return schema.format === 'float' ? 'System.Single' : 'System.Double';
    case 'boolean':
      return 'System.Boolean';
    case 'string':
      return schema.format === 'uuid' ? 'System.Guid' : schema.format === 'date-time' ? 'System.DateTime' : 'System.String';
    case 'array':
      return `a list${schema.items?.$ref ? ` of ${schema.items.$ref.split('/').pop()}` : ''}`;
    default:
      return name ?? 'an object';
  }
}
