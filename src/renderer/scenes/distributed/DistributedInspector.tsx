/** The scene's controls, generated from its one parameter table (src/sim/distributed/scene.ts). */
import { SourcesList } from '../../components/SourcesList';
import { NumberField } from '../../components/NumberField';
import { useApp } from '../../state/store';
import { setParam, setParams } from '../../controller/sceneController';
import { DISTRIBUTED_PARAMS, type ParamSpec } from '../../../sim/distributed/scene';
import { distributedViewOf } from './stepReadout';

const JOB_LABELS: Record<string, string> = {
  wordcount: 'Word count (30 GB of text)',
  etl: 'ETL of 150 TB (streaming, map only)',
  join: 'Join (1.2 TB, both sides shuffled)',
  beam: 'Beam example (62 machines, < 30 min, $2.50)',
};

/** Picking a job also sets the cluster it comes with (the Beam example: 62 machines at $0.08/hour). */
function pickJob(job: string): void {
  if (job === 'beam') setParams({ job, machines: '62', cores: '4', price: '0.08', combiner: 'off', inputGB: null });
  else setParams({ job, machines: '20', price: '0.154', inputGB: null });
}

function Field({ spec, value }: { spec: ParamSpec; value: string | undefined }) {
  const id = `distributed.param.${spec.name}`;
  if (spec.type === 'enum') {
    return (
      <label className="field">
        <span>{spec.label}</span>
        <select value={value ?? spec.default} onChange={(e) => (spec.name === 'job' ? pickJob(e.target.value) : setParam(spec.name, e.target.value))} data-testid={id} title={spec.help}>
          {spec.values.map((v) => (
            <option key={v} value={v}>
              {spec.name === 'job' ? (JOB_LABELS[v] ?? v) : v}
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (spec.type === 'bool') {
    const on = value === undefined ? spec.default : value === 'on';
    return (
      <label className="field inline" title={spec.help}>
        <input type="checkbox" checked={on} onChange={(e) => setParam(spec.name, e.target.checked ? 'on' : 'off')} data-testid={id} />
        <span>{spec.label}</span>
      </label>
    );
  }
  return (
    <NumberField
      field={spec.name}
      label={spec.label}
      value={value ?? (spec.optional ? '' : String(spec.default))}
      optional={spec.optional}
      rule={{ min: spec.min, max: spec.max, integer: spec.type === 'int' }}
      onValid={(v) => setParam(spec.name, v)}
      testId={id}
    />
  );
}

export function DistributedInspector() {
  const params = useApp((s) => s.params);
  const view = useApp((s) => distributedViewOf(s.frame));
  return (
    <div className="inspector dist-inspector" data-testid="distributed.inspector">
      {(DISTRIBUTED_PARAMS as readonly ParamSpec[]).map((spec) => (
        <div key={spec.name}>
          <Field spec={spec} value={params[spec.name]} />
        </div>
      ))}
      {view && 'sources' in view && <SourcesList sources={view.sources} className="dist-sources" testId="distributed.sources" />}
    </div>
  );
}
