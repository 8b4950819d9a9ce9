import { readFileSync } from 'node:fs';

/** A link's verdict at a check: the checker's states, read by the build to tell readers. */
export type LinkState = 'ok' | 'redirected' | 'broken' | 'indeterminate' | 'skipped';

/** What readers are told about one registry link. */
export interface LinkStatusEntry {
  /** The URL that was checked; status for an URL edited since then is ignored. */
  url: string;
  state: LinkState;
  /** ISO time of the check. */
  checkedAt: string;
  /** ISO time the URL last answered (ok or redirected), if ever. */
  lastOk?: string;
}

/** The link-status file `check-links` writes and `build --link-status` reads. */
export interface LinkStatusFile {
  version: 1;
  checkedAt: string;
  links: Record<string, LinkStatusEntry>;
}

/** Where `check-links` writes link status unless told otherwise (`--status`). */
export const defaultStatusFile = '.cache/fieldguide/link-status.json';

/** Where `check-links` keeps its results between runs unless told otherwise (`--cache`). */
export const defaultCacheFile = '.cache/fieldguide/links.json';

/** Reads a status file; absent means "no status", unreadable a warning, so link health never fails a build. */
export function readStatus(file: string): { status?: LinkStatusFile; warning?: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? { warning: `${file}: no link status file there; references show no health (run 'fieldguide check-links' to write one)` } : { warning: `${file}: cannot read the link status file: ${(err as Error).message}` };
  }
  try {
    const value = JSON.parse(text) as LinkStatusFile;
    if (value?.version !== 1 || typeof value.links !== 'object' || !value.links) throw new Error('not a Fieldguide link status file (version 1)');
    return { status: value };
  } catch (err) {
    return { warning: `${file}: ignoring the link status file: ${(err as Error).message.split('\n')[0]}` };
  }
}
