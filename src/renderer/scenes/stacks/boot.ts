/** The boot (or cold-start) time the model uses for the current stack, ms. */
import { STACK_IDS, STACKS, type StackId } from '../../../sim/stacks/stacks';

export function bootMsOf(params: Readonly<Record<string, string>>): number {
  const stack: StackId = (STACK_IDS as readonly string[]).includes(params.stack ?? '') ? (params.stack as StackId) : 'container';
  const boot = Number(params.boot);
  return params.boot !== undefined && Number.isInteger(boot) && boot >= 1 && boot <= 600_000 ? boot : STACKS[stack].bootMs;
}
