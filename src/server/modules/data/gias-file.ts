import { readCsvRecords, readDate } from './csv-records';
import { ESTABLISHMENT_TYPES } from './gias-types';
import type { Rejected } from './pupil-file';

/**
 * Get Information About Schools extracts. Pure: bytes in, the establishments asked for out.
 * - The establishment extract (edubasealldataYYYYMMDD.csv): every field quoted, often Windows-1252,
 *   dates dd-mm-yyyy, about 50,000 rows for England. Only the rows selected are checked, so a
 *   problem with another trust's school never stops an import.
 * - The group links extract (allgroupslinksdata): which establishments belong to which trust, and
 *   since when.
 */
export type Phase = 'primary' | 'secondary' | 'all_through' | 'special' | 'alternative_provision';
export type Establishment = {
  row: number;
  urn: string;
  name: string;
  laCode: string;
  laName: string;
  typeCode: string;
  typeName: string;
  phase: Phase;
  closed: boolean;
  openedOn: string | null;
  closedOn: string | null;
  lowAge: number | null;
  highAge: number | null;
};
export type GroupLink = { urn: string; joinedOn: string | null };
/** Which establishments the trust wants: listed URNs, or its GIAS group (UID or name). */
export type GiasSelection = { urns?: string[]; groupUid?: string; groupName?: string };

const E = {
  urn: 'urn',
  laCode: 'la_(code)',
  laName: 'la_(name)',
  name: 'establishmentname',
  typeCode: 'typeofestablishment_(code)',
  typeName: 'typeofestablishment_(name)',
  status: 'establishmentstatus_(name)',
  open: 'opendate',
  close: 'closedate',
  phase: 'phaseofeducation_(name)',
  low: 'statutorylowage',
  high: 'statutoryhighage',
  trustCode: 'trusts_(code)',
  trustName: 'trusts_(name)',
} as const;
const REQUIRED = [E.urn, E.name, E.laName, E.typeCode, E.status, E.phase] as const;

/** Our phase from the GIAS type and phase: special schools and alternative provision by their type. */
export function phaseOf(typeCode: string, typeName: string, giasPhase: string): Phase | null {
  const type = (ESTABLISHMENT_TYPES[typeCode]?.name ?? typeName).toLowerCase();
  if (ESTABLISHMENT_TYPES[typeCode]?.group === 'Special schools' || type.includes('special'))
    return 'special';
  if (type.includes('alternative provision') || type === 'pupil referral unit')
    return 'alternative_provision';
  const p = giasPhase.trim().toLowerCase();
  if (p === 'primary' || p === 'middle deemed primary' || p === 'nursery') return 'primary';
  if (p === 'secondary' || p === 'middle deemed secondary' || p === '16 plus') return 'secondary';
  if (p === 'all-through' || p === 'all through') return 'all_through';
  return null;
}

const same = (a: string | undefined, b: string | undefined) =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

const age = (raw: string | undefined) => (/^\d{1,2}$/.test((raw ?? '').trim()) ? Number(raw) : null);

/** The trust's rows of a links extract: the group's URNs and joined dates. */
export function parseGroupLinks(
  bytes: Uint8Array,
  sel: GiasSelection,
): { links: GroupLink[]; rejected: Rejected[]; rowsRead: number } {
  const file = readCsvRecords(bytes, ['group_uid', 'group_name', 'urn', 'joined_date']);
  if (!file.ok) return { links: [], rejected: file.rejected, rowsRead: file.rowsRead };
  const links: GroupLink[] = [];
  const rejected: Rejected[] = [];
  // A URN's first row, so a second one with another joined date is named rather than guessed between.
  const seen = new Map<string, { row: number; joinedOn: string | null }>();
  file.records.forEach((r, i) => {
    if (!same(r.group_uid, sel.groupUid) && !same(r.group_name, sel.groupName)) return;
    const row = i + 2;
    const urn = (r.urn ?? '').trim();
    const raw = (r.joined_date ?? '').trim();
    const joinedOn = raw ? readDate(raw) : null;
    const first = seen.get(urn);
    if (raw && !joinedOn)
      rejected.push({ row, column: 'joined_date', value: raw, reason: 'Not a date (dd-mm-yyyy)' });
    else if (first && first.joinedOn !== joinedOn)
      rejected.push({
        row,
        column: 'urn',
        value: urn,
        reason: `The same URN is linked at row ${first.row} with another joined date`,
      });
    else if (!first) {
      seen.set(urn, { row, joinedOn });
      links.push({ urn, joinedOn });
    }
  });
  return { links, rejected, rowsRead: file.records.length };
}

/** The selected establishments of an extract, checked; `wanted` adds URNs from a links file. */
export function parseEstablishments(
  bytes: Uint8Array,
  sel: GiasSelection,
  wanted: ReadonlySet<string> = new Set(),
): { establishments: Establishment[]; rejected: Rejected[]; rowsRead: number } {
  const file = readCsvRecords(bytes, REQUIRED);
  if (!file.ok) return { establishments: [], rejected: file.rejected, rowsRead: file.rowsRead };
  const urns = new Set(sel.urns ?? []);
  const establishments: Establishment[] = [];
  const rejected: Rejected[] = [];
  const seen = new Map<string, number>();
  file.records.forEach((r, i) => {
    const urn = (r[E.urn] ?? '').trim();
    const inGroup = same(r[E.trustCode], sel.groupUid) || same(r[E.trustName], sel.groupName);
    if (!urns.has(urn) && !wanted.has(urn) && !inGroup) return;
    const row = i + 2;
    const before = rejected.length;
    const bad = (column: string, reason: string) =>
      rejected.push({ row, column, value: r[column] ?? '', reason });
    if (!/^\d{6}$/.test(urn)) bad(E.urn, 'A URN has six digits');
    else if (seen.has(urn))
      bad(E.urn, `The same URN is at row ${seen.get(urn)}: an establishment is listed once`);
    else seen.set(urn, row);
    const name = (r[E.name] ?? '').trim();
    if (!name) bad(E.name, 'Required');
    const typeCode = (r[E.typeCode] ?? '').trim();
    const typeName = ESTABLISHMENT_TYPES[typeCode]?.name ?? (r[E.typeName] ?? '').trim();
    const phase = phaseOf(typeCode, typeName, r[E.phase] ?? '');
    if (!phase) bad(E.phase, 'No school phase (primary, secondary, all-through, special or AP) fits');
    const dates = [E.open, E.close].map((c) => {
      const v = (r[c] ?? '').trim();
      const d = v ? readDate(v) : null;
      if (v && !d) bad(c, 'Not a date (dd-mm-yyyy)');
      return d;
    });
    if (rejected.length > before) return;
    establishments.push({
      row,
      urn,
      name,
      laCode: (r[E.laCode] ?? '').trim(),
      laName: (r[E.laName] ?? '').trim(),
      typeCode,
      typeName,
      phase: phase!,
      closed: (r[E.status] ?? '').trim().toLowerCase() === 'closed',
      openedOn: dates[0] ?? null,
      closedOn: dates[1] ?? null,
      lowAge: age(r[E.low]),
      highAge: age(r[E.high]),
    });
  });
  return { establishments, rejected, rowsRead: file.records.length };
}
