/** The app frame: header, scene sidebar, stage + timeline, and the side panels. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useApp } from '../state/store';
import type { SceneUi } from '../scenes/types';
import { Sidebar } from './Sidebar';
import { TimelineBar } from './TimelineBar';
import { NotFound } from './NotFound';
import { Notices } from './Notices';
import { registry } from '../controller/commands';
import { findScene } from '../controller/sceneController';
import { TrustDialog } from './TrustDialog';
import { LessonPanel } from './LessonPanel';
import { AnnotationLayer } from './AnnotationLayer';
import { Narration } from './Narration';
import { focusStage, STAGE_ID } from '../controller/focus';

// Dialogs load when first opened (the exporter and its encoders with the export dialog).
const ShortcutHelp = lazy(() => import('./ShortcutHelp').then((m) => ({ default: m.ShortcutHelp })));
const FileDialog = lazy(() => import('./FileDialog').then((m) => ({ default: m.FileDialog })));
const ExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })));

type Tab = 'inspector' | 'explain' | 'real-run';
const TABS: { id: Tab; label: string }[] = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'explain', label: 'Explain' },
  { id: 'real-run', label: 'Real run' },
];

/** What a scene's stage shows while its code loads (its own chunk): the shape of a stage, not a blank. */
function StageSkeleton({ title }: { title: string }) {
  return (
    <div className="skeleton skeleton-stage" data-testid="stage.loading" role="status">
      <span className="visually-hidden">Loading {title}…</span>
      <div className="skeleton-bar" />
      <div className="skeleton-bar short" />
      <div className="skeleton-block" />
    </div>
  );
}

/** The same for a side panel. */
function PanelSkeleton() {
  return (
    <div className="skeleton" data-testid="panel.loading" role="status">
      <span className="visually-hidden">Loading…</span>
      <div className="skeleton-bar" />
      <div className="skeleton-bar short" />
      <div className="skeleton-bar" />
    </div>
  );
}

function SidePanels({ scene }: { scene: SceneUi }) {
  const [tab, setTab] = useState<Tab>('inspector');
  const job = useApp((s) => s.job);
  useEffect(() => {
    if (job) setTab('real-run');
  }, [job]);
  const Panel = tab === 'inspector' ? scene.Inspector : tab === 'explain' ? scene.Explain : scene.RealRun;
  return (
    <aside className="panels" aria-label="Scene panels">
      <div role="tablist" aria-label="Panels" className="tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            data-testid={`panels.tab.${t.id}`}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => {
              const i = TABS.findIndex((x) => x.id === tab);
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                setTab(TABS[(i + 1) % TABS.length]!.id);
              } else if (e.key === 'ArrowUp') {
                e.preventDefault();
                setTab(TABS[(i + TABS.length - 1) % TABS.length]!.id);
              }
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="panel" data-testid={`panels.${tab}`}>
        <Suspense fallback={<PanelSkeleton />}>
          <Panel />
        </Suspense>
      </section>
    </aside>
  );
}

export function Shell({ scenes }: { scenes: readonly SceneUi[] }) {
  const sceneId = useApp((s) => s.sceneId);
  const theme = useApp((s) => s.theme);
  const presenting = useApp((s) => s.presenting);
  const motion = useApp((s) => s.motion);
  const helpOpen = useApp((s) => s.helpOpen);
  const dialog = useApp((s) => s.dialog);
  const lessonOpen = useApp((s) => s.lessonOpen);
  const pen = useApp((s) => s.pen);
  const busy = useApp((s) => s.loading || s.job !== null);
  const mode = useApp((s) => s.hostInfo?.mode);
  const scene = findScene(sceneId);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.dataset.motion = motion ? 'on' : 'off';
    document.documentElement.classList.toggle('presenting', presenting);
    document.title = scene ? `${scene.title} — Nanoscope` : 'Nanoscope';
  }, [theme, motion, presenting, scene]);

  // After any navigation (a link, back/forward, a lesson step) the stage has the keyboard.
  useEffect(() => {
    if (scene) focusStage();
  }, [scene]);

  return (
    <div className="app" aria-busy={busy} data-testid="app">
      <a
        className="skip-link"
        href={`#${STAGE_ID}`}
        data-testid="nav.skip"
        onClick={(e) => {
          // The URL's hash is the route: focus the stage without touching it.
          e.preventDefault();
          focusStage(true);
        }}
      >
        Skip to the stage
      </a>
      <header className="app-header">
        <span className="brand">Nanoscope</span>
        {mode && (
          <span className="mode" data-testid="app.mode">
            {mode === 'desktop' ? 'desktop' : 'browser mode'}
          </span>
        )}
        <span className="spacer" />
        <button type="button" onClick={() => registry.run('file.scenarios')} data-testid="settings.file" title="Open, save and share scenarios (O, S, L)">
          Scenario…
        </button>
        <button type="button" onClick={() => registry.run('file.export')} disabled={!scene} data-testid="settings.export" title="Export the frame or an animation (E)">
          Export…
        </button>
        <button type="button" onClick={() => registry.run('lesson.toggle')} aria-pressed={lessonOpen} disabled={!scene} data-testid="settings.lesson" title="Lesson (G; Page Down / Page Up)">
          Lesson
        </button>
        <button type="button" onClick={() => registry.run('view.toggleMotion')} aria-pressed={!motion} data-testid="settings.motion" title="Animation on/off (M)">
          {motion ? 'Animation: on' : 'Animation: off'}
        </button>
        <button type="button" onClick={() => registry.run('view.toggleTheme')} data-testid="settings.theme" title="Light / dark (T)">
          {theme === 'dark' ? 'Dark' : 'Light'} theme
        </button>
        <button type="button" onClick={() => registry.run('view.presentation')} data-testid="settings.present" title="Presentation mode (F)">
          Present
        </button>
        <button type="button" onClick={() => registry.run('help.shortcuts')} data-testid="settings.help" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          ?
        </button>
      </header>
      <Sidebar scenes={scenes} />
      <main className="main" id="main">
        {scene ? (
          <>
            <Notices />
            <LessonPanel />
            <div className="stage" id={STAGE_ID} tabIndex={-1} aria-label={`${scene.title}: stage (Space plays, arrows step)`} data-testid="stage" aria-busy={busy}>
              <Suspense fallback={<StageSkeleton title={scene.title} />}>
                <scene.Stage />
              </Suspense>
              <AnnotationLayer />
            </div>
            <TimelineBar />
          </>
        ) : sceneId !== null ? (
          <NotFound sceneId={sceneId} scenes={scenes} />
        ) : null}
      </main>
      {scene && !presenting && <SidePanels scene={scene} />}
      {presenting && (
        <div className="presentation-tools" role="toolbar" aria-label="Annotations">
          <button type="button" onClick={() => registry.run('annotate.pen')} aria-pressed={pen} data-testid="presentation.pen" title="Pen (P)" aria-label="Pen">
            ✎
          </button>
          <button type="button" onClick={() => registry.run('annotate.clear')} data-testid="presentation.clear" title="Clear the drawing (C)" aria-label="Clear the drawing">
            ⌫
          </button>
        </div>
      )}
      {presenting && (
        <button type="button" className="leave-presentation" onClick={() => registry.run('view.exitPresentation')} data-testid="presentation.exit" aria-label="Leave presentation mode (Esc)" title="Leave presentation mode (Esc)">
          ×
        </button>
      )}
      <Suspense fallback={null}>
        {helpOpen && <ShortcutHelp />}
        {dialog === 'file' && <FileDialog />}
        {dialog === 'export' && scene && <ExportDialog />}
      </Suspense>
      <TrustDialog />
      <Narration />
    </div>
  );
}
