/** What a translation tool shows of one trans-unit: its id, the inner XML of source and target, the target's state. */
export interface ToolUnit {
  id: string;
  source: string;
  target: string;
  state?: string;
  qualifier?: string;
}

/**
 * Edits an XLIFF 1.2 file the way a translation tool would: the callback sees each unit and may
 * return a new target (inner XML, so it can keep the locked `<ph>`/`<bpt>`/`<ept>` codes) and
 * state; everything else is written back as it was.
 */
export function editUnits(xml: string, edit: (u: ToolUnit) => Partial<ToolUnit> | undefined): string {
  return xml.replace(/(<trans-unit id="([^"]*)"[^>]*>\s*<source>)([\s\S]*?)(<\/source>\s*)<target([^>]*)>([\s\S]*?)<\/target>/g,
    (all, head: string, id: string, source: string, between: string, attrs: string, target: string) => {
      const state = /state="([^"]*)"/.exec(attrs)?.[1];
      const qualifier = /state-qualifier="([^"]*)"/.exec(attrs)?.[1];
      const change = edit({ id, source, target, state, qualifier });
      if (!change) return all;
      const next = { state, qualifier, target, ...change };
      const attributes = `${next.state ? ` state="${next.state}"` : ''}${next.qualifier ? ` state-qualifier="${next.qualifier}"` : ''}`;
      return `${head}${source}${between}<target${attributes}>${next.target}</target>`;
    });
}

/** The nth fenced code block after a heading (or any marker text) of the README, e.g. the commands of "#### Add a language". */
export function readmeBlock(readme: string, heading: string, nth = 0): string {
  const at = readme.indexOf(`\n${heading}`);
  if (at < 0) throw new Error(`README has no "${heading}"`);
  const blocks = [...readme.slice(at).matchAll(/\n```[a-z]*\n([\s\S]*?)\n```/g)];
  return blocks[nth][1];
}
