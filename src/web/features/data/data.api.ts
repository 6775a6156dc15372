import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { giasImportResult } from '../../../shared/contracts/attendance';
import { importJobList, importResult } from '../../../shared/contracts/data';
import { ApiError, api, apiErrorFrom, csrfHeader } from '../../app/api';

export type ImportOutcome = z.infer<typeof importResult>;
export type ImportKind =
  | 'results'
  | 'pupils'
  | 'ctf'
  | 'attendance'
  | 'behaviour'
  | 'staff'
  | 'ks4_performance'
  | 'gias';
/** The DfE's school-level downloads: the KS4 tables, or one of the school datasets beside them. */
export type DfeDataset = 'ks4' | 'ks2' | 'census' | 'absence' | 'ofsted';

export const importsQuery = queryOptions({
  queryKey: ['imports'],
  queryFn: async ({ signal }) => (await api('/imports', { schema: importJobList, signal })).jobs,
});

type Send = {
  file: File;
  dryRun: boolean;
  schoolId?: string;
  year?: number;
  onProgress?: (share: number) => void;
  /** Which DfE download, for the 'DfE downloads' kind. */
  dataset?: DfeDataset;
};

/**
 * A results file can run to tens of megabytes, so it goes up as the raw body, through XHR for its
 * upload progress (fetch cannot report it), and the server reads it as a stream.
 */
export function uploadFile<T>(
  url: string,
  body: Blob,
  schema: { parse: (v: unknown) => T },
  onProgress?: (share: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    for (const [k, v] of Object.entries(csrfHeader())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
    xhr.onerror = () =>
      reject(new ApiError(0, 'network', 'Could not reach the server. Check your connection and try again.'));
    xhr.onload = () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        parsed = undefined;
      }
      if (xhr.status >= 300) reject(apiErrorFrom(xhr.status, parsed));
      else resolve(schema.parse(parsed));
    };
    xhr.send(body);
  });
}

async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export type GiasOutcome = z.infer<typeof giasImportResult>;

/** GIAS extracts: the establishment file, and the group links file when join dates are wanted. */
export async function sendGias(g: {
  establishments: File;
  links: File | null;
  groupUid: string;
  urns: string[];
  dryRun: boolean;
}): Promise<GiasOutcome> {
  return api('/imports/gias', {
    method: 'POST',
    schema: giasImportResult,
    body: {
      filename: g.establishments.name,
      establishmentsBase64: await base64(g.establishments),
      ...(g.links ? { linksBase64: await base64(g.links) } : {}),
      ...(g.groupUid ? { groupUid: g.groupUid } : {}),
      ...(g.urns.length ? { urns: g.urns } : {}),
      dryRun: g.dryRun,
    },
  });
}

/** Every kind but results (the mapping step, mapping.api.ts) and GIAS (sendGias). */
export async function sendImport(
  kind: Exclude<ImportKind, 'results' | 'gias'>,
  send: Send,
): Promise<ImportOutcome> {
  if (kind === 'attendance' || kind === 'behaviour' || kind === 'staff')
    return api(`/imports/${kind}`, {
      method: 'POST',
      schema: importResult,
      body: {
        ...(send.schoolId ? { schoolId: send.schoolId } : {}),
        filename: send.file.name,
        contentBase64: await base64(send.file),
        dryRun: send.dryRun,
      },
    });
  if (kind === 'pupils' || kind === 'ctf')
    return api(kind === 'ctf' ? '/imports/ctf' : '/imports/pupils', {
      method: 'POST',
      schema: importResult,
      body: {
        schoolId: send.schoolId,
        filename: send.file.name,
        contentBase64: await base64(send.file),
        dryRun: send.dryRun,
      },
    });
  const body = {
    year: send.year,
    filename: send.file.name,
    content: await send.file.text(),
    dryRun: send.dryRun,
  };
  if (send.dataset && send.dataset !== 'ks4')
    return api('/imports/school-datasets', {
      method: 'POST',
      schema: importResult,
      body: { ...body, dataset: send.dataset },
    });
  return api('/imports/ks4-performance', { method: 'POST', schema: importResult, body });
}
