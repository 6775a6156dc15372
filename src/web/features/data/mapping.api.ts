import { queryOptions } from '@tanstack/react-query';
import { importResult } from '../../../shared/contracts/data';
import { gradeSetList } from '../../../shared/contracts/grade-sets';
import {
  type CreateMappingBody,
  type FilePreview,
  filePreview,
  type ImportMapping,
  type MappingTemplate,
  mappingTemplate,
  mappingTemplateList,
} from '../../../shared/contracts/import-mapping';
import { api } from '../../app/api';
import { type ImportOutcome, uploadFile } from './data.api';

export const mappingTemplatesQuery = queryOptions({
  queryKey: ['import-mappings'],
  queryFn: async ({ signal }) =>
    (await api('/import-mappings', { schema: mappingTemplateList, signal })).templates,
});

/** The trust's grade sets (built-in and its own), for the mapping's grade-set choices. */
export const gradeSetsQuery = queryOptions({
  queryKey: ['grade-sets'],
  queryFn: async ({ signal }) => (await api('/grade-sets', { schema: gradeSetList, signal })).gradeSets,
  staleTime: 60_000,
});

export const isWorkbook = (file: File) => /\.xlsx$/i.test(file.name);

/**
 * What the preview needs of a file: a workbook whole (a zip cannot be cut), a CSV only its first
 * quarter megabyte, cut at the last line break so no half line is shown as a problem.
 */
export async function previewPart(file: File): Promise<Blob> {
  const HEAD = 256 * 1024;
  if (isWorkbook(file) || file.size <= HEAD) return file;
  const head = new Uint8Array(await file.slice(0, HEAD).arrayBuffer());
  const end = head.lastIndexOf(0x0a);
  return file.slice(0, end > 0 ? end + 1 : HEAD);
}

type Target = { file: File; schoolId: string | null; sheet: string | null; mapping: ImportMapping | null };

/** An inline mapping rides in the query string; a large one must be saved and sent by id. */
const INLINE_LIMIT = 10_000;
export const tooLargeToSendInline = (mapping: ImportMapping) =>
  encodeURIComponent(JSON.stringify(mapping)).length > INLINE_LIMIT;

function params(t: Target, extra: Record<string, string> = {}, mappingId?: string): URLSearchParams {
  const p = new URLSearchParams({ filename: t.file.name, ...extra });
  if (t.schoolId) p.set('schoolId', t.schoolId);
  if (t.sheet) p.set('sheet', t.sheet);
  if (mappingId) p.set('mappingId', mappingId);
  else if (t.mapping) p.set('mapping', JSON.stringify(t.mapping));
  return p;
}

export async function previewMapped(t: Target): Promise<FilePreview> {
  return uploadFile(`/api/v1/imports/mapped/preview?${params(t)}`, await previewPart(t.file), filePreview);
}

export function importMapped(
  t: Target & { dryRun: boolean; mappingId?: string },
  onProgress: (share: number) => void,
): Promise<ImportOutcome> {
  const url = `/api/v1/imports/mapped?${params(t, { dryRun: String(t.dryRun) }, t.mappingId)}`;
  return uploadFile(url, t.file, importResult, onProgress);
}

export const saveMapping = (body: CreateMappingBody): Promise<MappingTemplate> =>
  api('/import-mappings', { method: 'POST', body, schema: mappingTemplate });

export const updateMapping = (t: MappingTemplate, mapping: ImportMapping): Promise<MappingTemplate> =>
  api(`/import-mappings/${t.id}`, {
    method: 'PATCH',
    body: { version: t.version, mapping },
    schema: mappingTemplate,
  });

/** Key order differs between a mapping edited here and one read back from the server. */
const sorted = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sorted)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, x]) => [k, sorted(x)]),
        )
      : v;
export const sameMapping = (a: ImportMapping | null, b: ImportMapping | null) =>
  JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
