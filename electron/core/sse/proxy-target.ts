/** One proxy: where it is, what to show, and its Basic credentials (never shown). */
export interface ProxyTarget {
  /** `http://host:port` without credentials. */
  readonly origin: string;
  readonly hostname: string;
  readonly port: number;
  /** `Basic …` from `user:pass@` in the URL, or undefined. */
  readonly token: string | undefined;
  /** The URL as undici's EnvHttpProxyAgent takes it (credentials included). */
  readonly href: string;
  /** Which setting it came from, for messages: `proxy URL`, `HTTPS_PROXY`, … */
  readonly source: string;
}
