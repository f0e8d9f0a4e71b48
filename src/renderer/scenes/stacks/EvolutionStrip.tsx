/**
 * hardware → co-location → VM → container → function, as buttons: each sets up its stack
 * (the URL's `stack`). Buttons are reachable with Tab and pressed with Enter or Space; the
 * arrow keys stay the timeline's.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useApp } from '../../state/store';
import { setStack } from './setStack';
import { EVOLUTION } from '../../../sim/stacks/stacks';

// A scene-local store, on purpose (docs/ARCHITECTURE.md, "Stores"): which strip card is open is this component's own UI state, shared by its two halves only.
/** The step last chosen: hardware and co-location both set up bare metal. */
const chosen = createStore<{ index: number | null }>()(() => ({ index: null }));

/** Index of the step shown as current for `stack`: the one chosen, else the first that sets it up. */
export function currentStep(stack: string, chosenIndex: number | null): number {
  if (chosenIndex !== null && EVOLUTION[chosenIndex]?.stack === stack) return chosenIndex;
  return EVOLUTION.findIndex((s) => s.stack === stack);
}

export function EvolutionStrip() {
  const stack = useApp((s) => s.params.stack ?? 'container');
  const { index } = useStore(chosen);
  const current = currentStep(stack, index);
  const step = current >= 0 ? EVOLUTION[current] : undefined;
  return (
    <nav className="stacks-evolution" aria-label="Evolution: hardware to functions" data-testid="stacks.evolution">
      <ol>
        {EVOLUTION.map((s, i) => (
          <li key={s.label}>
            <button
              type="button"
              aria-current={i === current ? 'step' : undefined}
              className={i === current ? 'current' : i < current ? 'past' : undefined}
              onClick={() => {
                chosen.setState({ index: i });
                setStack(s.stack);
              }}
              title={s.changed}
              data-testid={`stacks.evolution.${i}`}
            >
              <span className="year">{s.year}</span> {s.label}
            </button>
          </li>
        ))}
      </ol>
      <p className="stacks-evolution-note" data-testid="stacks.evolution.note">
        {step ? step.changed : 'A type-2 hypervisor or a microVM: a variation on a step of the strip.'}
      </p>
    </nav>
  );
}
