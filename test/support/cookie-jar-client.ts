/**
 * An HTTP client that keeps cookies per host and follows redirects itself, like a browser without
 * scripts: enough to walk the OpenID Connect flow across the app and the provider over real HTTP.
 * Cookie paths, SameSite and Secure are ignored: every test server is on loopback, and sending a
 * cookie to more paths can only make a refusal harder to earn.
 */
export interface Hop {
  url: string;
  status: number;
  location: string | null;
  body: string;
}

export class CookieJarClient {
  private readonly jar = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(new URL(origin).host)?.get(name);
  }

  /** Puts a cookie in the jar as if the server at `origin` had set it. */
  setCookie(origin: string, name: string, value: string) {
    const host = new URL(origin).host;
    this.jar.set(host, (this.jar.get(host) ?? new Map<string, string>()).set(name, value));
  }

  /** One request, no redirects followed; remembers the cookies it sets. */
  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Hop> {
    const host = new URL(url).host;
    const cookies = [...(this.jar.get(host) ?? new Map<string, string>())].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: { ...(cookies ? { cookie: cookies } : {}), ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    for (const header of response.headers.getSetCookie()) this.remember(host, header);
    const location = response.headers.get('location');
    return { url, status: response.status, location: location ? new URL(location, url).href : null, body: await response.text() };
  }

  /** Requests and follows redirects until an answer that is not one, or until `stopAt` says stop; every hop in order. */
  async follow(url: string, stopAt: (hop: Hop) => boolean = () => false, init: { form?: Record<string, string> } = {}): Promise<Hop[]> {
    const hops: Hop[] = [];
    let next: string | null = url;
    let request = init;
    while (next) {
      if (hops.length > 20) throw new Error(`too many redirects: ${hops.map((h) => h.url).join(' → ')}`);
      const hop = await this.request(next, request);
      request = {};
      hops.push(hop);
      if (stopAt(hop) || hop.status < 300 || hop.status >= 400) break;
      next = hop.location;
    }
    return hops;
  }

  private remember(host: string, header: string) {
    const [pair, ...attributes] = header.split(';');
    const at = pair!.indexOf('=');
    const name = pair!.slice(0, at).trim();
    const value = pair!.slice(at + 1).trim();
    const expired = attributes.some((a) => {
      const [key, val] = a.split('=').map((s) => s.trim());
      return (key?.toLowerCase() === 'max-age' && Number(val) <= 0) || (key?.toLowerCase() === 'expires' && val !== undefined && Date.parse(val) <= Date.now());
    });
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    if (expired || value === '') cookies.delete(name);
    else cookies.set(name, value);
    this.jar.set(host, cookies);
  }
}
