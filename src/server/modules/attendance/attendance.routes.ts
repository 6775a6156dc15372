import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  attendanceSummary,
  attendanceSummaryQuery,
  giasImportResult,
  importGiasBody,
  importRecordsBody,
  staffRetention,
} from '../../../shared/contracts/attendance';
import { exportQuery, importResult } from '../../../shared/contracts/data';
import { actorOf } from '../../platform/http/request-auth';
import type { Services } from '../../services';

export function registerAttendanceRoutes(
  app: FastifyInstance,
  { attendance, attendanceImports, staffImports, giasImports }: Services,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Data imports'];
  const bodyLimit = 42 * 1024 * 1024;
  const imported = { 201: importResult };
  r.post(
    '/imports/attendance',
    {
      bodyLimit,
      schema: {
        tags,
        description:
          'Attendance per pupil per period (CSV: upn, period_start, period_end, possible_sessions, attended_sessions). All or nothing.',
        body: importRecordsBody,
        response: imported,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await attendanceImports.importAttendance(actorOf(req), req.body)),
  );
  r.post(
    '/imports/behaviour',
    {
      bodyLimit,
      schema: {
        tags,
        description: 'Behaviour and attitude-to-learning points per pupil (CSV). All or nothing.',
        body: importRecordsBody,
        response: imported,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await attendanceImports.importBehaviour(actorOf(req), req.body)),
  );
  r.post(
    '/imports/staff',
    {
      bodyLimit,
      schema: {
        tags,
        description: 'Staff records for workforce measures (CSV). All or nothing.',
        body: importRecordsBody,
        response: imported,
      },
    },
    async (req, reply) => reply.status(201).send(await staffImports.importStaff(actorOf(req), req.body)),
  );
  r.post(
    '/imports/gias',
    {
      bodyLimit: 200 * 1024 * 1024,
      schema: {
        tags,
        description:
          'GIAS establishment extract (and group links) into the trust’s schools; a dry run previews the changes.',
        body: importGiasBody,
        response: { 201: giasImportResult },
      },
    },
    async (req, reply) => reply.status(201).send(await giasImports.importGias(actorOf(req), req.body)),
  );
  r.get(
    '/attendance/summary',
    {
      schema: {
        tags: ['Analysis'],
        querystring: attendanceSummaryQuery,
        response: { 200: attendanceSummary },
      },
    },
    async (req) => attendance.summary(actorOf(req), req.query),
  );
  r.get(
    '/staff/retention',
    { schema: { tags: ['Analysis'], querystring: exportQuery, response: { 200: staffRetention } } },
    async (req) =>
      attendance.staffRetention(actorOf(req), req.query.schoolId ? { schoolId: req.query.schoolId } : {}),
  );
}
