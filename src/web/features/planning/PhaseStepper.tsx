import { Text, VisuallyHidden } from '@mantine/core';
import { type Phase, phaseLabels, phases } from '../../../shared/contracts/planning';
import classes from './PhaseStepper.module.css';
import { phasePurpose } from './planning-text';

type Props = {
  /** Given to the current step, so focus can land on it after a move. */
  currentId?: string;
  /** The priority's title, so each step's name says which priority it moves. */
  title: string;
  current: Phase;
  /** Called with the chosen phase; absent when the reader may not move the priority. */
  onChoose?: (phase: Phase) => void;
};

/**
 * Explore, Prepare, Deliver, Sustain as four steps with the current one marked in words as well as
 * by its outline. Phases are not a strict sequence, so any other step can be chosen.
 */
export function PhaseStepper({ currentId, title, current, onChoose }: Props) {
  return (
    <ol className={classes.steps} aria-label={`EEF phase of ${title}`}>
      {phases.map((phase, i) => {
        const isCurrent = phase === current;
        const body = (
          <>
            <span className={classes.number} aria-hidden="true">
              {i + 1}
            </span>
            <span>
              <Text span fw={700} display="block">
                {!isCurrent && onChoose && <VisuallyHidden>Move to </VisuallyHidden>}
                {phaseLabels[phase]}
                {isCurrent && (
                  <Text span fw={500}>
                    {' '}
                    (current phase)
                  </Text>
                )}
              </Text>
              <Text span size="sm" c="dimmed" display="block">
                {phasePurpose[phase]}
              </Text>
            </span>
          </>
        );
        return (
          <li key={phase} aria-current={isCurrent ? 'step' : undefined}>
            {isCurrent || !onChoose ? (
              <div
                id={isCurrent ? currentId : undefined}
                tabIndex={isCurrent ? -1 : undefined}
                className={`${classes.step} ${isCurrent ? classes.current : ''}`}
              >
                {body}
              </div>
            ) : (
              <button type="button" className={classes.step} onClick={() => onChoose(phase)}>
                {body}
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
