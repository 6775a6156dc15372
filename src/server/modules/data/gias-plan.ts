import type { Establishment, GroupLink } from './gias-file';

/**
 * What a GIAS import would change in the trust's schools. Pure, so the dry-run preview and the
 * commit come from the same plan. A school in the trust but not in the file is left alone; a URN
 * asked for (listed, or linked to the trust's group) but missing from the extract is reported,
 * never invented; a closed establishment that is not already a school of the trust is not added.
 */
export type StoredSchool = {
  id: string;
  version: number;
  urn: string;
  name: string;
  phase: string;
  local_authority: string;
  joined_trust_on: string | null;
  status: string;
  establishment_type_code: string | null;
  establishment_type: string | null;
  opened_on: string | null;
  closed_on: string | null;
  statutory_low_age: number | null;
  statutory_high_age: number | null;
};
export type SchoolFields = Omit<StoredSchool, 'id' | 'version' | 'urn'>;
export type FieldChange = {
  field: keyof SchoolFields;
  from: string | number | null;
  to: string | number | null;
};
export type GiasPlan = {
  create: { urn: string; fields: SchoolFields }[];
  update: { schoolId: string; version: number; urn: string; name: string; changes: FieldChange[] }[];
  unchanged: string[];
  /** Asked for but not in the establishment extract. */
  unknownUrns: string[];
  /** Closed in GIAS and not a school of the trust: not added. */
  closedNotAdded: string[];
  /** Schools of the trust the file does not mention. */
  leftAlone: string[];
};

function fieldsOf(
  e: Establishment,
  joinedOn: string | null | undefined,
  before?: StoredSchool,
): SchoolFields {
  return {
    name: e.name,
    phase: e.phase,
    local_authority: e.laName,
    // Without a links file (or a joined date in it) the date already held stays.
    joined_trust_on: joinedOn ?? before?.joined_trust_on ?? null,
    // An archived school stays archived: archiving is the trust's decision, not GIAS's.
    status: before?.status === 'archived' ? 'archived' : e.closed ? 'closed' : 'open',
    establishment_type_code: e.typeCode,
    establishment_type: e.typeName,
    opened_on: e.openedOn,
    closed_on: e.closedOn,
    statutory_low_age: e.lowAge,
    statutory_high_age: e.highAge,
  };
}

export function planGiasChanges(
  stored: readonly StoredSchool[],
  establishments: readonly Establishment[],
  links: readonly GroupLink[],
  asked: readonly string[],
): GiasPlan {
  const byUrn = new Map(stored.map((s) => [s.urn, s]));
  const joined = new Map(links.map((l) => [l.urn, l.joinedOn]));
  const inFile = new Set(establishments.map((e) => e.urn));
  const plan: GiasPlan = {
    create: [],
    update: [],
    unchanged: [],
    unknownUrns: [...new Set([...asked, ...links.map((l) => l.urn)])].filter((u) => !inFile.has(u)).sort(),
    closedNotAdded: [],
    leftAlone: stored.filter((s) => !inFile.has(s.urn)).map((s) => s.urn),
  };
  for (const e of establishments) {
    const before = byUrn.get(e.urn);
    const fields = fieldsOf(e, joined.get(e.urn), before);
    if (!before) {
      if (e.closed) plan.closedNotAdded.push(e.urn);
      else plan.create.push({ urn: e.urn, fields });
      continue;
    }
    const changes = (Object.keys(fields) as (keyof SchoolFields)[])
      .filter((k) => fields[k] !== before[k])
      .map((k) => ({ field: k, from: before[k], to: fields[k] }));
    if (changes.length)
      plan.update.push({ schoolId: before.id, version: before.version, urn: e.urn, name: e.name, changes });
    else plan.unchanged.push(e.urn);
  }
  return plan;
}
