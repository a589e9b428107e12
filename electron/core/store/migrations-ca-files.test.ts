import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  makeSelfSignedCertificate,
  type SelfSignedCertificate,
} from '../../../tests/support/sse/test-https';
import { storePaths } from './paths';
import { openTestStore, tempDataDir } from '../../../tests/support/store/test-store';

/** Schema version 1 → 2: `tls.caFile` paths become the certificates' text, or are dropped. */

const FIXTURE = join(__dirname, 'fixtures', 'v1-ca-files.json');

let certificate: SelfSignedCertificate;
let data: ReturnType<typeof tempDataDir>;
beforeAll(async () => {
  certificate = await makeSelfSignedCertificate({ commonName: 'migrated-ca.localhost' });
});
beforeEach(() => {
  data = tempDataDir();
});
afterEach(() => data.cleanup());

/** Installs the v1 fixture as workspace id-1 with its two endpoints' CA files set to these. */
function install(caFile: string, otherCaFile: string): void {
  const paths = storePaths(data.dir);
  mkdirSync(paths.dir, { recursive: true });
  const text = readFileSync(FIXTURE, 'utf8')
    .replace('"__CA_FILE__"', JSON.stringify(caFile))
    .replace('"__OTHER_CA_FILE__"', JSON.stringify(otherCaFile));
  writeFileSync(paths.workspace('id-1'), text);
}

async function migrate() {
  const { store, notices } = await openTestStore(data.dir);
  const loaded = await store.load('id-1');
  await store.close();
  const onDisk = readFileSync(storePaths(data.dir).workspace('id-1'), 'utf8');
  const migrated = notices.find((n) => n.type === 'migrated');
  return { workspace: loaded.workspace, onDisk, migrated };
}

describe('the migration of CA file paths (schema version 1 → 2)', () => {
  it('keeps the certificates of a regular CA file as text and no path at all', async () => {
    const caFile = join(data.dir, 'ca.pem');
    writeFileSync(caFile, `# my CA\n${certificate.cert}`);
    install(caFile, '');
    const { workspace, onDisk, migrated } = await migrate();
    const [chat, stream] = workspace.endpoints;
    expect(chat?.tls.caCertificates).toContain('-----BEGIN CERTIFICATE-----');
    expect(chat?.tls.caCertificates).not.toContain('# my CA');
    expect(stream?.tls).toEqual({ allowInvalidCertificates: false });
    expect(onDisk).not.toContain('caFile');
    expect(onDisk).not.toContain(caFile);
    expect(migrated?.message).toContain('the CA certificates of');
    expect(migrated?.type === 'migrated' && migrated.notes).toEqual([
      expect.objectContaining({
        code: 'ca-file-inlined',
        params: { endpoint: expect.any(String), file: caFile },
      }),
    ]);
  });

  it('drops a CA file that is not a certificate, a device, a folder or missing, and says so', async () => {
    const files = tempDataDir();
    const notCertificate = join(files.dir, 'passwd');
    writeFileSync(notCertificate, 'root:x:0:0:root:/root:/bin/bash\n');
    for (const [path, why, cause] of [
      [notCertificate, 'holds no certificate', 'no-certificate'],
      ['/dev/zero', 'not a regular file', 'not-regular-file'],
      [files.dir, 'not a regular file', 'not-regular-file'],
      [join(files.dir, 'missing.pem'), 'does not exist', 'not-found'],
    ] as const) {
      data.cleanup();
      data = tempDataDir();
      install(path, '');
      const { workspace, onDisk, migrated } = await migrate();
      expect(workspace.endpoints[0]?.tls, path).toEqual({ allowInvalidCertificates: false });
      expect(onDisk).not.toContain('root:x:0');
      expect(migrated?.details, path).toEqual([
        expect.stringMatching(new RegExp(`the CA file setting was removed \\(.*${why}`)),
      ]);
      // The page words the removal from its code and cause, not from the English above.
      expect(migrated?.type === 'migrated' && migrated.notes?.[0]?.params, path).toMatchObject({
        file: path,
        cause,
      });
    }
    files.cleanup();
  });

  it.runIf(process.platform !== 'win32')(
    'drops a FIFO without waiting for a writer',
    async () => {
      const fifo = join(data.dir, 'ca.fifo');
      execFileSync('mkfifo', [fifo]);
      install(fifo, '');
      const { workspace, migrated } = await migrate();
      expect(workspace.endpoints[0]?.tls).toEqual({ allowInvalidCertificates: false });
      expect(migrated?.details).toEqual([expect.stringContaining('not a regular file')]);
    },
    10_000,
  );

  it('drops a CA file larger than 1 MiB', async () => {
    const big = join(data.dir, 'big.pem');
    writeFileSync(
      big,
      certificate.cert.repeat(Math.ceil((1024 * 1024) / certificate.cert.length) + 1),
    );
    install(big, '');
    const { workspace, migrated } = await migrate();
    expect(workspace.endpoints[0]?.tls).toEqual({ allowInvalidCertificates: false });
    expect(migrated?.details).toEqual([expect.stringContaining('larger than 1 MiB')]);
    expect(migrated?.type === 'migrated' && migrated.notes?.[0]).toMatchObject({
      code: 'ca-file-removed',
      params: { cause: 'too-large' },
    });
  });
});
