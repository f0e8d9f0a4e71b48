/**
 * Electron main process: wiring only. The window, the app:// protocol, the menu and IPC;
 * everything behind them is Electron-free (services/, ipcRouter, menuTemplate, staticFiles).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type MenuItemConstructorOptions } from 'electron';
import { API_METHODS, IPC_EVENT_CHANNEL, type HostEvent, type OpenFileRequest, type OpenFileResult, type SaveFileRequest, type SaveFileResult } from '../shared/api';
import { createIpcRouter, isTrustedUrl } from './ipcRouter';
import { buildMenuTemplate } from './menuTemplate';
import { securityHeadersFor } from './securityHeaders';
import { createHostApi } from './services/hostApi';
import { MeasurementService } from './services/measurements';
import { readVersion } from './services/version';
import { refuseSignalInspector } from './services/inspectorGuard';
import { lookupStatic } from './staticFiles';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '../renderer');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

refuseSignalInspector();

const measurements = new MeasurementService({ workers: { kind: 'bundle', dir: join(here, 'workers') } });
let mainWindow: BrowserWindow | null = null;

function send(event: HostEvent): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC_EVENT_CHANNEL, event);
}
measurements.onEvent(send);

async function saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
  const options = {
    defaultPath: request.suggestedName,
    filters: (request.filters ?? []).map((f) => ({ name: f.name, extensions: [...f.extensions] })),
  };
  const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { path: null };
  await writeFile(choice.filePath, request.encoding === 'base64' ? Buffer.from(request.data, 'base64') : request.data);
  if (choice.filePath.endsWith('.nanoscope.json')) app.addRecentDocument(choice.filePath);
  return { path: choice.filePath };
}

/** Scenario and lesson files are small text; anything past this is refused before reading. */
const OPEN_MAX_BYTES = 1024 * 1024;

async function openFile(request: OpenFileRequest): Promise<OpenFileResult> {
  const options = {
    properties: ['openFile' as const],
    filters: (request.filters ?? []).map((f) => ({ name: f.name, extensions: [...f.extensions] })),
  };
  const choice = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  const path = choice.filePaths[0];
  if (choice.canceled || !path) return { path: null };
  if ((await stat(path)).size > OPEN_MAX_BYTES) throw new Error(`${basename(path)} is larger than 1 MiB: not a scenario or lesson file`);
  if (path.endsWith('.nanoscope.json')) app.addRecentDocument(path);
  return { path, name: basename(path), text: await readFile(path, 'utf8') };
}

const api = createHostApi({
  mode: 'desktop',
  version: app.getVersion() || readVersion(import.meta.url),
  measurements,
  saveFile,
  openFile,
  capabilities: { nativeDialogs: true, appMenu: true, recentFiles: true },
});
const router = createIpcRouter(api, { methods: API_METHODS, ...(devServerUrl ? { devServerUrl } : {}), log: (l) => console.warn(l) });

function serveAppProtocol(): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const headers = new Headers(securityHeadersFor(url.pathname));
    if (url.host !== 'nanoscope') return new Response('unknown host', { status: 404, headers });
    const found = await lookupStatic(rendererDir, url.pathname);
    if (found.status !== 200) return new Response(found.reason, { status: found.status, headers });
    headers.set('Content-Type', found.contentType);
    return new Response(await readFile(found.file), { status: 200, headers });
  });
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    show: false,
    title: 'Nanoscope',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url, devServerUrl)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url, devServerUrl)) event.preventDefault();
  });
  void win.loadURL(devServerUrl ?? 'app://nanoscope/index.html');
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(() => {
  // Deny every permission a page may ask for except the two the app uses (copying a share link,
  // presentation mode's full screen).
  const allowed = new Set(['clipboard-sanitized-write', 'fullscreen']);
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(allowed.has(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => allowed.has(permission));
  serveAppProtocol();
  for (const { channel, method } of router.channels) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => router.handle(method, event, args));
  }
  const template = buildMenuTemplate({ appName: app.name, platform: process.platform, dev: !app.isPackaged || Boolean(devServerUrl), send });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template as unknown as MenuItemConstructorOptions[]));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}, (e: unknown) => {
  console.error(e);
  app.exit(1);
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('before-quit', () => {
  void measurements.dispose();
});
