/**
 * The answer scales survey exports use, so a column of words can be read as an ordered scale.
 * The first label of a scale scores 1.
 */
export const KNOWN_SCALES: readonly (readonly string[])[] = [
  ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
  ['Never', 'Rarely', 'Sometimes', 'Often', 'Always'],
  ['Very dissatisfied', 'Dissatisfied', 'Neither satisfied nor dissatisfied', 'Satisfied', 'Very satisfied'],
  ['Very unhappy', 'Unhappy', 'Neither happy nor unhappy', 'Happy', 'Very happy'],
];

/** Other spellings of a scale's labels that forms and people use. */
const ALIASES: Record<string, string> = {
  'neither agree or disagree': 'neither agree nor disagree',
  neutral: 'neither agree nor disagree',
  'not sure': 'neither agree nor disagree',
  'neither satisfied or dissatisfied': 'neither satisfied nor dissatisfied',
  'neither happy or unhappy': 'neither happy nor unhappy',
};

/** Answers that say the person gave no view: counted as no answer rather than a point on the scale. */
const NO_VIEW = new Set(["don't know", 'dont know', 'prefer not to say', 'not applicable', 'n/a', 'na']);

export const normaliseAnswer = (v: string) =>
  v
    .trim()
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ');

export const isNoView = (v: string) => NO_VIEW.has(normaliseAnswer(v));

/** The score (1..k) of an answer on a scale, or null when it is not one of the scale's labels. */
export function scoreOn(labels: readonly string[], answer: string): number | null {
  const v = normaliseAnswer(answer);
  const wanted = ALIASES[v] ?? v;
  const i = labels.findIndex((l) => normaliseAnswer(l) === wanted);
  return i < 0 ? null : i + 1;
}

/**
 * The scale a column's answers come from: a known word scale holding every answer, or a rating
 * scale (whole numbers, 1 to 5 or 1 to 10). Null when the answers fit no scale (free text).
 */
export function detectScale(answers: readonly string[]): string[] | null {
  const given = answers.filter((a) => a.trim() !== '' && !isNoView(a));
  if (given.length === 0) return null;
  for (const scale of KNOWN_SCALES) if (given.every((a) => scoreOn(scale, a) !== null)) return [...scale];
  const numbers = given.map((a) => Number(a.trim()));
  if (numbers.every((n) => Number.isInteger(n) && n >= 1 && n <= 10)) {
    const top = Math.max(...numbers) <= 5 ? 5 : 10;
    return Array.from({ length: top }, (_, i) => String(i + 1));
  }
  return null;
}

/** The known scale most of the answers are on, for a column the importer says is Likert. */
export function closestScale(answers: readonly string[]): string[] {
  let best: readonly string[] = KNOWN_SCALES[0] ?? [];
  let hits = -1;
  for (const scale of KNOWN_SCALES) {
    const n = answers.filter((a) => scoreOn(scale, a) !== null).length;
    if (n > hits) [best, hits] = [scale, n];
  }
  return [...best];
}
