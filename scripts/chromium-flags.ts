/** Debian's Chromium (apt-get install chromium), or $CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium flags for our machines: without the background-networking ones Chromium
 * keeps trying to reach Google's hosts through a closed network. Shared by the browser tests
 * and bench:e2e.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
