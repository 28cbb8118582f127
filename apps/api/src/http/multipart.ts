// GraphQL multipart requests (the graphql-multipart-request-spec used by Apollo Client and
// others): an `operations` field (the JSON request), a `map` field (file field → variable paths)
// and the files. Files are read into memory up to a size limit and put into the variables as
// `UploadedFile`s, which the `Upload` scalar accepts.
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';

export class UploadedFile {
  constructor(
    readonly name: string,
    readonly mimeType: string,
    readonly data: Buffer,
  ) {}
}

export class MultipartError extends Error {
  constructor(
    readonly status: number,
    readonly code: 'FILE_TOO_LARGE' | 'BAD_REQUEST',
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

export function isMultipart(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
}

/**
 * Browsers send multipart/form-data cross-site without a preflight, so a multipart request must
 * carry a header a plain HTML form cannot set (the same rule as Apollo's CSRF prevention).
 */
export function hasPreflightHeader(req: IncomingMessage): boolean {
  return Boolean(req.headers['apollo-require-preflight'] || req.headers['x-apollo-operation-name']);
}

export async function readMultipartGraphQL(req: IncomingMessage, maxFileBytes: number): Promise<unknown> {
  const fields = new Map<string, string>();
  const files = new Map<string, UploadedFile>();
  await new Promise<void>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: maxFileBytes, files: 1, fields: 10, fieldSize: 1024 * 1024, parts: 12 },
      });
    } catch (error) {
      reject(new MultipartError(400, 'BAD_REQUEST', `Malformed multipart request: ${String(error)}`));
      return;
    }
    let failure: MultipartError | null = null;
    const fail = (error: MultipartError) => {
      failure ??= error;
      req.unpipe(parser);
      req.resume();
      reject(failure);
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(new MultipartError(413, 'BAD_REQUEST', `Field ${name} is too large`));
      fields.set(name, value);
    });
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () =>
        fail(
          new MultipartError(413, 'FILE_TOO_LARGE', 'File too large', {
            max: maxFileBytes,
            size: `>${maxFileBytes}`,
          }),
        ),
      );
      stream.on('end', () => {
        if (!failure)
          files.set(field, new UploadedFile(info.filename ?? field, info.mimeType, Buffer.concat(chunks)));
      });
    });
    parser.on('filesLimit', () => fail(new MultipartError(400, 'BAD_REQUEST', 'Only one file per request')));
    parser.on('partsLimit', () => fail(new MultipartError(400, 'BAD_REQUEST', 'Too many parts')));
    parser.on('error', (error) =>
      fail(new MultipartError(400, 'BAD_REQUEST', `Malformed multipart request: ${String(error)}`)),
    );
    parser.on('close', () => {
      if (!failure) resolve();
    });
    req.pipe(parser);
  });

  const operationsText = fields.get('operations');
  const mapText = fields.get('map');
  if (operationsText === undefined || mapText === undefined) {
    throw new MultipartError(
      400,
      'BAD_REQUEST',
      'A multipart GraphQL request needs "operations" and "map" fields',
    );
  }
  let operations: unknown;
  let map: unknown;
  try {
    operations = JSON.parse(operationsText);
    map = JSON.parse(mapText);
  } catch {
    throw new MultipartError(400, 'BAD_REQUEST', '"operations" and "map" must be JSON');
  }
  if (typeof operations !== 'object' || operations === null || Array.isArray(operations)) {
    throw new MultipartError(400, 'BAD_REQUEST', 'Batched operations are not supported');
  }
  if (typeof map !== 'object' || map === null)
    throw new MultipartError(400, 'BAD_REQUEST', '"map" must be an object');
  for (const [field, paths] of Object.entries(map as Record<string, unknown>)) {
    const file = files.get(field);
    if (!file) throw new MultipartError(400, 'BAD_REQUEST', `File "${field}" named in "map" is missing`);
    if (!Array.isArray(paths))
      throw new MultipartError(400, 'BAD_REQUEST', '"map" values must be path lists');
    for (const path of paths) setPath(operations as Record<string, unknown>, String(path), file);
  }
  return operations;
}

/** Puts `value` at a dotted path such as "variables.file" or "variables.files.0". */
function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  if (
    parts[0] !== 'variables' ||
    parts.some((p) => p === '__proto__' || p === 'constructor' || p === 'prototype')
  ) {
    throw new MultipartError(400, 'BAD_REQUEST', `Invalid file path "${path}" in "map"`);
  }
  let node: Record<string, unknown> = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) {
      throw new MultipartError(
        400,
        'BAD_REQUEST',
        `File path "${path}" in "map" does not exist in "operations"`,
      );
    }
    node = next as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}
