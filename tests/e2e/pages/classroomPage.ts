/** Scenario files, share links, export, lessons and annotations: the classroom parts of the shell. */
import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { AppPage } from './appPage';

export class ClassroomPage extends AppPage {
  readonly fileDialog: Locator;
  readonly exportDialog: Locator;
  readonly lesson: Locator;
  readonly narration: Locator;

  constructor(page: Page) {
    super(page);
    this.fileDialog = page.getByRole('dialog', { name: 'Scenario' });
    this.exportDialog = page.getByRole('dialog', { name: 'Export' });
    this.lesson = page.getByTestId('lesson.panel');
    this.narration = page.getByTestId('narration');
  }

  /** Opens any route and waits for its first frame. */
  async openRoute(hash: string): Promise<void> {
    await this.open(hash);
    await expect(this.readout).toContainText('event');
    await this.waitIdle();
  }

  async openFileDialog(): Promise<void> {
    await this.page.getByTestId('settings.file').click();
    await expect(this.fileDialog).toBeVisible();
  }

  async openExportDialog(): Promise<void> {
    await this.page.getByTestId('settings.export').click();
    await expect(this.exportDialog).toBeVisible();
  }

  /** Clicks a control that downloads a file and returns the download and its bytes. */
  async download(control: Locator): Promise<{ download: Download; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 60_000 }), control.click()]);
    const path = await download.path();
    return { download, bytes: await readFile(path) };
  }

  /** The scene part of the URL, with the app keys sorted: a comparable state. */
  stateOfUrl(): string {
    const hash = new URL(this.page.url()).hash;
    const [path, search = ''] = hash.split('?');
    const params = [...new URLSearchParams(search)].sort(([a], [b]) => a.localeCompare(b));
    return `${path}?${new URLSearchParams(params).toString()}`;
  }
}
