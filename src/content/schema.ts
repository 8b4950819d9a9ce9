import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { problemAt, type JsonPath, type JsonSource } from './json-source.ts';
import { suggestHint } from './did-you-mean.ts';
import type { Problem } from './problems.ts';
import { fileKinds, type FileKindName } from './kinds.ts';
import { overlaySchema } from '../i18n/overlay-schema.ts';

export type SchemaName =
  | 'site' | 'article' | 'catalog' | 'links'
  | 'site-translation' | 'article-translation' | 'catalog-translation' | 'links-translation' | 'ui-translation';

/** Where the schemas live: the generator's own copy, whatever data folder is being built. */
export const schemaDir = fileURLToPath(new URL('../../data/schemas/', import.meta.url));

let ajv: Ajv2020 | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

/** The validator of one schema, compiled on first use: a site with one language needs no overlay schemas. */
function validator(name: SchemaName): ValidateFunction {
  const known = compiled.get(name);
  if (known) return known;
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
    ajv.addFormat('date', (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)));
  }
  // Overlay schemas follow from the table of record kinds; data/schemas holds a copy for editors.
  const file = (Object.keys(fileKinds) as FileKindName[]).find((f) => `${fileKinds[f].schema}-translation` === name);
  const schema = file ? overlaySchema(file) : JSON.parse(readFileSync(`${schemaDir}${name}.schema.json`, 'utf8'));
  const validate = ajv.compile(schema);
  compiled.set(name, validate);
  return validate;
}

function toPath(instancePath: string): JsonPath {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}

/** A data value as a message shows it: strings as written, anything else as short JSON, e.g. `{}` → `{}`. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? typeName(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function describe(source: JsonSource, e: ErrorObject): Problem {
  const path = toPath(e.instancePath);
  switch (e.keyword) {
    case 'required': {
      const name = (e.params as { missingProperty: string }).missingProperty;
      return problemAt(source, path, `missing required property "${name}"`);
    }
    case 'additionalProperties': {
      const name = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((e.parentSchema as { properties?: object }).properties ?? {});
      return problemAt(source, [...path, name], `unknown property "${name}"`, {
        key: true,
        hint: suggestHint(name, allowed) ?? `allowed: ${allowed.filter((k) => k !== '$schema').join(', ')}`,
      });
    }
    case 'type': {
      const want = (e.params as { type: string }).type;
      return problemAt(source, path, `expected ${want === 'array' || want === 'object' ? 'an' : 'a'} ${want}, found ${typeName(e.data)}`);
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      return problemAt(source, path, `"${shown(e.data)}" is not one of ${allowed.map((a) => `"${a}"`).join(', ')}`, {
        hint: typeof e.data === 'string' ? suggestHint(e.data, allowed) : undefined,
      });
    }
    case 'minLength':
      return problemAt(source, path, 'must not be empty');
    case 'minItems':
      return problemAt(source, path, `needs at least ${(e.params as { limit: number }).limit} item(s)`);
    case 'pattern':
      return problemAt(source, path, `"${shown(e.data)}" is not a source hash`, { hint: 'a source hash is "sha256-" followed by 16 hex digits' });
    case 'format':
      return problemAt(source, path, `"${shown(e.data)}" is not a valid ${(e.params as { format: string }).format}`, {
        hint: 'write dates as YYYY-MM-DD',
      });
    default:
      return problemAt(source, path, e.message ?? `fails schema rule "${e.keyword}"`);
  }
}

/** Validates a parsed file against its kind's schema; every violation becomes a located problem. */
export function checkSchema(name: SchemaName, source: JsonSource): Problem[] {
  const validate = validator(name);
  if (validate(source.value)) return [];
  return (validate.errors ?? []).map((e) => describe(source, e));
}
