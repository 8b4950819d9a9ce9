import { childKinds, fileKinds, kinds, kindsInFile, type FileKindName, type KindName } from '../content/kinds.ts';

/** The methods a translation may be made by; see README "Translate". */
export const methods = ['machine', 'human', 'reviewed'] as const;

const hash = {
  type: 'string',
  pattern: '^sha256-[0-9a-f]{16}$',
  description: 'Hash of the source text this translation was made from; a different hash marks the translation stale.',
};
const method = {
  enum: [...methods],
  description: 'machine: machine-translated; human: translated by a person; reviewed: checked by a person against the source. Overrides the file\'s translation.method for this record.',
};
const translation = {
  type: 'object',
  additionalProperties: false,
  required: ['method', 'date'],
  description: 'How the text of this file was made.',
  properties: {
    method: { enum: [...methods], description: 'machine: machine-translated; human: translated by a person; reviewed: checked by a person against the source.' },
    date: { type: 'string', format: 'date', description: 'When the translation was made or last reviewed, YYYY-MM-DD.' },
    imported: {
      type: 'object',
      additionalProperties: false,
      required: [
        'file'
      ],
      description: 'Where an imported translation came from: the Docs markdown file and its front matter, kept as provenance (written by fieldguide import).',
      properties: {
        file: {
          type: 'string',
          description: 'Name of the imported markdown file.'
        },
        contentLocale: {
          type: 'string',
          description: 'ms.contentlocale, e.g. id-ID.'
        },
        translationType: {
          type: 'string',
          description: 'ms.translationtype: MT (machine) or HT (human).'
        },
        lastHandoff: {
          type: 'string',
          format: 'date',
          description: 'ms.lasthandoff: when the source was handed to translation, YYYY-MM-DD.'
        },
        openLocFileHash: {
          type: 'string',
          description: 'ms.openlocfilehash: identifies the source version translated.'
        },
        sourceGitCommit: {
          type: 'string',
          description: 'ms.sourcegitcommit: the source repository commit translated.'
        },
        locFileId: {
          type: 'string',
          description: 'ms.locfileid: the localization file id.'
        }
      }
    },
  },
};

/** The translated text of one record of a kind, and its own nested collections. */
function recordProperties(kind: KindName): Record<string, unknown> {
  const props: Record<string, unknown> = { source: hash, method };
  for (const f of kinds[kind].fields) props[f] = { type: 'string', minLength: 1 };
  for (const child of childKinds(kind)) {
    const at = kinds[child].at as { list: string };
    props[at.list] = collection(child);
  }
  return props;
}

/** An object of translations keyed by the records' ids, never by position. */
function collection(kind: KindName): Record<string, unknown> {
  return {
    type: 'object',
    description: `Keyed by ${kinds[kind].idLabel}, never by position.`,
    additionalProperties: { type: 'object', additionalProperties: false, properties: recordProperties(kind) },
  };
}

/** Where one file kind's translation lives, for the schema's title, e.g. `articles/<id>.json`. */
function overlayName(file: FileKindName): string {
  const spec = fileKinds[file];
  return 'path' in spec ? spec.path : `${spec.folder}/<id>.json`;
}

/** The JSON Schema of the translation overlay of one file kind, derived from the table of record kinds. */
export function overlaySchema(file: FileKindName): Record<string, unknown> {
  const properties: Record<string, unknown> = { $schema: { type: 'string' }, translation };
  const required = ['translation'];
  for (const kind of kindsInFile(file)) {
    const at = kinds[kind].at as { map?: string };
    if (at.map) {
      properties[at.map] = collection(kind);
      required.push(at.map);
    } else Object.assign(properties, recordProperties(kind));
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `fieldguide:${fileKinds[file].schema}-translation`,
    title: `Translation of ${'path' in fileKinds[file] ? '' : 'one of '}data/${overlayName(file)} (data/translations/<locale>/${overlayName(file)})`,
    type: 'object',
    additionalProperties: false,
    required,
    properties,
  };
}
