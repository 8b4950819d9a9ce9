import { CookieJar } from 'tough-cookie';

/**
 * Cookies as a browser keeps them during one visit: consent and session gates set a cookie and
 * redirect back to the same address, which only resolves when the cookie is sent again. One jar
 * per run; nothing is kept between runs.
 */
export type Cookies = CookieJar;

/** An empty jar for one run, e.g. `const jar = createCookies()`. */
export const createCookies = (): Cookies => new CookieJar(undefined, { looseMode: true, rejectPublicSuffixes: true });

/** The `Cookie` header to send to `url`, or undefined when the jar holds none for it; never throws. */
export function cookieHeader(jar: Cookies, url: string): string | undefined {
  try {
    return jar.getCookieStringSync(url) || undefined;
  } catch {
    return undefined;
  }
}

/** Keeps every `Set-Cookie` of a response; malformed ones are dropped, as browsers drop them. */
export function storeCookies(jar: Cookies, setCookie: string[] | string | undefined, url: string): void {
  for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
    try {
      jar.setCookieSync(line, url, { ignoreError: true });
    } catch {
      // ignoreError covers parse errors; this also covers a URL the jar cannot place.
    }
  }
}
