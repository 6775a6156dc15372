import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  type FsmInstance,
  isDisadvantaged,
  onFsm,
  SEN_NEEDS,
  type SenChange,
  type SenNeed,
} from '../pupils/characteristics';
import { decodeText, type PupilRow, parseDate, type Rejected } from './pupil-file';
import { isValidUpn } from './upn';

/**
 * Reading a DfE Common Transfer File (CTF XML), as every English MIS exports it. Pure: bytes in,
 * the header, pupils in the pupil-list importer's shape, and rejected values out. Tolerant by
 * design: any CTFversion, unknown elements ignored, one Pupil or many, optional sections missing.
 * A rejected value's row is the line of its pupil's <Pupil> tag, and its column the element path.
 */
export type CtfHeader = {
  version: string | null;
  /** The date the file was written (Header DateTime); the Ever-6 FSM window ends here. */
  date: string;
  qualifier: string | null;
  sourceSchool: {
    lea: string | null;
    estab: string | null;
    name: string | null;
    academicYear: string | null;
  };
  destSchool: { lea: string | null; estab: string | null } | null;
};
export type CtfParse = {
  header: CtfHeader | null;
  pupils: PupilRow[];
  rejected: Rejected[];
  rowsRead: number;
};

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: true,
  // Every value stays text: UPNs, estab numbers and codes keep their leading zeros.
  parseTagValue: false,
  removeNSPrefix: true,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
});

const asNode = (v: unknown): Node | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : null;
/** An element that may appear once or many times, as a list. */
const list = (v: unknown): Node[] =>
  (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v])
    .map((x) => asNode(x) ?? (typeof x === 'string' && x === '' ? {} : null))
    .filter((x): x is Node => x !== null);
const text = (n: Node | null, key: string): string => {
  const v = n?.[key];
  return typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '';
};
/** A section that should appear once; when a file repeats it, the first counts. */
const child = (n: Node | null, key: string): Node | null => list(n?.[key])[0] ?? null;

const truthy = (v: string) => ['true', '1', 'y', 'yes'].includes(v.toLowerCase());

/** Year group from NCyearActual: 1-13 become Y1-Y13; R and nursery codes stay as they are. */
function yearGroupOf(raw: string): string | null {
  const v = raw.toUpperCase();
  if (/^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 13) return `Y${Number(v)}`;
  if (/^Y\d{1,2}$/.test(v)) return yearGroupOf(v.slice(1));
  return ['R', 'N1', 'N2', 'X'].includes(v) ? v : null;
}

/** SEN provision; the pre-2014 codes map to their successors (A/P to SEN support, S to an EHC plan). */
const SEN_CODES: Record<string, 'N' | 'K' | 'E'> = { N: 'N', K: 'K', E: 'E', A: 'K', P: 'K', S: 'E' };

/** First-language codes that are English, or that say nothing: a pupil with one of them is not EAL. */
const NOT_EAL = new Set(['ENG', 'ENB', 'NOT', 'REF', '']);

/** Lines of each <Pupil> start tag, so a rejection points at the pupil in the file. */
function pupilLines(xml: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let from = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?Pupil(?=[\s/>])/g)) {
    for (let i = from; i < m.index; i++) if (xml.charCodeAt(i) === 10) line++;
    from = m.index;
    lines.push(line);
  }
  return lines;
}

const fail = (reason: string, row = 1, header: CtfHeader | null = null): CtfParse => ({
  header,
  pupils: [],
  rejected: [{ row, column: '', value: '', reason }],
  rowsRead: 0,
});

function readHeader(h: Node | null, today: string): CtfHeader {
  const src = child(h, 'SourceSchool');
  const dest = child(h, 'DestSchool');
  const stamp = text(h, 'DateTime').slice(0, 10);
  return {
    version: text(h, 'CTFversion') || null,
    date: parseDate(stamp) ?? today,
    qualifier: text(h, 'DocumentQualifier') || null,
    sourceSchool: {
      lea: text(src, 'LEA') || null,
      estab: text(src, 'Estab') || null,
      name: text(src, 'SchoolName') || null,
      academicYear: text(src, 'AcademicYear') || null,
    },
    destSchool: dest ? { lea: text(dest, 'LEA') || null, estab: text(dest, 'Estab') || null } : null,
  };
}

export function parseCtf(bytes: Uint8Array, opts: { today?: string } = {}): CtfParse {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  if (bytes.length === 0) return fail('The file is empty');
  const xml = decodeText(bytes).replace(/^\uFEFF/, '');
  // Real CTFs declare no entities; refusing them rules out entity-expansion attacks outright.
  if (/<!ENTITY/i.test(xml)) return fail('The file declares XML entities, which a CTF never does');
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    return fail(`The file is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`, valid.err.line);
  const doc = asNode(parser.parse(xml)) ?? {};
  const rootName = Object.keys(doc).find((k) => !k.startsWith('?'));
  const root = rootName === 'CTfile' ? (asNode(doc.CTfile) ?? {}) : null;
  if (!root)
    return fail(`Not a Common Transfer File: the document is <${rootName ?? '?'}>, where a CTF is <CTfile>`);
  const header = readHeader(child(root, 'Header'), today);
  const pupilNodes = list(child(root, 'CTFpupilData')?.Pupil);
  if (pupilNodes.length === 0)
    return fail('The file holds no pupils (no <Pupil> in <CTFpupilData>)', 1, header);
  const lines = pupilLines(xml);
  const lineOf = (i: number) => (lines.length === pupilNodes.length ? lines[i]! : i + 1);

  const anyKs2 = pupilNodes.some((p) =>
    list(child(p, 'StageAssessments')?.KeyStage).some((k) => text(k, 'Stage').toUpperCase() === 'KS2'),
  );
  const pupils: PupilRow[] = [];
  const rejected: Rejected[] = [];
  const seen = new Map<string, number>();

  pupilNodes.forEach((p, i) => {
    const row = lineOf(i);
    const before = rejected.length;
    const bad = (column: string, value: string, reason: string) =>
      rejected.push({ row, column: `Pupil/${column}`, value, reason });
    const basic = child(p, 'BasicDetails');
    // MIS exports differ on whether these sit in BasicDetails or directly in Pupil.
    const detail = (key: string) => text(basic, key) || text(p, key);

    const upn = text(p, 'UPN').toUpperCase();
    if (!isValidUpn(upn)) bad('UPN', upn, 'Not a valid UPN (13 characters with a matching check letter)');
    else if (seen.has(upn)) bad('UPN', upn, `The same pupil appears at line ${seen.get(upn)}`);
    const givenName = text(p, 'Forename') || text(basic, 'PreferredForename');
    const familyName = text(p, 'Surname');
    if (!givenName) bad('Forename', '', 'Required');
    if (!familyName) bad('Surname', '', 'Required');
    const dob = parseDate(text(p, 'DOB'));
    if (!dob) bad('DOB', text(p, 'DOB'), 'Not a date (yyyy-mm-dd)');
    const sex = text(p, 'Sex').toUpperCase();
    if (sex !== 'M' && sex !== 'F') bad('Sex', sex, 'Use M or F');
    const ncYear = detail('NCyearActual');
    const yearGroup = yearGroupOf(ncYear);
    if (!yearGroup) bad('BasicDetails/NCyearActual', ncYear, 'Not a national curriculum year (R, 1-13)');

    const fsmHistory: FsmInstance[] = [];
    for (const f of list(child(p, 'FSMhistory')?.FSMinstance)) {
      const start = parseDate(text(f, 'FSMstartDate'));
      const rawEnd = text(f, 'FSMendDate');
      const end = rawEnd ? parseDate(rawEnd) : null;
      if (!start) {
        bad('FSMhistory/FSMinstance/FSMstartDate', text(f, 'FSMstartDate'), 'Not a date (yyyy-mm-dd)');
        continue;
      }
      if (rawEnd && !end) {
        bad('FSMhistory/FSMinstance/FSMendDate', rawEnd, 'Not a date (yyyy-mm-dd)');
        continue;
      }
      if (end && end < start) {
        bad('FSMhistory/FSMinstance/FSMendDate', rawEnd, 'The FSM period ends before it starts');
        continue;
      }
      fsmHistory.push({ start, end });
    }
    const lookedAfter = truthy(text(child(p, 'LookedAfter'), 'InCare'));
    const disadvantaged = isDisadvantaged(
      { fsm: fsmHistory, lookedAfter, adoptedFromCare: false },
      header.date,
    );
    const premium = detail('PupilPremiumEligible');

    // SEN provision over time: each record from its start date; the provision in force at the file
    // date is the latest record that had started by then. Records dated after the file are ignored.
    const senHistory: SenChange[] = [];
    for (const s of list(child(p, 'SENhistory')?.SEN)) {
      const rawStart = text(s, 'StartDate');
      const start = parseDate(rawStart);
      const code = text(s, 'SENprovision').toUpperCase();
      const provision = SEN_CODES[code];
      if (!start) bad('SENhistory/SEN/StartDate', rawStart, 'Not a date (yyyy-mm-dd)');
      else if (!provision) bad('SENhistory/SEN/SENprovision', code, 'Use N, K (SEN support) or E (EHC plan)');
      else if (start <= header.date) senHistory.push({ start, sen: provision });
    }
    senHistory.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    const sen = senHistory.at(-1)?.sen ?? 'N';
    // The primary need is the need ranked first; NSA (support without a specialist assessment) names none.
    const needs = list(child(p, 'SENneeds')?.SENneed).sort(
      (a, b) => Number(text(a, 'SENtypeRank') || 99) - Number(text(b, 'SENtypeRank') || 99),
    );
    const needCode = needs.length ? text(needs[0]!, 'SENtype').toUpperCase() : '';
    const knownNeed = (SEN_NEEDS as readonly string[]).includes(needCode);
    if (needCode && needCode !== 'NSA' && !knownNeed)
      bad('SENneeds/SENneed/SENtype', needCode, `Use a DfE SEN type code (${SEN_NEEDS.join(', ')}, NSA)`);
    const senPrimaryNeed = sen !== 'N' && knownNeed ? (needCode as SenNeed) : null;

    const firstLanguage = list(child(basic, 'Languages')?.Type).find((t) =>
      ['F', 'FIRST'].includes(text(t, 'LanguageType').toUpperCase()),
    );
    const eal = !NOT_EAL.has(text(firstLanguage ?? null, 'Language').toUpperCase());

    const ks2: { ks2Reading?: number | null; ks2Maths?: number | null } = anyKs2
      ? { ks2Reading: null, ks2Maths: null }
      : {};
    const ks2Years: Record<string, string> = {};
    for (const k of list(child(p, 'StageAssessments')?.KeyStage)) {
      if (text(k, 'Stage').toUpperCase() !== 'KS2') continue;
      for (const a of list(k.StageAssessment)) {
        const subject = text(a, 'Subject').toUpperCase();
        const key = subject === 'READ' ? 'ks2Reading' : subject === 'MAT' ? 'ks2Maths' : null;
        if (!key || text(a, 'Method').toUpperCase() !== 'TT' || !/scale|^SS$/i.test(text(a, 'Component')))
          continue;
        // Letters (absent, working below the test, ...) are results without a score.
        const result = text(a, 'Result');
        if (!/^\d+$/.test(result)) continue;
        const score = Number(result);
        if (score < 80 || score > 120) {
          bad('StageAssessments/KeyStage/StageAssessment/Result', result, 'A KS2 scaled score is 80 to 120');
          continue;
        }
        // A pupil who retook a test has a result per year: the latest counts.
        const year = text(a, 'Year');
        if ((ks2Years[key] ?? '') <= year) {
          ks2Years[key] = year;
          ks2[key] = score;
        }
      }
    }

    if (rejected.length > before) return;
    seen.set(upn, row);
    pupils.push({
      upn,
      givenName,
      familyName,
      dateOfBirth: dob!,
      sex: sex as 'M' | 'F',
      yearGroup: yearGroup!,
      disadvantaged,
      fsm: onFsm(fsmHistory, header.date),
      sen,
      ...(needs.length || sen === 'N' ? { senPrimaryNeed } : {}),
      eal,
      ethnicity: detail('Ethnicity').toUpperCase() || 'NOBT',
      ...ks2,
      pupilPremium: premium ? truthy(premium) : disadvantaged,
      lookedAfter,
      effectiveFrom: header.date,
      fsmHistory,
      ...(list(child(p, 'SENhistory')?.SEN).length ? { senHistory } : {}),
      row,
    });
  });
  return { header, pupils, rejected, rowsRead: pupilNodes.length };
}
