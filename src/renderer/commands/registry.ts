/**
 * Commands are data: the shared list (ids, labels, keys) plus what each one does here.
 * Buttons, the keyboard and Electron's menu all run commands through `runCommand`.
 */
import { COMMANDS, type CommandId, type CommandSpec } from '../../shared/commands';

export interface Command extends CommandSpec {
  readonly run: () => void;
}

export type CommandHandlers = Readonly<Record<CommandId, () => void>>;

export class CommandRegistry {
  private readonly byId = new Map<CommandId, Command>();
  private readonly byKey = new Map<string, Command>();

  constructor(handlers: CommandHandlers, specs: readonly CommandSpec[] = COMMANDS) {
    for (const spec of specs) {
      const command: Command = { ...spec, run: handlers[spec.id] };
      this.byId.set(spec.id, command);
      for (const key of spec.keys) {
        if (this.byKey.has(key)) throw new Error(`Key "${key}" is bound twice (${this.byKey.get(key)!.id} and ${spec.id}).`);
        this.byKey.set(key, command);
      }
    }
  }

  list(): Command[] {
    return [...this.byId.values()];
  }

  run(id: string): boolean {
    const command = this.byId.get(id as CommandId);
    if (!command) return false;
    command.run();
    return true;
  }

  /** The command a key press names, e.g. `Shift+ArrowRight`; letters and symbols ignore Shift. */
  forKey(key: string, shift: boolean): Command | undefined {
    if (shift) {
      const shifted = this.byKey.get(`Shift+${key}`);
      if (shifted) return shifted;
      if (key.length > 1) return undefined; // Shift+Home etc. are not bound
    }
    return this.byKey.get(key);
  }
}

/** True when the keyboard belongs to a text field or editor, where shortcuts must stay off. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (element as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset'].includes(type);
  }
  return element.closest('[data-editor]') !== null;
}

/** What a key press should do, or nothing (modifiers, typing, or unbound keys). */
export function commandForEvent(registry: CommandRegistry, event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): Command | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  if (isTypingTarget(event.target)) {
    // Escape still leaves presentation mode from a field.
    return event.key === 'Escape' ? registry.forKey('Escape', false) : undefined;
  }
  // Range inputs use arrows themselves; Space on a button clicks it.
  const tag = (event.target as HTMLElement | null)?.tagName;
  const type = (event.target as HTMLInputElement | null)?.type;
  if (tag === 'INPUT' && type === 'range' && event.key.startsWith('Arrow')) return undefined;
  // Space on a button clicks it and Enter follows a link; Space on a link means nothing to
  // the browser but a scroll, so there it plays/pauses like anywhere else.
  if (tag === 'BUTTON' && (event.key === ' ' || event.key === 'Enter')) return undefined;
  if (tag === 'A' && event.key === 'Enter') return undefined;
  return registry.forKey(event.key, event.shiftKey);
}
