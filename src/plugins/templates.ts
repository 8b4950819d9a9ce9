import type UserConfig from '@11ty/eleventy/UserConfig';

/** The parts of a Nunjucks template this plugin touches. */
interface NunjucksTemplate {
  getExported: (...args: unknown[]) => unknown;
  fieldguideRemembers?: boolean;
}

type Exported = (err: unknown, exported?: unknown) => void;

/**
 * Makes a template hand out its macros once. Nunjucks runs the whole template for every
 * `{% from "…" import … %}`, on every page: with components importing components, that was over
 * half of the render time. An import without `with context` (the only kind our components use)
 * gets macros that depend on their arguments alone, so one copy serves every page of the render.
 */
function rememberExports(template: NunjucksTemplate): void {
  if (template.fieldguideRemembers) return;
  template.fieldguideRemembers = true;
  const own = template.getExported.bind(template);
  let exported: unknown;
  template.getExported = (...args: unknown[]) => {
    const cb = args[args.length - 1] as Exported;
    // `getExported(cb)` is an import without context; one with context is left as Nunjucks runs it.
    if (args.length !== 1) return own(...args);
    if (exported !== undefined) return cb(null, exported);
    return own((err: unknown, value: unknown) => {
      if (!err) exported = value;
      cb(err, value);
    });
  };
}

/** Nunjucks set up so a template mistake fails the build instead of printing "undefined". */
export default function templatesPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: true, trimBlocks: false });
  eleventyConfig.setQuietMode(true);
  eleventyConfig.amendLibrary('njk', (env: { getTemplate: (...args: unknown[]) => unknown }) => {
    const getTemplate = env.getTemplate.bind(env);
    env.getTemplate = (...args: unknown[]) => {
      const last = args[args.length - 1];
      if (typeof last !== 'function') {
        const template = getTemplate(...args) as NunjucksTemplate | undefined;
        if (template) rememberExports(template);
        return template;
      }
      return getTemplate(...args.slice(0, -1), (err: unknown, template?: NunjucksTemplate) => {
        if (template) rememberExports(template);
        (last as (err: unknown, t?: unknown) => void)(err, template);
      });
    };
  });
}
