import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { SurveyAudience } from '../../../shared/contracts/surveys';
import { messageOf } from '../../app/api';
import { academicYearOf } from '../../app/format';
import { schoolsQuery } from '../schools/schools.api';
import { createSurvey } from './surveys.api';

type Props = { opened: boolean; onClose: () => void; trustWide: boolean };

export function NewSurveyDialog({ opened, onClose, trustWide }: Props) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const schools = useQuery(schoolsQuery).data ?? [];
  const [title, setTitle] = useState('');
  const [audience, setAudience] = useState<SurveyAudience>('pupil');
  const [picked, setSchoolId] = useState<string | null>(null);
  // The schools may still be loading when the dialog opens: default to the first once they arrive.
  const schoolId = picked ?? (trustWide ? 'trust' : (schools[0]?.id ?? null));
  const [year, setYear] = useState(academicYearOf(new Date()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const schoolOptions = [
    ...(trustWide ? [{ value: 'trust', label: 'Every school in the trust' }] : []),
    ...schools.map((s) => ({ value: s.id, label: s.name })),
  ];
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const s = await createSurvey({
        title,
        audience,
        schoolId: schoolId === 'trust' ? null : schoolId,
        academicYear: year,
        opensOn: null,
        closesOn: null,
      });
      await queryClient.invalidateQueries({ queryKey: ['surveys'] });
      onClose();
      navigate(`/analyse/surveys/${s.id}`);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="New survey">
      <Stack gap="sm">
        <TextInput
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          error={error}
        />
        <Select
          label="Who answers it"
          data={[
            { value: 'pupil', label: 'Pupils' },
            { value: 'staff', label: 'Staff' },
            { value: 'parent', label: 'Parents and carers' },
          ]}
          value={audience}
          onChange={(v) => v && setAudience(v as SurveyAudience)}
          allowDeselect={false}
        />
        <Select
          label="Where"
          data={schoolOptions}
          value={schoolId}
          onChange={setSchoolId}
          allowDeselect={false}
        />
        <TextInput label="Academic year" value={year} onChange={(e) => setYear(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={save} loading={busy} disabled={!title.trim() || !schoolId}>
            Create survey
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
