import { importFailure, type ImportFailure } from './import-result';
/**
 * Which JSON files are Postman's, and clear errors for the ones that are Postman's but not a
 * Collection v2.1 (the files people most often pick by mistake).
 */

/**
 * Whether parsed JSON came from Postman — any collection version or an environment — so a
 * caller can route it here and get this importer's specific message for the wrong kind.
 */
export function looksLikePostman(json: unknown): boolean {
  if (!isRecord(json)) return false;
  if (isRecord(json['collection'])) return looksLikePostman(json['collection']);
  const info = json['info'];
  if (isRecord(info)) {
    const schema = info['schema'];
    return (
      (typeof schema === 'string' && schema.includes('getpostman.com')) || '_postman_id' in info
    );
  }
  return (
    '_postman_variable_scope' in json ||
    (Array.isArray(json['requests']) && Array.isArray(json['order']))
  );
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Clear errors for the files people most often pick by mistake. */
export function refuseOtherFormats(json: unknown): ImportFailure | null {
  if (!isRecord(json)) {
    return importFailure(
      'import-postman-not-object',
      'the file is not a Postman collection (it is not a JSON object)',
    );
  }
  if (
    json['_postman_variable_scope'] === 'environment' ||
    json['_postman_variable_scope'] === 'globals'
  ) {
    return importFailure(
      'import-postman-environment',
      'this is a Postman environment, not a collection; export the collection (Collection v2.1)',
    );
  }
  const info = json['info'];
  const schema = isRecord(info) ? info['schema'] : undefined;
  if (typeof schema !== 'string') {
    if (Array.isArray(json['requests'])) {
      return importFailure(
        'import-postman-v1',
        'this is a Postman Collection v1 file; in Postman, export the collection again as "Collection v2.1"',
      );
    }
    return importFailure(
      'import-postman-no-schema',
      'the file is not a Postman collection (it has no info.schema)',
    );
  }
  if (schema.includes('v2.1')) return null;
  if (schema.includes('v2.0')) {
    return importFailure(
      'import-postman-v20',
      'this is a Postman Collection v2.0 file; in Postman, export the collection again as "Collection v2.1"',
    );
  }
  return importFailure(
    'import-postman-other-schema',
    'the file is not a Postman Collection v2.1 (its info.schema names another format)',
  );
}

/** A name from the file, shown only when short and printable (it could be anything). */
export function shown(name: string): string {
  return name.length <= 64 && /^[\x20-\x7e]*$/.test(name) ? name : '…';
}
