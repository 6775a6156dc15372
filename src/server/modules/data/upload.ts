import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors';

export const fileTooLarge = (maxBytes: number) =>
  new AppError(413, 'file_too_large', `The file is larger than the ${Math.round(maxBytes / 1e6)} MB limit.`);

/**
 * A file sent as the request body, as a stream. A declared length over the limit is refused here,
 * before a byte is read; a body that lies about its length is stopped by the reader's own meter.
 */
export function streamedUpload(req: FastifyRequest, maxBytes: number): Readable {
  if (!(req.body instanceof Readable))
    throw new AppError(415, 'unsupported_media_type', 'Send the file itself as the body (CSV or XLSX).');
  const length = Number(req.headers['content-length']);
  if (Number.isFinite(length) && length > maxBytes) throw fileTooLarge(maxBytes);
  return req.body;
}
