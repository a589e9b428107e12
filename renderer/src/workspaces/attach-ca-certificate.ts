import type { EventscopeApi } from '../../../shared/api';

/** What the Node side's CA chooser answers (the TLS hardening work defines it). */
export type CaChoice =
  | {
      type: 'chosen';
      pem: string;
      fileName: string;
      certificates: Array<{ subject: string; validTo: string }>;
    }
  | { type: 'cancelled' };

/**
 * "Attach CA certificate…": the one place the editor reaches the CA chooser.
 * TODO-for-merge: call `api.chooseCaFile({})` (command `endpoints:choose-ca-file`), fall back to
 * an <input type=file> whose text is sent as `content` when it answers 'dialog-unavailable' (web
 * mode), and store `pem` in the endpoint's `tls.caCertificates`. Until that API exists this
 * answers 'cancelled'.
 */
export async function attachCaCertificate(api: EventscopeApi): Promise<CaChoice> {
  const chooser = (api as Partial<Record<string, unknown>>)['chooseCaFile'];
  if (typeof chooser !== 'function') return { type: 'cancelled' };
  const result = (await (chooser as (request: object) => Promise<unknown>).call(api, {})) as
    { ok: true; value: CaChoice } | { ok: false };
  return result.ok ? result.value : { type: 'cancelled' };
}
