/**
 * The distributed stage: the job's DAG and phases; the cluster as racks of machines (cores lit by
 * what they run, the straggler and the failed machine marked); the shuffle drawn all-to-all with
 * the bytes on every link; a Gantt per machine with backups, re-runs and killed copies; the
 * scaling chart (time and cost vs machines, Amdahl, one big machine); combiner off vs on.
 */
import { useMemo } from 'react';
import { useApp } from '../../state/store';
import { useSize } from '../../components/useSize';
import type { DistributedView } from '../../../sim/distributed/scene';
import { splitStates, coreStates, formatBytesDecimal, formatDollars, formatSeconds, ganttLayout, groupLinks, scalingLayout, shuffleNodes } from './charts';
import { distributedViewOf } from './stepReadout';

const PHASES = ['setup', 'map', 'shuffle', 'reduce', 'commit'] as const;

function Header({ view }: { view: DistributedView }) {
  return (
    <div className="dist-header" data-testid="distributed.header">
      <div className="dist-title">
        <strong data-testid="distributed.job">{view.label}</strong>
        <span className="muted" data-testid="distributed.cluster">
          {view.clusterLabel}; input {formatBytesDecimal(view.inputBytes)}, {view.mapTasks} map tasks, {view.reducers} reducers
        </span>
      </div>
      <ol className="dist-phases" aria-label="Phases">
        {PHASES.map((p) => {
          const ph = view.phases.find((x) => x.name === p)!;
          return (
            <li key={p} className={view.phase === p ? 'current' : ph.endS <= view.tS ? 'past' : ''} data-testid={`distributed.phase.${p}`}>
              {p} <span className="muted">{formatSeconds(ph.endS - ph.startS)}</span>
            </li>
          );
        })}
      </ol>
      <div className="dist-facts">
        <span data-testid="distributed.clock">t = {formatSeconds(view.tS)}</span>
        <span data-testid="distributed.makespan">job {formatSeconds(view.makespanS)}</span>
        <span data-testid="distributed.cost">
          {formatDollars(view.costUsd)} ({view.machineHours.toPrecision(3)} machine-hours)
        </span>
        <span data-testid="distributed.progress">
          maps {view.mapsDone}/{view.mapTasks} · reducers {view.reducesDone}/{view.reducers}
        </span>
        {view.backupsStarted > 0 && <span data-testid="distributed.backups">{view.backupsStarted} backup tasks</span>}
        {view.rerunsStarted > 0 && <span data-testid="distributed.reruns">{view.rerunsStarted} re-run</span>}
      </div>
    </div>
  );
}

function Dag({ view }: { view: DistributedView }) {
  return (
    <ol className="dist-dag" aria-label="The job as stages" data-testid="distributed.dag">
      {view.stages.map((s, i) => (
        <li key={s.name} className={`dist-dag-node ${s.dependency}`} data-testid={`distributed.stage.${i}`} data-dependency={s.dependency}>
          {i > 0 && (
            <span className="dist-edge" title={s.dependency === 'wide' ? 'wide dependency: every partition feeds every partition (a shuffle)' : 'narrow dependency: each partition stays on its machine'}>
              {s.dependency === 'wide' ? '⇶ shuffle' : '→'}
            </span>
          )}
          <span className="dist-stage-box">
            <strong>{s.name}</strong>
            <small>{s.ops}</small>
          </span>
        </li>
      ))}
    </ol>
  );
}

function StagesPanel({ view }: { view: DistributedView }) {
  return (
    <section className="dist-panel dist-dag-panel" aria-label="The job as stages">
      <h3>The job as stages <span className="muted">(narrow → stays on its machine, wide ⇶ shuffles)</span></h3>
      <Dag view={view} />
    </section>
  );
}

function Cluster({ view }: { view: DistributedView }) {
  const states = useMemo(
    () => coreStates(view.attempts, view.rackOf.length, view.coresPerMachine, view.tS, view.failedMachine, view.failed),
    [view.attempts, view.rackOf.length, view.coresPerMachine, view.tS, view.failedMachine, view.failed],
  );
  const racks = view.rackOf[view.rackOf.length - 1]! + 1;
  const splits = useMemo(() => splitStates(view.attempts, view.mapTasks, view.tS, view.failAtS), [view.attempts, view.mapTasks, view.tS, view.failAtS]);
  const splitCounts = splits.reduce<Record<string, number>>((acc, st) => ({ ...acc, [st]: (acc[st] ?? 0) + 1 }), {});
  return (
    <section className="dist-panel dist-cluster" aria-label="The cluster" data-testid="distributed.cluster.panel">
      <div className="dist-splits" data-testid="distributed.splits" aria-label={`input splits: ${splitCounts.waiting ?? 0} waiting, ${splitCounts.mapping ?? 0} being mapped, ${splitCounts.mapped ?? 0} mapped`} role="img">
        <span className="dist-splits-label">
          {view.mapTasks} input splits ({formatBytesDecimal(view.inputBytes / Math.max(1, view.mapTasks))} each, 3 copies in the file system): {splitCounts.waiting ?? 0} waiting · {splitCounts.mapping ?? 0} in a mapper · {splitCounts.mapped ?? 0} mapped
          {splitCounts.lost ? ` · ${splitCounts.lost} lost` : ''}
        </span>
        <span className="dist-split-cells">
          {splits.map((st, i) => (
            <span key={i} className={`dist-split ${st}`} />
          ))}
        </span>
      </div>
      <h3>
        The cluster: {view.rackOf.length} machine{view.rackOf.length > 1 ? 's' : ''} in {racks} rack{racks > 1 ? 's' : ''} + a driver
      </h3>
      <div className="dist-racks">
        <div className="dist-driver" data-testid="distributed.driver" title="the driver plans the splits, starts the tasks and commits the output (serial)">
          driver
        </div>
        {Array.from({ length: racks }, (_, r) => (
          <div className="dist-rack" key={r} data-testid={`distributed.rack.${r}`}>
            <span className="dist-rack-label">rack {r}</span>
            {view.rackOf.map((rack, m) =>
              rack !== r ? null : (
                <div
                  key={m}
                  className={`dist-machine${m === view.stragglerMachine ? ' straggler' : ''}${view.failed && m === view.failedMachine ? ' failed' : ''}`}
                  data-testid={`distributed.machine.${m}`}
                  title={`machine ${m}${m === view.stragglerMachine ? ' (slow: the straggler)' : ''}${view.failed && m === view.failedMachine ? ' (failed)' : ''}`}
                >
                  {states[m]!.map((st, k) => (
                    <span key={k} className={`dist-core ${st}`} data-state={st} />
                  ))}
                  <span className="dist-disk" aria-hidden="true" />
                </div>
              ),
            )}
          </div>
        ))}
      </div>
      <div className="dist-legend">
        {(['map', 'reduce', 'backup', 'rerun', 'idle', 'dead'] as const).map((s) => (
          <span key={s}>
            <span className={`dist-core ${s}`} /> {s === 'rerun' ? 're-run' : s === 'dead' ? 'failed' : s}
          </span>
        ))}
        <span>
          <span className="dist-machine-key straggler" /> straggler
        </span>
        <span data-testid="distributed.locality">
          map reads: {view.locality.node} node-local, {view.locality.rack} rack-local, {view.locality.remote} remote
        </span>
      </div>
    </section>
  );
}

function Shuffle({ view }: { view: DistributedView }) {
  const [ref, size] = useSize<HTMLDivElement>();
  const { groupOf, labels } = shuffleNodes(view.rackOf, 24);
  const links = useMemo(() => groupLinks(view.linkBytes, groupOf, labels.length), [view.linkBytes, groupOf, labels.length]);
  const n = labels.length;
  const font = size.font;
  const width = Math.max(200, size.width);
  const rowH = Math.max(font * 0.8, Math.min(font * 1.6, (font * 12) / n));
  const height = n * rowH + font * 2.2;
  const max = Math.max(1, ...links.flat());
  const moved = view.shuffleBytes > 0 ? view.shuffledBytes / view.shuffleBytes : 0;
  const lx = font * 4.2;
  const rx = width - font * 4.2;
  const yOf = (i: number) => font * 1.6 + i * rowH + rowH / 2;
  return (
    <section className="dist-panel dist-shuffle" aria-label="The shuffle" data-testid="distributed.shuffle">
      <h3>
        The shuffle: every mapper to every reducer{' '}
        <span className="muted" data-testid="distributed.shuffle.bytes">
          {formatBytesDecimal(view.shuffledBytes)} of {formatBytesDecimal(view.shuffleBytes)} moved
          {view.crossRackBytes > 0 ? `, ${formatBytesDecimal(view.crossRackBytes)} across racks` : ''}
          {view.shuffleBound !== 'none' ? `; bound by ${view.shuffleBound === 'nic' ? 'a NIC' : view.shuffleBound === 'uplink' ? 'a rack uplink' : 'round trips'}` : ''}
        </span>
      </h3>
      <div ref={ref} className="dist-shuffle-box">
        {view.reducers === 0 ? (
          <p className="muted" data-testid="distributed.shuffle.none">
            A map-only job: no shuffle, every dependency is narrow — each machine streams its own data.
          </p>
        ) : (
          <svg width={width} height={height} role="img" aria-label={`shuffle, ${n} × ${n} links`} data-testid="distributed.shuffle.svg">
            <text x={lx} y={font} textAnchor="end" className="dist-axis">
              map side
            </text>
            <text x={rx} y={font} className="dist-axis">
              reduce side
            </text>
            {links.map((row, a) =>
              row.map((v, b) =>
                v <= 0 ? null : (
                  <line
                    key={`${a}-${b}`}
                    className={`dist-link${a === b ? ' local' : ''}`}
                    x1={lx + font * 0.4}
                    y1={yOf(a)}
                    x2={rx - font * 0.4}
                    y2={yOf(b)}
                    strokeWidth={Math.max(0.4, (v / max) * Math.max(1.5, (rowH * 2) / n))}
                    strokeOpacity={(0.12 + 0.7 * moved) / Math.sqrt(Math.max(1, n / 4))}
                    data-bytes={Math.round(v)}
                    data-testid={`distributed.link.${a}.${b}`}
                  >
                    <title>{`${labels[a]} → ${labels[b]}: ${formatBytesDecimal(v)}${a === b ? ' (stays local)' : ''}`}</title>
                  </line>
                ),
              ),
            )}
            {labels.map((l, i) => (
              <g key={l}>
                <text x={lx} y={yOf(i)} textAnchor="end" dominantBaseline="central" className="dist-node">
                  {l}
                </text>
                <text x={rx} y={yOf(i)} dominantBaseline="central" className="dist-node">
                  {l}
                </text>
              </g>
            ))}
          </svg>
        )}
      </div>
    </section>
  );
}

function Gantt({ view }: { view: DistributedView }) {
  const [ref, size] = useSize<HTMLDivElement>();
  const font = size.font;
  const labelW = font * 4;
  const width = Math.max(100, size.width - labelW - font);
  const machines = view.rackOf.length;
  const rowH = Math.max(view.coresPerMachine * 1.5, Math.min(font * 1.4, (font * 12) / machines));
  const layout = useMemo(() => ganttLayout(view.attempts, machines, view.coresPerMachine, view.makespanS, width, rowH), [view.attempts, machines, view.coresPerMachine, view.makespanS, width, rowH]);
  const height = layout.height + font * 2.4;
  const labelEvery = Math.ceil((font * 0.9) / rowH);
  // a plain label gives way to the straggler's and the failed machine's, which are always drawn
  const near = (m: number) => [view.stragglerMachine, view.failedMachine].some((k) => k !== null && k !== m && Math.abs(k - m) < labelEvery);
  return (
    <section className="dist-panel dist-gantt" aria-label="Tasks per machine over time" data-testid="distributed.gantt">
      <h3>Tasks per machine (a row per core)</h3>
      <div ref={ref} className="dist-gantt-box">
        <svg width={width + labelW + font} height={height} role="img" aria-label="Gantt chart of map and reduce tasks per machine">
          <g transform={`translate(${labelW},${font * 0.3})`}>
            {view.phases
              .filter((p) => p.endS > p.startS)
              .map((p) => (
                <g key={p.name} className={`dist-band ${p.name}`}>
                  <rect x={layout.x(p.startS)} y={0} width={layout.x(p.endS) - layout.x(p.startS)} height={layout.height} />
                </g>
              ))}
            {view.stragglerMachine !== null && <rect className="dist-row-bg straggler" x={0} y={view.stragglerMachine * rowH} width={width} height={rowH} />}
            {view.failedMachine !== null && view.failAtS !== null && (
              <rect className="dist-row-bg failed" x={layout.x(view.failAtS)} y={view.failedMachine * rowH} width={width - layout.x(view.failAtS)} height={rowH} />
            )}
            {Array.from({ length: machines }, (_, m) =>
              (m % labelEvery === 0 && !near(m)) || m === view.stragglerMachine || m === view.failedMachine ? (
                <text key={m} x={-font * 0.3} y={m * rowH + rowH / 2} textAnchor="end" dominantBaseline="central" className={`dist-row-label${m === view.stragglerMachine ? ' straggler' : ''}${m === view.failedMachine ? ' failed' : ''}`}>
                  {m === view.stragglerMachine ? `m${m} slow` : m === view.failedMachine ? `m${m} ✕` : `m${m}`}
                </text>
              ) : null,
            )}
            {layout.bars.map((b) => (
              <rect
                key={b.index}
                className={`dist-bar ${b.attempt.phase} ${b.attempt.kind} ${b.attempt.outcome}`}
                x={b.x}
                y={b.y}
                width={b.width}
                height={b.height}
                data-testid={b.attempt.kind === 'backup' ? 'distributed.gantt.backup' : b.attempt.kind === 'rerun' ? 'distributed.gantt.rerun' : undefined}
              >
                <title>{`${b.attempt.phase} task ${b.attempt.task}${b.attempt.kind !== 'original' ? ` (${b.attempt.kind})` : ''} on machine ${b.attempt.machine} core ${b.attempt.core}: ${formatSeconds(b.attempt.startS)}–${formatSeconds(b.attempt.endS)}${b.attempt.locality ? `, ${b.attempt.locality}-local read` : ''}${b.attempt.outcome !== 'won' ? `, ${b.attempt.outcome === 'killed' ? 'killed' : 'output lost with its machine'}` : ''}`}</title>
              </rect>
            ))}
            {view.failAtS !== null && <line className="dist-fail-line" x1={layout.x(view.failAtS)} x2={layout.x(view.failAtS)} y1={0} y2={layout.height} />}
            <line className="dist-playhead" x1={layout.x(view.tS)} x2={layout.x(view.tS)} y1={0} y2={layout.height} data-testid="distributed.gantt.playhead" />
            <text x={0} y={layout.height + font * 1.2} className="dist-axis">
              0
            </text>
            <text x={width} y={layout.height + font * 1.2} textAnchor="end" className="dist-axis">
              {formatSeconds(view.makespanS)}
            </text>
          </g>
        </svg>
      </div>
      <div className="dist-legend">
        <span><span className="dist-key map" /> map</span>
        <span><span className="dist-key reduce" /> reduce</span>
        <span><span className="dist-key backup" /> backup copy</span>
        <span><span className="dist-key rerun" /> re-run</span>
        <span><span className="dist-key killed" /> killed / lost</span>
      </div>
    </section>
  );
}

function ScalingChart({ view }: { view: DistributedView }) {
  const [ref, size] = useSize<HTMLDivElement>();
  const font = size.font;
  const margin = { left: font * 3.6, right: font * 3.6, top: font * 0.8, bottom: font * 2.2 };
  const width = Math.max(160, size.width - margin.left - margin.right);
  const height = Math.max(font * 7, Math.min(font * 11, width * 0.45));
  const s = view.scaling;
  const L = scalingLayout(s, width, height);
  const here = s.points.find((p) => p.machines === view.params.machines);
  // the big machine's line label, without its specs where the chart is too narrow for them (about 0.45 em a character)
  const bigFull = `${s.big.label}: ${formatSeconds(s.big.seconds)}, ${formatDollars(s.big.costUsd)}`;
  const bigLabel = bigFull.length * font * 0.75 * 0.6 < width - font ? bigFull : `${s.big.label.replace(/ \(.*\)$/, '')}: ${formatSeconds(s.big.seconds)}, ${formatDollars(s.big.costUsd)}`;
  // tick labels that would touch give way, the larger size kept (62 beside 64 machines: "64")
  const labelled = new Set<number>();
  [...L.xTicks].sort((a, b) => b - a).reduce<number>((lastX, t) => {
    if (lastX - L.x(t) < font * 1.8) return lastX;
    labelled.add(t);
    return L.x(t);
  }, Infinity);
  return (
    <section className="dist-panel dist-scaling" aria-label="Scaling out vs up" data-testid="distributed.scaling">
      <h3>Scaling out vs up: time and cost vs machines</h3>
      <div ref={ref}>
        <svg width={width + margin.left + margin.right} height={height + margin.top + margin.bottom} role="img" aria-label="time and cost against machines">
          <g transform={`translate(${margin.left},${margin.top})`}>
            {L.xTicks.map((t) => (
              <g key={t} className="tick">
                <line x1={L.x(t)} x2={L.x(t)} y1={0} y2={height} />
                {labelled.has(t) && (
                  <text x={L.x(t)} y={height + font * 1.1} textAnchor="middle">
                    {t}
                  </text>
                )}
              </g>
            ))}
            {L.yTicks.map((t) => (
              <text key={t} className="tick" x={-font * 0.3} y={L.y(t)} textAnchor="end" dominantBaseline="central">
                {formatSeconds(t)}
              </text>
            ))}
            <line className="dist-big" x1={0} x2={width} y1={L.bigY} y2={L.bigY} data-testid="distributed.scaling.big" />
            <text className="dist-big-label" x={width - font * 0.2} y={L.bigY - font * 0.35} textAnchor="end">
              {bigLabel}
            </text>
            <path className="dist-amdahl" d={L.amdahl} data-testid="distributed.scaling.amdahl" />
            <path className="dist-time" d={L.time} data-testid="distributed.scaling.time" />
            <path className="dist-costline" d={L.cost} data-testid="distributed.scaling.cost" />
            {s.points.map((p) => (
              <g key={p.machines}>
                <circle className="dist-time-dot" cx={L.x(p.machines)} cy={L.y(p.seconds)} r={font * 0.2}>
                  <title>{`${p.machines} machines: ${formatSeconds(p.seconds)} (Amdahl ${formatSeconds(p.amdahlS)}), ${formatDollars(p.costUsd)}, shuffle ${formatSeconds(p.shuffleS)}`}</title>
                </circle>
                <circle className="dist-cost-dot" cx={L.x(p.machines)} cy={L.yCost(p.costUsd)} r={font * 0.16} />
              </g>
            ))}
            {here && <circle className="dist-here" cx={L.x(here.machines)} cy={L.y(here.seconds)} r={font * 0.4} data-testid="distributed.scaling.here" />}
            <text className="dist-axis" x={width / 2} y={height + font * 2.1} textAnchor="middle">
              machines (log)
            </text>
            <text className="dist-axis cost" x={width + font * 0.3} y={L.bigCostY} dominantBaseline="central">
              {formatDollars(s.big.costUsd)}
            </text>
          </g>
        </svg>
      </div>
      <p className="dist-legend">
        <span><span className="dist-key time" /> job time</span>
        <span><span className="dist-key amdahl" /> Amdahl's law (serial {Math.round(s.serialFraction * 1000) / 10} %)</span>
        <span><span className="dist-key cost" /> cost (right scale)</span>
        <span><span className="dist-key big" /> one big machine</span>
      </p>
      <p data-testid="distributed.scaling.verdict">
        {s.breakEven === null
          ? `No cluster size here beats ${s.big.label} (${formatSeconds(s.big.seconds)}).`
          : `${s.breakEven} small machines are the fewest that beat ${s.big.label} (${formatSeconds(s.big.seconds)}, ${formatDollars(s.big.costUsd)}).`}{' '}
        Cheapest: {(() => {
          const best = [...s.points].sort((a, b) => a.costUsd - b.costUsd)[0]!;
          return best.costUsd < s.big.costUsd ? `${best.machines} machine${best.machines > 1 ? 's' : ''} (${formatDollars(best.costUsd)}, ${formatSeconds(best.seconds)})` : `the big machine`;
        })()}.
      </p>
    </section>
  );
}

function CombinerSides({ view }: { view: DistributedView }) {
  const max = Math.max(1, ...view.combinerSides.map((s) => s.shuffleBytes));
  return (
    <section className="dist-panel dist-combiner" aria-label="Combiner off vs on" data-testid="distributed.combiner">
      <h3>Combiner off vs on</h3>
      {view.combinerSides[0]!.shuffleBytes === view.combinerSides[1]!.shuffleBytes && (
        <p className="muted" data-testid="distributed.combiner.same">
          {view.shuffleBytes === 0 ? 'No shuffle, so nothing for a combiner to shrink.' : 'The same either way: this job has nothing to sum early (a join brings rows together; it cannot fold them).'}
        </p>
      )}
      <div className="dist-sides">
        {view.combinerSides.map((s) => (
          <div key={String(s.combiner)} className={`dist-side${s.combiner === view.params.combiner ? ' chosen' : ''}`} data-testid={`distributed.combiner.${s.combiner ? 'on' : 'off'}`}>
            <strong>combiner {s.combiner ? 'on' : 'off'}</strong>
            <div className="dist-side-bar" role="meter" aria-label={`shuffle bytes with the combiner ${s.combiner ? 'on' : 'off'}`} aria-valuemin={0} aria-valuemax={max} aria-valuenow={s.shuffleBytes}>
              <div style={{ width: `${Math.max(0.5, (s.shuffleBytes / max) * 100)}%` }} />
            </div>
            <span data-testid={`distributed.combiner.${s.combiner ? 'on' : 'off'}.bytes`}>shuffle {formatBytesDecimal(s.shuffleBytes)} in {formatSeconds(s.shuffleS)}</span>
            <span>
              job {formatSeconds(s.makespanS)}, {formatDollars(s.costUsd)}
            </span>
          </div>
        ))}
      </div>
    </section>
  );
}

export function DistributedStage() {
  const view = useApp((s) => distributedViewOf(s.frame));
  if (!view || !('scaling' in view)) return <div className="dist-stage" data-testid="distributed.stage" />;
  return (
    // The stage scrolls on small screens: focusable so the keyboard can scroll it too.
    <div className="dist-stage" data-testid="distributed.stage" data-phase={view.phase} tabIndex={0} role="region" aria-label="The cluster, the shuffle, the tasks and the scaling">
      <Header view={view} />
      {/* The main pictures in a grid that reflows (two columns where there is room, one where not);
          the job's stages and the combiner comparison below them. */}
      <div className="dist-grid">
        <Cluster view={view} />
        <Shuffle view={view} />
        <Gantt view={view} />
        <ScalingChart view={view} />
      </div>
      <div className="dist-row dist-secondary">
        <StagesPanel view={view} />
        <CombinerSides view={view} />
      </div>
    </div>
  );
}
