import { z } from 'zod';
import { uuid } from './common';
import { importResult } from './data';

/**
 * Attendance, behaviour and staff files: small enough to send whole (a trust of 60,000 pupils and
 * six attendance periods is about 20 MB), base64-encoded so the encoding is detected, not assumed.
 */
export const importRecordsBody = z.strictObject({
  /** Only this school's pupils (or staff) may appear; without it, any school of the trust. */
  schoolId: uuid.optional(),
  filename: z.string().trim().min(1).max(255),
  contentBase64: z.string().max(30_000_000),
  dryRun: z.boolean().default(false),
});
export type ImportRecordsBody = z.infer<typeof importRecordsBody>;

const urn = z.string().regex(/^\d{6}$/, 'A URN has six digits');
export const importGiasBody = z
  .strictObject({
    filename: z.string().trim().min(1).max(255),
    /** The establishment extract (edubasealldataYYYYMMDD.csv). */
    establishmentsBase64: z.string().max(120_000_000),
    /** The group links extract (allgroupslinksdata), for the trust's members and joined dates. */
    linksBase64: z.string().max(60_000_000).optional(),
    groupUid: z.string().trim().min(1).max(20).optional(),
    groupName: z.string().trim().min(1).max(200).optional(),
    urns: z.array(urn).max(2000).optional(),
    dryRun: z.boolean().default(false),
  })
  .refine((b) => !b.linksBase64 || b.groupUid || b.groupName, {
    message: 'Say which group in the links file is the trust (its group UID or name).',
    path: ['groupUid'],
  });
export type ImportGiasBody = z.infer<typeof importGiasBody>;

const fieldValue = z.union([z.string(), z.number()]).nullable();
export const giasPreview = z.object({
  create: z.array(
    z.object({ urn: z.string(), name: z.string(), phase: z.string(), joinedTrustOn: z.string().nullable() }),
  ),
  update: z.array(
    z.object({
      urn: z.string(),
      name: z.string(),
      changes: z.array(z.object({ field: z.string(), from: fieldValue, to: fieldValue })),
    }),
  ),
  unchanged: z.array(z.string()),
  unknownUrns: z.array(z.string()),
  closedNotAdded: z.array(z.string()),
  leftAlone: z.array(z.string()),
});
export type GiasPreview = z.infer<typeof giasPreview>;
export const giasImportResult = importResult.extend({ preview: giasPreview });

export const attendanceGroups = [
  'all',
  'disadvantaged',
  'not_disadvantaged',
  'sen',
  'no_sen',
  'eal',
  'not_eal',
] as const;
export const attendanceSummaryQuery = z.strictObject({
  /** The calendar year the academic year starts in (2025 = 2025/26); the latest with data by default. */
  academicYear: z.coerce.number().int().min(2000).max(2100).optional(),
  schoolId: uuid.optional(),
});
export const attendanceSummary = z.object({
  academicYear: z.number().int().nullable(),
  label: z.string().nullable(),
  /** Academic years with attendance held, newest first. */
  years: z.array(z.number().int()),
  /** Set when small groups are hidden for this reader (governors and trustees). */
  suppressionThreshold: z.number().int().nullable(),
  schools: z.array(
    z.object({
      schoolId: uuid,
      schoolName: z.string(),
      groups: z.array(
        z.object({
          group: z.enum(attendanceGroups),
          pupils: z.number().int().nullable(),
          attendancePct: z.number().nullable(),
          persistentAbsencePct: z.number().nullable(),
          suppressed: z.boolean(),
        }),
      ),
    }),
  ),
});
export type AttendanceSummary = z.infer<typeof attendanceSummary>;

export const staffRetention = z.object({
  schools: z.array(
    z.object({
      schoolId: uuid,
      schoolName: z.string(),
      years: z.array(
        z.object({
          academicYear: z.number().int(),
          label: z.string(),
          /** Null with `suppressed`: fewer staff than the threshold, shown to a governor or trustee. */
          inPostAtStart: z.number().int().nullable(),
          stillInPost: z.number().int().nullable(),
          retentionPct: z.number().nullable(),
          suppressed: z.boolean(),
          /** The year has not ended yet: the figure can still fall. */
          inProgress: z.boolean(),
        }),
      ),
    }),
  ),
});
export type StaffRetention = z.infer<typeof staffRetention>;
