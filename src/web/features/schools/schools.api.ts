import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { auditList } from '../../../shared/contracts/audit';
import { publishedOutcomeList } from '../../../shared/contracts/data';
import {
  type CreateSchoolBody,
  type Department,
  department,
  departmentList,
  type SchoolDetail,
  schoolDetail,
  schoolList,
  type UpdateSchoolBody,
} from '../../../shared/contracts/org';
import { api } from '../../app/api';

export const schoolsQuery = queryOptions({
  queryKey: ['schools'],
  queryFn: async ({ signal }) => (await api('/schools', { schema: schoolList, signal })).schools,
});

export const schoolQuery = (schoolId: string) =>
  queryOptions({
    queryKey: ['schools', schoolId],
    queryFn: ({ signal }) => api(`/schools/${schoolId}`, { schema: schoolDetail, signal }),
  });

export const publishedOutcomesQuery = (schoolId: string) =>
  queryOptions({
    queryKey: ['schools', schoolId, 'published-outcomes'],
    queryFn: async ({ signal }) =>
      (await api(`/schools/${schoolId}/published-outcomes`, { schema: publishedOutcomeList, signal }))
        .outcomes,
  });

export const departmentsQuery = (schoolId: string) =>
  queryOptions({
    queryKey: ['schools', schoolId, 'departments'],
    queryFn: async ({ signal }) =>
      (await api(`/schools/${schoolId}/departments`, { schema: departmentList, signal })).departments,
  });

export const historyQuery = (entityType: 'school' | 'department' | 'person', entityId: string) =>
  queryOptions({
    queryKey: ['audit', entityType, entityId],
    queryFn: async ({ signal }) =>
      (await api('/audit', { schema: auditList, query: { entityType, entityId }, signal })).events,
  });

/** Any change to schools or departments refreshes lists, counts and history. */
function useInvalidateOrg() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['schools'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
}

export function useCreateSchool() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: (body: CreateSchoolBody) =>
      api<SchoolDetail>('/schools', { method: 'POST', body, schema: schoolDetail }),
    onSuccess: invalidate,
  });
}

export function useUpdateSchool(schoolId: string) {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: (body: UpdateSchoolBody) =>
      api(`/schools/${schoolId}`, { method: 'PATCH', body, schema: schoolDetail }),
    onSuccess: invalidate,
  });
}

export function useArchiveSchool(schoolId: string) {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: (version: number) =>
      api(`/schools/${schoolId}/archive`, { method: 'POST', body: { version }, schema: schoolDetail }),
    onSuccess: invalidate,
  });
}

export function useCreateDepartment(schoolId: string) {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: (name: string) =>
      api(`/schools/${schoolId}/departments`, { method: 'POST', body: { name }, schema: department }),
    onSuccess: invalidate,
  });
}

export function useUpdateDepartment() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: ({ id, version, name }: Pick<Department, 'id' | 'version' | 'name'>) =>
      api(`/departments/${id}`, { method: 'PATCH', body: { version, name }, schema: department }),
    onSuccess: invalidate,
  });
}

export function useArchiveDepartment() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: ({ id, version }: Pick<Department, 'id' | 'version'>) =>
      api(`/departments/${id}/archive`, { method: 'POST', body: { version }, schema: department }),
    onSuccess: invalidate,
  });
}
