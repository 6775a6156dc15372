import { List, Text } from '@mantine/core';
import { type Priority, phaseLabels } from '../../../shared/contracts/planning';
import { formatDate } from '../../app/format';

/** Each move between phases with its date and reason, oldest first. */
export function PhaseHistory({ moves }: { moves: Priority['phaseMoves'] }) {
  if (moves.length === 0) return null;
  const sorted = [...moves].sort((a, b) => a.movedAt.localeCompare(b.movedAt));
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        How it got here
      </Text>
      <List size="sm" spacing={4}>
        {sorted.map((m) => (
          <List.Item key={`${m.movedAt}-${m.to}`}>
            {formatDate(m.movedAt)}: {phaseLabels[m.from]} to {phaseLabels[m.to]} – {m.reason}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
