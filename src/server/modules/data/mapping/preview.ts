import { type ResultField, resultFields } from '../../../../shared/contracts/import-mapping';
import { createResultReader, type GradeSetTable, RESULT_COLUMNS, readResultHeader } from '../results-file';
import type { CanonicalRow } from './transform';

type Problem = { field: string; value: string; reason: string };

/**
 * The preview's rows checked exactly as the import will check them (the results importer's own line
 * reader), plus whether each UPN is a pupil of the trust (and of the school, for a school's import).
 */
export function checkPreviewRows(
  rows: CanonicalRow[],
  headers: string[],
  pupils: { upn: string | null; school_id: string }[],
  schoolId: string | null,
  gradeSets: GradeSetTable,
) {
  const header = readResultHeader([...RESULT_COLUMNS]);
  if (!header.ok) throw new Error('The canonical header must read');
  const reader = createResultReader(header.at, gradeSets);
  const schoolOf = new Map(pupils.map((p) => [p.upn ?? '', p.school_id]));
  return rows.map((r, i) => {
    const problems: Problem[] = [];
    const checked = reader.read(r.values, i + 2);
    if (checked.kind === 'rejected')
      for (const p of checked.problems) problems.push({ field: p.column, value: p.value, reason: p.reason });
    if (checked.kind === 'skipped')
      problems.push({
        field: 'result',
        value: r.values[8] ?? '',
        reason: 'No result (absent or not entered): skipped',
      });
    if (checked.kind === 'result') {
      const school = schoolOf.get(checked.upn);
      if (school === undefined)
        problems.push({ field: 'upn', value: checked.upn, reason: 'No pupil with this UPN in the trust' });
      else if (schoolId && school !== schoolId)
        problems.push({ field: 'upn', value: checked.upn, reason: 'This pupil is at another school' });
    }
    const values = Object.fromEntries(resultFields.map((f, j) => [f, r.values[j] ?? ''])) as Record<
      ResultField,
      string
    >;
    return { row: r.row, sourceColumn: headers[r.sourceColumn] ?? '', values, problems };
  });
}
