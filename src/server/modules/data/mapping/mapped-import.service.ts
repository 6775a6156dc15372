import { Readable } from 'node:stream';
import type {
  FilePreview,
  ImportMapping,
  MappedFileQuery,
} from '../../../../shared/contracts/import-mapping';
import type { Actor } from '../../../platform/auth/actor';
import { can } from '../../../platform/auth/policy';
import type { Db } from '../../../platform/db/database';
import { AppError, forbidden, notFound } from '../../../platform/errors';
import { gradeSetsForTrust } from '../../grade-sets/grade-sets.service';
import { orgRepository } from '../../org/org.repository';
import { dataRepository } from '../data.repository';
import { gradeSetTable } from '../results-file';
import type { createResultsImportService } from '../results-import.service';
import { canonicalLines, remapRejected } from './canonical';
import { mappingRepository as repo } from './mapping.repository';
import type { MappingTemplatesService } from './mapping-templates.service';
import { checkPreviewRows } from './preview';
import { suggestMapping } from './suggest';
import { type OpenedTable, openTable } from './table-reader';
import { createRowMapper, mappingProblems, type SheetRow } from './transform';

const SAMPLE_ROWS = 50;
const PREVIEW_ROWS = 20;

type Deps = {
  results: ReturnType<typeof createResultsImportService>;
  templates: MappingTemplatesService;
  maxBytes: number;
  clock: () => Date;
};
/** The CLI names a saved mapping instead of giving its id. */
export type MappedImportRequest = MappedFileQuery & { mappingName?: string };

/**
 * Results files in the school's own layout (CSV or XLSX, long or wide): previewed against a mapping,
 * then turned row by row into the canonical long CSV and streamed into the one results importer, so
 * checking, all-or-nothing writing, dry runs and the job record stay in a single place.
 */
export function createMappedImportService(db: Db, deps: Deps) {
  const authorise = async (actor: Actor, q: MappedImportRequest) => {
    if (q.schoolId && !(await orgRepository.findSchool(db, actor.trustId, q.schoolId)))
      throw notFound('School');
    const scope = q.schoolId ? { trustId: actor.trustId, schoolId: q.schoolId } : { trustId: actor.trustId };
    if (!can(actor, 'pupil.import', scope)) throw forbidden();
  };

  /** Opens the file with the mapping asked for (inline, saved, or else the suggestion from its first rows). */
  const open = async (actor: Actor, q: MappedImportRequest, body: AsyncIterable<Buffer | string>) => {
    const saved = q.mappingId
      ? await deps.templates.find(actor, { id: q.mappingId })
      : q.mappingName
        ? await deps.templates.find(actor, { name: q.mappingName })
        : null;
    const given: ImportMapping | null = q.mapping ?? saved?.mapping ?? null;
    const table = await openTable(body, {
      filename: q.filename,
      sheet: q.sheet ?? given?.sheet,
      maxBytes: deps.maxBytes,
    });
    const sample: SheetRow[] = [];
    for (let r = await table.rows.next(); !r.done; r = await table.rows.next()) {
      sample.push(r.value);
      if (sample.length >= SAMPLE_ROWS) break;
    }
    const today = deps.clock().toISOString().slice(0, 10);
    const guessed = suggestMapping(
      table.header,
      sample.map((r) => r.cells),
      today,
    );
    // A workbook's suggestion names its sheet, so a template saved from it reads the same sheet.
    const suggested = table.sheet ? { ...guessed, sheet: table.sheet } : guessed;
    const mapping = given ?? suggested;
    return { table, sample, suggested, mapping, problems: mappingProblems(mapping, table.header) };
  };

  const incomplete = (table: OpenedTable, problems: string[]) => {
    const oneColumn = table.format === 'csv' && table.header.length === 1;
    const hint = oneColumn
      ? ' Only one column was found: is the file separated by commas, semicolons or tabs?'
      : '';
    return new AppError(
      422,
      'mapping_incomplete',
      `The mapping cannot read this file: ${problems.join('; ')}.${hint}`,
      { problems },
    );
  };

  return {
    async preview(
      actor: Actor,
      q: MappedImportRequest,
      body: AsyncIterable<Buffer | string>,
    ): Promise<FilePreview> {
      await authorise(actor, q);
      const { table, sample, suggested, mapping, problems } = await open(actor, q, body);
      await table.rows.return(undefined);
      const rows = problems.length
        ? []
        : sample.flatMap(createRowMapper(mapping, table.header)).slice(0, PREVIEW_ROWS);
      const pupils = await repo.pupilsByUpn(db, actor.trustId, [
        ...new Set(rows.map((r) => r.values[0]!.trim().toUpperCase())),
      ]);
      return {
        format: table.format,
        delimiter: table.delimiter,
        encoding: table.encoding,
        sheets: table.sheets,
        sheet: table.sheet,
        headers: table.header,
        detectedLayout: suggested.layout,
        suggested,
        mapping,
        mappingProblems: problems,
        rows: checkPreviewRows(
          rows,
          table.header,
          pupils,
          q.schoolId ?? null,
          gradeSetTable(await gradeSetsForTrust(db, actor.trustId)),
        ),
      };
    },

    /** The whole file through the mapping into the results importer; rejected rows name the file's own rows and columns. */
    async importFile(
      actor: Actor,
      q: MappedImportRequest,
      body: AsyncIterable<Buffer | string>,
      onProgress?: (linesRead: number) => void,
    ) {
      await authorise(actor, q);
      const { table, sample, mapping, problems } = await open(actor, q, body);
      if (problems.length) {
        await table.rows.return(undefined);
        throw incomplete(table, problems);
      }
      const lines = canonicalLines(sample, table.rows, createRowMapper(mapping, table.header));
      const done = await deps.results.importResults(
        actor,
        { filename: q.filename, dryRun: q.dryRun, ...(q.schoolId ? { schoolId: q.schoolId } : {}) },
        Readable.from(lines.chunks),
        onProgress,
      );
      const stored = await dataRepository.findJob(db, actor.trustId, done.job.id);
      const rejected = remapRejected(stored?.rejected ?? done.rejected, lines.origin, mapping, table.header);
      if (rejected.length) await repo.replaceRejected(db, actor.trustId, done.job.id, rejected);
      return { job: done.job, rejected: rejected.slice(0, 200) };
    },
  };
}
export type MappedImportService = ReturnType<typeof createMappedImportService>;
