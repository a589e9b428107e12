// Icon containers written by hand because both formats are a short header around PNG data:
// ICO (Windows) since Vista stores PNG entries; ICNS (macOS) since 10.7 stores PNG under the
// ic07–ic10 / icp4–icp6 types. A library would add dependencies for ~40 lines.

export interface SizedPng {
  size: number;
  png: Buffer;
}

/** Windows .ico: ICONDIR, one ICONDIRENTRY per image (0 means 256), then the PNG data. */
export function icoFrom(images: readonly SizedPng[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries = Buffer.alloc(16 * images.length);
  let offset = header.length + entries.length;
  images.forEach(({ size, png }, index) => {
    if (size > 256) throw new Error(`an .ico entry is at most 256 px, not ${size}`);
    const at = index * 16;
    entries.writeUInt8(size === 256 ? 0 : size, at);
    entries.writeUInt8(size === 256 ? 0 : size, at + 1);
    entries.writeUInt8(0, at + 2);
    entries.writeUInt8(0, at + 3);
    entries.writeUInt16LE(1, at + 4);
    entries.writeUInt16LE(32, at + 6);
    entries.writeUInt32LE(png.length, at + 8);
    entries.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, entries, ...images.map((image) => image.png)]);
}

/** The ICNS element type that holds a PNG of each size. */
export const ICNS_TYPES: ReadonlyMap<number, string> = new Map([
  [16, 'icp4'],
  [32, 'icp5'],
  [64, 'icp6'],
  [128, 'ic07'],
  [256, 'ic08'],
  [512, 'ic09'],
  [1024, 'ic10'],
]);

/** macOS .icns: 'icns' + total length, then (type, length incl. 8-byte header, PNG) elements. */
export function icnsFrom(images: readonly SizedPng[]): Buffer {
  const elements = images.map(({ size, png }) => {
    const type = ICNS_TYPES.get(size);
    if (!type) throw new Error(`no .icns type for ${size} px`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + elements.reduce((sum, element) => sum + element.length, 0), 4);
  return Buffer.concat([head, ...elements]);
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.toString('ascii', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
