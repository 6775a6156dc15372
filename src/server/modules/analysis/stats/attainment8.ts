/**
 * Attainment 8 for one pupil from their approved KS4 results.
 * Source: methods.md §3 "Attainment 8 and Progress 8 (KS4)" (DfE "Secondary accountability measures").
 *
 * Input: one entry per qualification after DfE's discounting (e.g. a pupil with both combined science
 * and a separate science has only the ones DfE counts), each a subject code with its points. If a subject
 * code appears more than once only its highest points count, since a subject can fill only one slot.
 */

/** Where a subject may count. Everything not listed in the lookup is an open-only qualification. */
export type SubjectCategory =
  | 'maths'
  | 'english_language'
  | 'english_literature'
  /** Sciences, computer science, geography, history and languages. */
  | 'ebacc'
  /** Combined (double award) science: two EBacc-eligible slots with the same points. */
  | 'combined_science'
  | 'open';

export type QualificationResult = { readonly subject: string; readonly points: number };

export type SubjectCategories = Readonly<Record<string, SubjectCategory>>;

/** Subject codes the platform uses for GCSEs; callers with other codes pass their own lookup. */
export const GCSE_SUBJECT_CATEGORIES: SubjectCategories = {
  MATHS: 'maths',
  ENGLISH_LANGUAGE: 'english_language',
  ENGLISH_LITERATURE: 'english_literature',
  COMBINED_SCIENCE: 'combined_science',
  BIOLOGY: 'ebacc',
  CHEMISTRY: 'ebacc',
  PHYSICS: 'ebacc',
  COMPUTER_SCIENCE: 'ebacc',
  GEOGRAPHY: 'ebacc',
  HISTORY: 'ebacc',
  FRENCH: 'ebacc',
  GERMAN: 'ebacc',
  SPANISH: 'ebacc',
  ITALIAN: 'ebacc',
  MANDARIN: 'ebacc',
  ARABIC: 'ebacc',
  URDU: 'ebacc',
  POLISH: 'ebacc',
  LATIN: 'ebacc',
  ANCIENT_GREEK: 'ebacc',
  BIBLICAL_HEBREW: 'ebacc',
};

/** GCSE 9-1 points: the grade itself, U = 0 (§3). Other qualifications use DfE's tables, passed as data. */
export const GCSE_POINTS: Readonly<Record<string, number>> = {
  '9': 9,
  '8': 8,
  '7': 7,
  '6': 6,
  '5': 5,
  '4': 4,
  '3': 3,
  '2': 2,
  '1': 1,
  U: 0,
};

/**
 * Points for a grade from a point table (GCSE 9-1 by default). A combined science double grade such as
 * "6-5" scores the mean of its two grades in each of its two slots. Null for a grade not in the table.
 */
export function gradePoints(
  grade: string,
  table: Readonly<Record<string, number>> = GCSE_POINTS,
): number | null {
  const double = /^(\w)-(\w)$/.exec(grade.trim());
  if (double?.[1] !== undefined && double[2] !== undefined) {
    const first = table[double[1]];
    const second = table[double[2]];
    return first === undefined || second === undefined ? null : (first + second) / 2;
  }
  return table[grade.trim()] ?? null;
}

export type Attainment8 = {
  readonly total: number;
  /** Element points, weights included: English and maths out of 18, EBacc and open out of 27. */
  readonly english: number;
  readonly maths: number;
  readonly ebacc: number;
  readonly open: number;
  /** True when both English language and literature were taken, so the higher counts twice. */
  readonly englishDoubled: boolean;
  readonly ebaccSlotsFilled: number;
  readonly openSlotsFilled: number;
};

const SLOTS = 3;

/**
 * Fills the eight slots (ten weights) of §3: maths ×2; English ×2 only with both language and literature
 * (the higher doubled, the other free for open), once if only one was taken; EBacc = best 3 EBacc units;
 * open = best 3 of what is left, which may include further EBacc units and the spare English but which
 * the spare English can never reach through the EBacc element. Empty slots score 0; the maximum is 90.
 * Filling EBacc first with its best units and then open with the best of the rest maximises the total,
 * because every unit that may go in EBacc may also go in open.
 */
export function attainment8(
  results: readonly QualificationResult[],
  categories: SubjectCategories = GCSE_SUBJECT_CATEGORIES,
): Attainment8 {
  const bySubject = new Map<string, number>();
  for (const r of results)
    bySubject.set(r.subject, Math.max(r.points, bySubject.get(r.subject) ?? -Infinity));

  const best: Partial<Record<'maths' | 'english_language' | 'english_literature', number>> = {};
  const ebaccUnits: number[] = [];
  const openOnly: number[] = [];
  for (const [subject, points] of bySubject) {
    const category = categories[subject] ?? 'open';
    if (category === 'maths' || category === 'english_language' || category === 'english_literature') {
      // A second qualification in the same category is discounted, not moved to open.
      best[category] = Math.max(points, best[category] ?? -Infinity);
    } else if (category === 'ebacc') ebaccUnits.push(points);
    else if (category === 'combined_science') ebaccUnits.push(points, points);
    else openOnly.push(points);
  }

  const maths = 2 * (best.maths ?? 0);
  const language = best.english_language;
  const literature = best.english_literature;
  const englishDoubled = language !== undefined && literature !== undefined;
  const english = englishDoubled ? 2 * Math.max(language, literature) : (language ?? literature ?? 0);
  const spareEnglish = englishDoubled ? [Math.min(language, literature)] : [];

  const ebaccRanked = descending(ebaccUnits);
  const ebaccChosen = ebaccRanked.slice(0, SLOTS);
  const openChosen = descending([...ebaccRanked.slice(SLOTS), ...spareEnglish, ...openOnly]).slice(0, SLOTS);
  const ebacc = sum(ebaccChosen);
  const open = sum(openChosen);

  return {
    total: english + maths + ebacc + open,
    english,
    maths,
    ebacc,
    open,
    englishDoubled,
    ebaccSlotsFilled: ebaccChosen.length,
    openSlotsFilled: openChosen.length,
  };
}

const descending = (xs: readonly number[]) => [...xs].sort((a, b) => b - a);
const sum = (xs: readonly number[]) => xs.reduce((total, x) => total + x, 0);
