#!/usr/bin/env node
// Maintainer tool (not run by tests or CI): extracts from Halo's published OpenAPI document the
// request-body schemas the sandbox's Halo server checks POST bodies against, plus every schema they
// reference, into src/sandbox/halo/openapi-extract.json with a provenance block. The product never
// reads the full document at run time; re-run this when Halo publishes a new spec.
//
//   node scripts/extract-halo-openapi.mjs ../shared/reference/halo-openapi.json
//
// Source: covenanttechnologysolutions/halopsa-rest, generator/spec/swagger.json.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** POST endpoint → its body schema (SW: every one of these takes `array<Schema>`). */
const ENDPOINTS = {
  '/Users': 'Users',
  '/Agent': 'Uname',
  '/CAB': 'CabHeader',
  '/Control': 'Control',
  '/Site': 'Site',
  '/Client': 'Area',
};

const source = process.argv[2];
if (!source) {
  process.stderr.write('usage: node scripts/extract-halo-openapi.mjs <path to halo-openapi.json>\n');
  process.exit(1);
}
const raw = readFileSync(source);
const spec = JSON.parse(raw.toString('utf8'));
const all = spec.components?.schemas ?? {};

const endpoints = {};
for (const [path, expected] of Object.entries(ENDPOINTS)) {
  const body = spec.paths?.[path]?.post?.requestBody?.content?.['application/json']?.schema;
  const name = body?.type === 'array' ? body.items?.$ref?.split('/').pop() : undefined;
  if (name !== expected) throw new Error(`POST ${path}: expected an array of ${expected}, the spec says ${JSON.stringify(body)}`);
  endpoints[path] = name;
}

/** Every schema name reachable from the roots through `$ref`. */
function closure(roots) {
  const seen = new Set();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.pop();
    if (seen.has(name)) continue;
    if (!all[name]) throw new Error(`schema ${name} is referenced but not defined`);
    seen.add(name);
    collectRefs(all[name], queue);
  }
  return [...seen].sort();
}

function collectRefs(node, out) {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref') out.push(String(value).split('/').pop());
      else collectRefs(value, out);
    }
  }
}

const names = closure(Object.values(endpoints));
const provenance = {
  repository: 'covenanttechnologysolutions/halopsa-rest',
  path: 'generator/spec/swagger.json',
  title: spec.info?.title,
  version: spec.info?.version,
  openapi: spec.openapi,
  sha256: createHash('sha256').update(raw).digest('hex'),
  extracted: new Date().toISOString().slice(0, 10),
  note: 'Request-body schemas of the POST endpoints below and every schema they reference, copied verbatim. Regenerate with scripts/extract-halo-openapi.mjs.',
};

// One schema per line: compact, yet a regenerated extract diffs legibly.
const lines = names.map((name, i) => `    ${JSON.stringify(name)}: ${JSON.stringify(all[name])}${i < names.length - 1 ? ',' : ''}`);
const text = [
  '{',
  `  "provenance": ${JSON.stringify(provenance)},`,
  `  "endpoints": ${JSON.stringify(endpoints)},`,
  '  "schemas": {',
  ...lines,
  '  }',
  '}',
  '',
].join('\n');

const target = fileURLToPath(new URL('../src/sandbox/halo/openapi-extract.json', import.meta.url));
writeFileSync(target, text);
process.stderr.write(`wrote ${names.length} schemas (${text.length} bytes) to ${target}\n`);
