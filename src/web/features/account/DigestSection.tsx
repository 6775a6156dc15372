import { Paper, Switch, Text, Title } from '@mantine/core';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { preferences } from '../../../shared/contracts/planning';
import { api } from '../../app/api';
import { notifyError, notifySuccess } from '../../app/notify';

const preferencesQuery = queryOptions({
  queryKey: ['me', 'preferences'],
  queryFn: ({ signal }) => api('/me/preferences', { schema: preferences, signal }),
});

/** Whether the daily email of due and overdue actions and checks is sent to the reader. */
export function DigestSection() {
  const queryClient = useQueryClient();
  const prefs = useQuery(preferencesQuery);
  const save = useMutation({
    mutationFn: (digestEnabled: boolean) =>
      api('/me/preferences', { method: 'PATCH', body: { digestEnabled }, schema: preferences }),
    onSuccess: (data) => {
      queryClient.setQueryData(preferencesQuery.queryKey, data);
      notifySuccess(data.digestEnabled ? 'You will get the daily email.' : 'The daily email is turned off.');
    },
    onError: (err) => notifyError(err, 'Your choice was not saved'),
  });
  return (
    <Paper component="section" p="lg" aria-labelledby="digest-heading">
      <Title order={2} id="digest-heading" fz="lg" mb="xs">
        Daily email
      </Title>
      <Text size="sm" mb="md">
        On days when you have actions or impact checks due in the next fortnight, or overdue, we email you a
        short list each morning. Nothing is sent on days with nothing due.
      </Text>
      <Switch
        label="Email me a daily list of what is due and overdue"
        checked={save.isPending ? save.variables : (prefs.data?.digestEnabled ?? false)}
        disabled={!prefs.data || save.isPending}
        onChange={(e) => save.mutate(e.currentTarget.checked)}
      />
      {prefs.error && (
        <Text size="sm" c="red" mt="xs">
          Your email preference could not be loaded. Reload the page to try again.
        </Text>
      )}
    </Paper>
  );
}
