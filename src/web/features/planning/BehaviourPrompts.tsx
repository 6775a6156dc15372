import { List, Text } from '@mantine/core';
import { behaviourPrompts } from '../../../shared/contracts/planning';

/** The EEF's Engage, Unite and Reflect behaviours as questions to think about in any phase. */
export function BehaviourPrompts({ heading = 'Questions to think about' }: { heading?: string }) {
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {heading}
      </Text>
      <List size="sm" spacing={4}>
        {Object.values(behaviourPrompts).map((prompt) => (
          <List.Item key={prompt}>{prompt}</List.Item>
        ))}
      </List>
    </div>
  );
}
