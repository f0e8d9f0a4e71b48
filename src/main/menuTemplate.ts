/**
 * The application menu as plain data, built from COMMANDS (Electron-free so it is testable;
 * index.ts hands it to Menu.buildFromTemplate). Accelerators are shown but not registered:
 * plain keys like Space, Right or F must reach the renderer, which ignores them in text fields.
 */
import type { HostEvent } from '../shared/api';
import { COMMANDS, type CommandSpec } from '../shared/commands';

/** The subset of Electron's MenuItemConstructorOptions used here. */
export interface MenuItemTemplate {
  label?: string;
  role?: string;
  type?: 'separator' | 'submenu' | 'normal';
  accelerator?: string;
  registerAccelerator?: boolean;
  id?: string;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

export interface MenuOptions {
  readonly appName: string;
  readonly platform: NodeJS.Platform;
  /** Reload and devtools items (development only). */
  readonly dev: boolean;
  readonly send: (event: HostEvent) => void;
}

const MENU_ORDER: readonly CommandSpec['menu'][] = ['Timeline', 'View', 'Lesson', 'Measure', 'Help'];

function commandItem(c: CommandSpec, send: MenuOptions['send']): MenuItemTemplate {
  const item: MenuItemTemplate = {
    id: c.id,
    label: c.label,
    registerAccelerator: false,
    click: () => send({ type: 'menu.command', commandId: c.id }),
  };
  if (c.accelerator) item.accelerator = c.accelerator;
  return item;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemTemplate[] {
  const mac = options.platform === 'darwin';
  const byMenu = (menu: CommandSpec['menu']): MenuItemTemplate[] => COMMANDS.filter((c) => c.menu === menu).map((c) => commandItem(c, options.send));
  const template: MenuItemTemplate[] = [];
  if (mac) {
    template.push({ label: options.appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] });
  }
  template.push({ label: 'File', submenu: [...byMenu('File'), { type: 'separator' }, mac ? { role: 'close' } : { role: 'quit' }] });
  template.push({
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  });
  for (const menu of MENU_ORDER) {
    const items = byMenu(menu);
    if (menu === 'View') {
      items.push({ type: 'separator' }, { role: 'togglefullscreen' });
      if (options.dev) items.push({ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' });
    }
    template.push({ label: menu, ...(menu === 'Help' ? { role: 'help' } : {}), submenu: items });
  }
  return template;
}
