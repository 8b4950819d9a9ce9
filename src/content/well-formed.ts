import { getNodePath, type Node } from 'jsonc-parser';
import { formatPath, lineColumn, type JsonSource } from './json-source.ts';
import type { Problem } from './problems.ts';

/** With the u flag a well-formed pair is one code point, so only a lone half matches. */
const unpaired = /\p{Cs}/u;

/**
 * Problems for strings (values and keys) holding an unpaired surrogate such as `"\ud800"`: JSON
 * allows the escape, but it is no character, UTF-8 cannot encode it and the search indexer
 * rejects it, so it is refused here with its position rather than failing the build later.
 */
export function unpairedSurrogateProblems(source: JsonSource): Problem[] {
  const problems: Problem[] = [];
  const walk = (node: Node | undefined) => {
    if (!node) return;
    if (node.type === 'string' && typeof node.value === 'string' && unpaired.test(node.value)) {
      const { line, column } = lineColumn(source.text, node.offset);
      problems.push({
        file: source.file, line, column, path: formatPath(getNodePath(node)), severity: 'error',
        message: 'text holds an unpaired surrogate escape (a lone \\ud800–\\udfff), which is not a character',
        hint: 'write the character itself, or both halves of its surrogate pair',
      });
    }
    node.children?.forEach(walk);
  };
  walk(source.tree);
  return problems;
}
