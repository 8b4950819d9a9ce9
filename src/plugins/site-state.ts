import { resolve } from 'node:path';
import type { PreparedSite } from '../build/prepare-site.ts';

let handedOff: PreparedSite | undefined;

/** Lets the CLI pass the site it already validated to the Eleventy config, so validation runs once. */
export function handOffSite(site: PreparedSite): void {
  handedOff = site;
}

/** Takes the handed-off site for this data folder, once; later rebuilds load afresh. */
export function takeHandedOffSite(dataDir: string): PreparedSite | undefined {
  if (!handedOff || handedOff.dataDir !== resolve(dataDir)) return undefined;
  const site = handedOff;
  handedOff = undefined;
  return site;
}

let rendered: PreparedSite | undefined;

/** Records the site the templates are rendering, so later steps of the same build (search) see it. */
export function noteRenderedSite(site: PreparedSite): PreparedSite {
  return (rendered = site);
}

/** The site of the latest render, if any. */
export function renderedSite(): PreparedSite | undefined {
  return rendered;
}
