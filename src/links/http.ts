import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { looksLikeHtml } from './charset.ts';
import { bareHost, isLoopback, isOutsideName, type Network } from './network.ts';
import { headerText, isHtmlType, parseContentType, type ContentType } from './parse.ts';

/** Whether a request reached its host, for telling a dead network from a dead host. */
export interface Contact {
  host: string;
  /** The name is outside the machine and did not resolve to a loopback address. */
  outside: boolean;
  /** A connection was made (an answer, however bad, came or could have come). */
  reached: boolean;
}

/** One HTTP response, its body read only when it is an HTML page and the caller asked for it. */
export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  type?: ContentType;
  /** The page's bytes, at most `maxBody` of them. */
  body?: Buffer;
  /** The page was longer than `maxBody`; `body` holds its start. */
  truncated?: boolean;
  contact: Contact;
}

/** A failed request: Node's error code (ENOTFOUND, ECONNRESET, HPE_…) or TIMEOUT, and whether the host was reached. */
export class RequestError extends Error {
  constructor(readonly code: string, readonly contact: Contact, message = code) {
    super(message);
    this.name = 'RequestError';
  }
}

export interface SendOptions {
  method: 'HEAD' | 'GET';
  headers: Record<string, string>;
  /** Epoch ms by which the whole exchange, body included, must be over. */
  until: number;
  /** Read the body of an HTML page (others are never read past their headers). */
  wantPage: boolean;
  maxBody: number;
}

/** The code of whatever Node threw, e.g. `{ code: 'ECONNRESET' }` → `ECONNRESET`. */
const codeOf = (err: unknown): string => String((err as { code?: unknown })?.code ?? 'ENETWORK');

/** The decompressing stream for a `Content-Encoding`, or the response itself when identity or unknown. */
function decoded(res: IncomingMessage): Readable {
  const encoding = headerText(res.headers['content-encoding'])?.trim().toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(createGunzip());
  if (encoding === 'deflate') return res.pipe(createInflate());
  if (encoding === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

/** Resolves a host (literal IPs as they are) within the time left, IPv4 first; rejects with a RequestError. */
async function resolveHost(host: string, network: Network, until: number, contact: Contact): Promise<string[]> {
  if (isIP(host)) return [host];
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new RequestError('TIMEOUT', contact)), Math.max(0, until - Date.now()));
  });
  try {
    const found = await Promise.race([network.lookup(host), late]);
    const addresses = (Array.isArray(found) ? found : []).filter((a) => typeof a?.address === 'string' && isIP(a.address));
    if (!addresses.length) throw new RequestError('ENOTFOUND', contact);
    // Many machines have no IPv6 route while most names have AAAA records: try IPv4 first.
    return [...addresses.filter((a) => isIP(a.address) === 4), ...addresses.filter((a) => isIP(a.address) === 6)].map((a) => a.address);
  } catch (err) {
    throw err instanceof RequestError ? err : new RequestError(codeOf(err) === 'ENETWORK' ? 'ENOTFOUND' : codeOf(err), contact);
  } finally {
    clearTimeout(timer);
  }
}

/** Connects to the first address that accepts within the time left, trying each in turn. */
async function openSocket(addresses: string[], port: number, network: Network, until: number, contact: Contact): Promise<Socket> {
  let last: RequestError = new RequestError('ENOTFOUND', contact);
  for (const address of addresses) {
    if (isLoopback(address)) contact.outside = false;
    try {
      return await new Promise<Socket>((done, fail) => {
        const socket = network.connect(address, port);
        const timer = setTimeout(() => {
          socket.destroy();
          fail(new RequestError('TIMEOUT', contact));
        }, Math.max(0, until - Date.now()));
        socket.once('connect', () => {
          clearTimeout(timer);
          contact.reached = true;
          done(socket);
        });
        socket.once('error', (err) => {
          clearTimeout(timer);
          socket.destroy();
          fail(new RequestError(codeOf(err), contact));
        });
      });
    } catch (err) {
      last = err instanceof RequestError ? err : new RequestError(codeOf(err), contact);
      if (last.code === 'TIMEOUT') break;
    }
  }
  throw last;
}

/**
 * Sends one request over the given network and reads what the check needs: status and headers,
 * and the body only of an HTML page asked for (anything else is cut off after its headers). The
 * parser is lenient as browsers are; every failure, including the deadline, is a RequestError.
 */
export async function send(url: URL, o: SendOptions, network: Network): Promise<Reply> {
  const host = bareHost(url.hostname);
  const contact: Contact = { host, outside: isOutsideName(host), reached: false };
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const socket = await openSocket(await resolveHost(host, network, o.until, contact), port, network, o.until, contact);
  return new Promise<Reply>((done, fail) => {
    let req: ReturnType<typeof httpRequest> | undefined;
    let settled = false;
    const finish = (err: RequestError | undefined, reply?: Reply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req?.destroy();
      socket.destroy();
      if (err) fail(err);
      else done(reply!);
    };
    const timer = setTimeout(() => finish(new RequestError('TIMEOUT', contact)), Math.max(0, o.until - Date.now()));
    try {
      socket.once('error', (err) => finish(new RequestError(codeOf(err), contact)));
      const stream = url.protocol === 'https:' ? tlsConnect({ socket, servername: isIP(host) ? undefined : host, ALPNProtocols: ['http/1.1'] }) : socket;
      req = httpRequest({
        method: o.method, path: `${url.pathname}${url.search}`, headers: { host: url.host, ...o.headers },
        createConnection: () => stream, insecureHTTPParser: true,
      });
    } catch (err) {
      return finish(new RequestError(codeOf(err), contact));
    }
    req.on('error', (err) => finish(new RequestError(codeOf(err), contact)));
    req.on('response', (res) => {
      contact.reached = true;
      res.on('error', (err) => finish(new RequestError(codeOf(err), contact)));
      res.on('aborted', () => finish(new RequestError('ECONNRESET', contact)));
      const type = parseContentType(headerText(res.headers['content-type']));
      const reply: Reply = { status: res.statusCode ?? 0, headers: res.headers, type, contact };
      const sniff = o.wantPage && o.method === 'GET' && !type;
      if (!(o.wantPage && o.method === 'GET' && (sniff || isHtmlType(type!.mime)))) return finish(undefined, reply);
      const chunks: Buffer[] = [];
      let size = 0;
      const body = decoded(res);
      const stop = (truncated: boolean) => finish(undefined, { ...reply, body: Buffer.concat(chunks), truncated });
      body.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        // An unlabelled response is read on only when its start looks like HTML, as browsers sniff it.
        if (sniff && size >= 512 && !looksLikeHtml(Buffer.concat(chunks))) return finish(undefined, reply);
        if (size >= o.maxBody) stop(true);
      });
      body.on('end', () => (sniff && !looksLikeHtml(Buffer.concat(chunks)) ? finish(undefined, reply) : stop(false)));
      body.on('error', (err) => finish(new RequestError(codeOf(err), contact)));
    });
    req.end();
  });
}
