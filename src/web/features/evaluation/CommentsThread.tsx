import { Alert, Button, Collapse, Group, Loader, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMessage } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { messageOf } from '../../app/api';
import { formatDateTime, plural } from '../../app/format';
import { commentsQuery, useAddComment } from './evaluation.api';

type Props = { responseId: string; subjectId: string; count: number; canPost: boolean; code: string };

/** The conversation about one statement between the school and its liaison, opened on demand. */
export function CommentsThread({ responseId, subjectId, count, canPost, code }: Props) {
  const [open, toggle] = useDisclosure(false);
  const panelId = useId();
  const comments = useQuery({ ...commentsQuery(responseId), enabled: open });
  const add = useAddComment(responseId, subjectId);
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);

  const post = () => {
    if (!body.trim()) return setMissing(true);
    add.mutate(body.trim(), { onSuccess: () => setBody('') });
  };

  return (
    <div>
      <Button
        variant="subtle"
        size="compact-sm"
        c="brand.8"
        leftSection={<IconMessage size={16} aria-hidden />}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`${count === 0 ? 'Comments' : plural(count, 'comment')} on ${code}`}
        onClick={toggle.toggle}
      >
        {count === 0 ? 'Comments' : plural(count, 'comment')}
      </Button>
      <Collapse expanded={open} id={panelId}>
        <Stack gap="sm" mt="sm" pl="md" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
          {comments.isPending && open && <Loader size="xs" aria-label="Loading comments" />}
          {comments.error && <Text size="sm">{messageOf(comments.error)}</Text>}
          {comments.data?.length === 0 && (
            <Text size="sm" c="dimmed">
              No comments yet. Use comments to ask or explain something about this statement.
            </Text>
          )}
          {comments.data?.map((c) => (
            <div key={c.id}>
              <Text size="xs" c="dimmed">
                {c.authorName ?? 'The platform'} · {formatDateTime(c.createdAt)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {c.body}
              </Text>
            </div>
          ))}
          {canPost && (
            <Stack gap={6}>
              <Textarea
                label="Add a comment"
                autosize
                minRows={2}
                maxLength={4000}
                value={body}
                error={missing && !body.trim() ? 'Write a comment first' : undefined}
                onChange={(e) => {
                  setBody(e.currentTarget.value);
                  setMissing(false);
                }}
              />
              {add.error && (
                <Alert color="red" role="alert" p="xs">
                  {messageOf(add.error)}
                </Alert>
              )}
              <Group>
                <Button size="compact-sm" onClick={post} loading={add.isPending}>
                  Post comment
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
      </Collapse>
    </div>
  );
}
