/** Shared shapes of the link checker: what is checked, what came back, what is reported. */

import type { LinkState } from '../core/link-status.ts';

export type { LinkState };

/** One hop of a followed redirect chain, e.g. `{ url: 'http://a/', status: 301 }`. */
export interface Hop {
  url: string;
  status: number;
}

/** What one request sequence for a URL ended with, before it is judged. */
export interface Outcome {
  /** Final HTTP status, or 0 when no response arrived. */
  status: number;
  /** Redirects followed, in order; empty when the first response was final. */
  hops: Hop[];
  finalUrl: string;
  /** Node's error code or a short label: ENOTFOUND, ECONNREFUSED, TIMEOUT, LOOP, FRAGMENT, … */
  error?: string;
  /** Human detail for `error`, e.g. the missing fragment. */
  detail?: string;
  /** Requests sent for this URL, retries and HEAD→GET fallbacks included. */
  requests: number;
  /** A remark for a working link, e.g. `#page=2 not checked: application/pdf is not a page`. */
  note?: string;
}

/** The judgement of one URL. */
export interface Verdict {
  state: LinkState;
  status?: number;
  finalUrl?: string;
  permanent?: boolean;
  reason: string;
  /** The failure code behind a broken or indeterminate verdict, e.g. `ENOTFOUND`, `NONET`. */
  cause?: string;
}

/** Where a registry URL is written: `{ file: 'data/links.json', line: 12 }`. */
export interface DefinedAt {
  file: string;
  line: number;
}

/** A registry URL and who depends on it. */
export interface RegistryUrl {
  url: string;
  id: string;
  /** `url` is the current address; `archive` the archived copy shown when it breaks. */
  field: 'url' | 'archive';
  definedAt: DefinedAt;
  /** Records using the link, e.g. `step configure-mim-sync-service/pcns-event-6025`. */
  users: string[];
  archive?: string;
}

/** One registry entry holding a URL; several entries may hold the same one. */
export interface Definition {
  id: string;
  field: 'url' | 'archive';
  definedAt: DefinedAt;
}

/** One line of the report: a unique URL with its verdict and everything that points at it. */
export interface LinkReport extends Verdict {
  url: string;
  registryId: string | null;
  field?: 'url' | 'archive';
  definedAt: DefinedAt | null;
  /** Every registry entry holding this URL, the one above first; empty for a URL only pages use. */
  definitions: Definition[];
  users: string[];
  /** Site pages that link it, root-absolute, e.g. `/en/articles/x/`. */
  pages: string[];
  /** True when the verdict came from the cache without a request. */
  cached?: boolean;
  /** Internal links are checked in the built site; external ones over the network. */
  internal?: boolean;
  /** What to do about it, one sentence. */
  advice?: string;
  /** ISO time of the last `ok` verdict, from this run or the cache. */
  lastOk?: string;
  /** Requests sent for this URL in this run. */
  requests: number;
}

export interface Summary {
  checked: number;
  ok: number;
  redirected: number;
  broken: number;
  indeterminate: number;
  skipped: number;
}

/** The whole result of a run, as every reporter receives it. */
export interface CheckReport {
  summary: Summary;
  links: LinkReport[];
  /** Internal links and fragments looked at in the built site. */
  internal: { checked: number; broken: number };
  startedAt: string;
  durationMs: number;
  offline: boolean;
  /** Permanent redirects rewritten by --fix. */
  fixed: { id: string; from: string; to: string; line: number }[];
  /** Whether the outside could be reached; `unreachable` leaves the link status file as it was. */
  network: 'reachable' | 'unreachable' | 'unknown';
  /** External URLs not checked because there was no network. */
  unchecked: number;
  /** Non-fatal problems (corrupt cache, run time limit) worth a line on stderr. */
  warnings: string[];
}
