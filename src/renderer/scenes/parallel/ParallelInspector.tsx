/**
 * The parallel scene's settings (job, style, workers, cores, GIL interval), then Amdahl and
 * Gustafson: a serial fraction slider, both curves for 1..64 cores with the simulated run's
 * point on them, and scaling up versus out in dollars.
 */
import { useApp } from '../../state/store';
import { setParam } from '../../controller/sceneController';
import { amdahl } from '../../../sim/parallel/scaling';
import { PRESET_IDS, PRESETS, type PresetId } from '../../../sim/parallel/jobs';
import { PARALLEL_PARAMS } from '../../../sim/parallel/scene';
import { ParamRange } from '../../components/ParamControls';
import { SpeedupCurves, type ChartPoint } from './SpeedupCurves';
import { formatDuration, simulatedSpeedup } from './headline';
import { parallelViewOf } from './stepReadout';

export const STYLE_LABELS: Readonly<Record<string, string>> = {
  single: 'One thread',
  threads: 'Threads, truly parallel',
  gil: 'Threads under a GIL',
  processes: 'Processes (spawn, copy data)',
  async: 'Async on one thread',
};
const STYLE_IDS = ['single', 'threads', 'gil', 'processes', 'async'] as const;

/** The seed's prices. */
export const EC2_PER_HOUR = 0.154;
export const ENGINEER_PER_HOUR = 50;

/** A slider bound to the scene's schema: the same range as the URL and the CLI. */
function Range({ id, label, value }: { id: 'workers' | 'cores' | 'switch' | 'serial'; label: string; value: string | undefined }) {
  return <ParamRange name={id} spec={PARALLEL_PARAMS[id]} value={value} label={label} testId={`parallel.param.${id}`} valueTestId={`parallel.param.${id}.value`} />;
}

/** A 100-hour job on one instance, spread over n instances: hours and dollars, Amdahl-limited. */
function CostTable({ serial }: { serial: number }) {
  const jobHours = 100;
  const rows = [1, 4, 16, 64].map((n) => {
    const hours = jobHours / amdahl(serial, n);
    return { n, hours, dollars: n * hours * EC2_PER_HOUR };
  });
  return (
    <section className="parallel-cost" data-testid="parallel.cost">
      <h3>Scaling out, priced</h3>
      <p>
        A job that takes {jobHours} hours on one ${EC2_PER_HOUR}/hour instance, spread over more instances with serial fraction {serial.toFixed(2)}:
      </p>
      <table>
        <thead>
          <tr>
            <th>instances</th>
            <th>hours</th>
            <th>cost</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.n} data-testid={`parallel.cost.${r.n}`}>
              <td>{r.n}</td>
              <td>{r.hours.toFixed(1)}</td>
              <td>${r.dollars.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        One engineer hour (${ENGINEER_PER_HOUR}) rents {Math.round(ENGINEER_PER_HOUR / EC2_PER_HOUR)} instance-hours. Scaling up (a bigger machine) or out (more
        machines) is cheap until the serial part dominates; past that, only changing the program helps, and that costs engineer time.
      </p>
    </section>
  );
}

export function ParallelInspector() {
  const params = useApp((s) => s.params);
  const view = useApp((s) => parallelViewOf(s.frame));
  const preset = (params.preset ?? 'cpu-bound') as PresetId;
  const style = params.style ?? 'gil';
  const serial = Number(params.serial ?? '0.1');
  const workers = Number(params.workers ?? '4');
  const cores = Number(params.cores ?? '4');
  const sim = view ? simulatedSpeedup(view) : null;
  const points: ChartPoint[] =
    sim !== null && view?.done
      ? [{ n: Math.max(1, Math.min(workers, cores)), speedup: sim, label: `simulated: ${STYLE_LABELS[style] ?? style}, ×${sim.toFixed(2)}`, testId: 'parallel.amdahl.sim', className: 'sim' }]
      : [];
  return (
    <div className="inspector parallel-inspector" data-testid="parallel.inspector">
      <label className="field">
        <span>Job</span>
        <select value={preset} onChange={(e) => setParam('preset', e.target.value)} data-testid="parallel.param.preset">
          {PRESET_IDS.map((id) => (
            <option key={id} value={id}>
              {PRESETS[id].label}
            </option>
          ))}
        </select>
      </label>
      <p className="muted" data-testid="parallel.preset.description">
        {PRESETS[preset]?.description ?? ''}
      </p>
      <label className="field">
        <span>Execution style</span>
        <select value={style} onChange={(e) => setParam('style', e.target.value)} data-testid="parallel.param.style">
          {STYLE_IDS.map((id) => (
            <option key={id} value={id}>
              {STYLE_LABELS[id]}
            </option>
          ))}
        </select>
      </label>
      <Range id="workers" label="Workers (threads or processes)" value={params.workers} />
      <Range id="cores" label="Cores" value={params.cores} />
      {style === 'gil' && <Range id="switch" label="GIL switch interval" value={params.switch} />}
      {view && (
        <dl className="stats" data-testid="parallel.inspector.stats">
          <dt>Wall time</dt>
          <dd>{formatDuration(view.wallNs)}</dd>
          <dt>CPU time</dt>
          <dd>{formatDuration(view.cpuNs)}</dd>
          <dt>Context switches</dt>
          <dd>{view.contextSwitches}</dd>
          {view.memoryBytes > 0 && (
            <>
              <dt>Memory</dt>
              <dd>{(view.memoryBytes / 2 ** 20).toFixed(0)} MiB</dd>
            </>
          )}
        </dl>
      )}
      <section className="parallel-amdahl" data-testid="parallel.amdahl">
        <h3>Amdahl and Gustafson</h3>
        <Range id="serial" label="Serial fraction" value={params.serial} />
        <SpeedupCurves serial={serial} points={points} testId="parallel.amdahl.chart" />
        <p className="muted">
          Solid: Amdahl, the same job on more cores: ×{amdahl(serial, 64).toFixed(1)} at 64. Dashed: Gustafson, a job that grows with the machine. Dotted: perfect
          scaling.{points.length ? ' The dot: this simulated run, at min(workers, cores).' : ' Run the simulation to the end to place it on the chart.'}
        </p>
      </section>
      <CostTable serial={serial} />
    </div>
  );
}
