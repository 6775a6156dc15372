import type { Page } from 'playwright-core';

/**
 * The demo trust's pupil data is generated up to today, so which assessments exist and how many
 * pupils each has move with the date. Tests read them through the same API the page uses, then
 * check that the screen shows exactly that.
 */
export type DemoAssessment = {
  id: string;
  name: string;
  subject: string;
  yearGroup: string;
  academicYear: string;
  collectionPoint: string;
  takenOn: string;
};

async function assessments(page: Page): Promise<DemoAssessment[]> {
  const res = await page.request.get('/api/v1/analysis/assessments');
  if (!res.ok()) throw new Error(`assessments: ${res.status()}`);
  return (await res.json()).assessments;
}

/** The latest assessment of that name (at that collection point), with the label the pickers show. */
export async function latestAssessment(
  page: Page,
  name: string,
  collectionPoint?: string,
): Promise<DemoAssessment & { label: string; slug: string }> {
  const all = await assessments(page);
  const named = all.filter((a) => a.name === name);
  const a = named
    .filter((x) => !collectionPoint || x.collectionPoint === collectionPoint)
    .sort((x, y) => y.takenOn.localeCompare(x.takenOn))[0];
  if (!a) throw new Error(`The demo has no assessment named ${name}`);
  const label = named.length > 1 ? `${a.name} (${a.collectionPoint} ${a.academicYear})` : a.name;
  const slug = `${a.name} ${a.collectionPoint} ${a.academicYear}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { ...a, label, slug };
}

export type GapGroup = { n: number | null; mean: number | null; suppressed: boolean };
export type GapScope = {
  scope: 'trust' | 'school';
  label: string;
  groups: GapGroup[];
  gap: { difference: number; distinguishable: boolean } | null;
};

/** The gap analysis the page shows for this reader. */
export async function gapsFor(page: Page, assessmentId: string, groupBy: string): Promise<GapScope[]> {
  const res = await page.request.get(`/api/v1/analysis/gaps?assessmentId=${assessmentId}&groupBy=${groupBy}`);
  if (!res.ok()) throw new Error(`gaps: ${res.status()}`);
  return (await res.json()).scopes;
}

/** The autumn of the academic year before this one: complete, with all three collection points. */
export function lastAcademicYear(today = new Date()): { start: number; label: string } {
  const start = (today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1) - 1;
  return { start, label: `${start}/${String(start + 1).slice(2)}` };
}
