// Generates every app icon from one source, build/icon.svg: build/icon.png (1024×1024, the
// master), build/icons/png/<n>x<n>.png (Linux), build/icons/icon.ico (Windows) and
// build/icons/icon.icns (macOS). Each size is rendered from the vector with Debian's Chromium
// rather than scaled down, so small sizes stay sharp. The outputs are committed: packaging
// needs them and CI has no reason to re-render. Run `npm run icons` after editing the SVG.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { icnsFrom, icoFrom } from './containers';
import type { SizedPng } from './containers';

const MASTER_PX = 1024;
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const ICNS_SIZES = [16, 32, 64, 128, 256, 512, 1024];

const svg = readFileSync('build/icon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const rendered = new Map<number, Buffer>();
try {
  for (const size of PNG_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`,
    );
    rendered.set(size, await page.locator('svg').screenshot({ omitBackground: true }));
    await page.close();
  }
} finally {
  await browser.close();
}

const pick = (sizes: number[]): SizedPng[] =>
  sizes.map((size) => ({ size, png: rendered.get(size)! }));
mkdirSync('build/icons/png', { recursive: true });
writeFileSync('build/icon.png', rendered.get(MASTER_PX)!);
for (const size of PNG_SIZES)
  writeFileSync(join('build/icons/png', `${size}x${size}.png`), rendered.get(size)!);
writeFileSync('build/icons/icon.ico', icoFrom(pick(ICO_SIZES)));
writeFileSync('build/icons/icon.icns', icnsFrom(pick(ICNS_SIZES)));
console.log(`icons written: ${PNG_SIZES.join(', ')} px, icon.ico, icon.icns`);
