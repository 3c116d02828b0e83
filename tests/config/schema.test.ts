/**
 * The published JSON Schema: generated from src/config/schema.ts (rewrite it with
 * `npx vitest run tests/config/schema.test.ts -u`), valid 2020-12, strict, documented on every
 * property, refusing unknown keys, with defaults equal to defaults.ts and examples that validate.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_FIELDS, DEFAULT_USER_FIELDS, DEFAULTS, SIGN_IN_DEFAULTS } from '../../src/config/defaults.js';
import { configValidator, createAjv } from '../../src/config/schema-check.js';
import { CONFIG_SCHEMA } from '../../src/config/schema.js';
import { fixtures, REPO_ROOT } from './fixtures.js';

type Json = Record<string, unknown>;
const SCHEMA_FILE = join(REPO_ROOT, 'schema', 'halo-sync.schema.json');
const published = (): Json => JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Json;

/** Every schema that sits under a `properties` map, with its JSON pointer inside the schema. */
function propertySchemas(schema: unknown, pointer = ''): Array<{ pointer: string; schema: Json }> {
  if (!schema || typeof schema !== 'object') return [];
  const out: Array<{ pointer: string; schema: Json }> = [];
  for (const [key, child] of Object.entries(schema as Json)) {
    const here = `${pointer}/${key}`;
    if (key === 'properties' && child && typeof child === 'object') {
      for (const [name, property] of Object.entries(child as Json)) out.push({ pointer: `${here}/${name}`, schema: property as Json });
    }
    out.push(...propertySchemas(child, here));
  }
  return out;
}

function objectSchemas(schema: unknown, pointer = ''): Array<{ pointer: string; schema: Json }> {
  if (!schema || typeof schema !== 'object') return [];
  const self = !Array.isArray(schema) && (schema as Json).type === 'object' ? [{ pointer, schema: schema as Json }] : [];
  return [...self, ...Object.entries(schema as Json).flatMap(([key, child]) => objectSchemas(child, `${pointer}/${key}`))];
}

describe('schema/halo-sync.schema.json', () => {
  it('is generated from src/config/schema.ts', async () => {
    await expect(`${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`).toMatchFileSnapshot(SCHEMA_FILE);
  });

  it('is a valid JSON Schema 2020-12 document and compiles in strict mode', () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    expect(ajv.validateSchema(published()), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(published())).not.toThrow();
    expect(published().$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(typeof published().$id).toBe('string');
  });

  it('requires exactly version, google, halo and mappings', () => {
    expect(CONFIG_SCHEMA.required).toEqual(['version', 'google', 'halo', 'mappings']);
    expect(Object.keys(CONFIG_SCHEMA.properties)).toEqual(['version', 'google', 'halo', 'mappings', 'fields', 'matching', 'roles', 'cabs', 'licence', 'lifecycle', 'safety', 'signIn']);
  });

  it('documents every property with a description and examples', () => {
    const properties = propertySchemas(CONFIG_SCHEMA);
    expect(properties.length).toBeGreaterThan(40);
    const undocumented = properties.filter(({ schema }) => typeof schema.description !== 'string' || !Array.isArray(schema.examples) || (schema.examples as unknown[]).length === 0);
    expect(undocumented.map((p) => p.pointer)).toEqual([]);
  });

  it('refuses unknown keys in every object', () => {
    const objects = objectSchemas(CONFIG_SCHEMA);
    expect(objects.length).toBeGreaterThan(15);
    expect(objects.filter(({ schema }) => schema.additionalProperties !== false).map((o) => o.pointer)).toEqual([]);
  });

  it('has examples that are valid for their own property', () => {
    const ajv = createAjv();
    ajv.addSchema(CONFIG_SCHEMA);
    const wrong: string[] = [];
    for (const { pointer, schema } of propertySchemas(CONFIG_SCHEMA)) {
      const validate = ajv.getSchema(`${CONFIG_SCHEMA.$id}#${pointer}`);
      expect(validate, pointer).toBeDefined();
      for (const example of schema.examples as unknown[]) if (!validate!(example)) wrong.push(`${pointer}: ${JSON.stringify(example)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('documents the same defaults as src/config/defaults.ts', () => {
    const props = CONFIG_SCHEMA.properties as unknown as Record<string, { properties: Record<string, { default?: unknown }> }>;
    for (const [section, values] of Object.entries(DEFAULTS)) {
      for (const [key, value] of Object.entries(values)) expect(props[section]!.properties[key]!.default, `${section}.${key}`).toEqual(value);
    }
    for (const [key, value] of Object.entries(SIGN_IN_DEFAULTS)) expect(props.signIn!.properties[key]!.default, `signIn.${key}`).toEqual(value);
    expect(props.fields!.properties.users!.default).toEqual(DEFAULT_USER_FIELDS);
    expect(props.fields!.properties.agents!.default).toEqual(DEFAULT_AGENT_FIELDS);
  });

  it('is the schema the loader validates with, compiled once', () => {
    expect(configValidator()).toBe(configValidator());
    expect(configValidator().schema).toBe(CONFIG_SCHEMA);
  });

  it('accepts every valid fixture and the root halo-sync.yaml, read straight from disk', () => {
    const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(published());
    const files = [...fixtures('valid'), ...fixtures('warnings'), { name: 'halo-sync.yaml', text: readFileSync(join(REPO_ROOT, 'halo-sync.yaml'), 'utf8') }];
    for (const file of files) expect(validate(parse(file.text, { logLevel: 'error' })), `${file.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });

  it('is what the root halo-sync.yaml points editors at', () => {
    const first = readFileSync(join(REPO_ROOT, 'halo-sync.yaml'), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=./schema/halo-sync.schema.json');
  });
});
