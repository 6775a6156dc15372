import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common';
import {
  createDepartmentBody,
  createSchoolBody,
  department,
  departmentList,
  schoolDetail,
  schoolList,
  trust,
  updateDepartmentBody,
  updateSchoolBody,
  versionBody,
} from '../../../shared/contracts/org';
import { actorOf } from '../../platform/http/request-auth';
import type { Services } from '../../services';

export function registerOrgRoutes(app: FastifyInstance, { org }: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Organisation'];

  r.get('/trust', { schema: { tags, response: { 200: trust } } }, async (req) => org.trust(actorOf(req)));

  r.get('/schools', { schema: { tags, response: { 200: schoolList } } }, async (req) => ({
    schools: await org.listSchools(actorOf(req)),
  }));

  r.post(
    '/schools',
    { schema: { tags, body: createSchoolBody, response: { 201: schoolDetail } } },
    async (req, reply) => reply.status(201).send(await org.createSchool(actorOf(req), req.body)),
  );

  r.get(
    '/schools/:id',
    { schema: { tags, params: idParams, response: { 200: schoolDetail } } },
    async (req) => org.getSchool(actorOf(req), req.params.id),
  );

  r.patch(
    '/schools/:id',
    { schema: { tags, params: idParams, body: updateSchoolBody, response: { 200: schoolDetail } } },
    async (req) => org.updateSchool(actorOf(req), req.params.id, req.body),
  );

  r.post(
    '/schools/:id/archive',
    { schema: { tags, params: idParams, body: versionBody, response: { 200: schoolDetail } } },
    async (req) => org.archiveSchool(actorOf(req), req.params.id, req.body.version),
  );

  r.get(
    '/schools/:id/departments',
    { schema: { tags, params: idParams, response: { 200: departmentList } } },
    async (req) => ({
      departments: await org.listDepartments(actorOf(req), req.params.id),
    }),
  );

  r.post(
    '/schools/:id/departments',
    { schema: { tags, params: idParams, body: createDepartmentBody, response: { 201: department } } },
    async (req, reply) =>
      reply.status(201).send(await org.createDepartment(actorOf(req), req.params.id, req.body.name)),
  );

  r.patch(
    '/departments/:id',
    { schema: { tags, params: idParams, body: updateDepartmentBody, response: { 200: department } } },
    async (req) => org.updateDepartment(actorOf(req), req.params.id, req.body),
  );

  r.post(
    '/departments/:id/archive',
    { schema: { tags, params: idParams, body: versionBody, response: { 200: department } } },
    async (req) => org.archiveDepartment(actorOf(req), req.params.id, req.body.version),
  );
}
