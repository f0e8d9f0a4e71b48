/**
 * The stack, how many instances, the function trace, the prices and the boot time (all in the
 * URL), the model's sources, and the seed's calculator: developer hours vs machine hours.
 */
import { useState } from 'react';
import { SourcesList } from '../../components/SourcesList';
import { useApp } from '../../state/store';
import { setParam } from '../../controller/sceneController';
import { STACK_IDS, STACKS, type StackId } from '../../../sim/stacks/stacks';
import { costOfDeveloperTime, costOfMachineTime, DEFAULT_PRICES, TRACE_KINDS } from '../../../sim/stacks/functions';
import { STACKS_PARAMS } from '../../../sim/stacks/scene';
import { ParamNumber } from '../../components/ParamControls';
import { numberError } from '../../components/NumberField';
import { setStack } from './setStack';
import { dollars } from './FunctionPanel';
import { stacksViewOf } from './stepReadout';

const TRACE_LABELS: Record<string, string> = {
  steady: 'Steady: one request a second',
  bursty: 'Bursty: 30 requests every 5 minutes',
  idle: 'Idle: 5 requests every 20 minutes',
};

const round = (x: number): string => Math.round(x).toLocaleString('en-US');

function Calculator({ vmHourly, engineerHourly }: { vmHourly: number; engineerHourly: number }) {
  const [devText, setDevText] = useState('1');
  const [machineText, setMachineText] = useState('40');
  const devError = numberError('developer hours', devText, { min: 0, max: 100_000, integer: false });
  const machineError = numberError('machine hours', machineText, { min: 0, max: 1_000_000, integer: false });
  const prices = { vmHourly, engineerHourly };
  const dev = devError ? null : costOfDeveloperTime(Number(devText), prices);
  const machine = machineError ? null : costOfMachineTime(Number(machineText), prices);
  return (
    <section className="stacks-calculator" data-testid="stacks.calculator" aria-label="Developer hours vs machine hours">
      <h3>Developer hours vs machine hours</h3>
      <label className="field inline">
        <input type="text" inputMode="decimal" value={devText} onChange={(e) => setDevText(e.target.value)} aria-invalid={devError !== null} data-testid="stacks.calc.dev-hours" />
        <span>hours of developer time</span>
      </label>
      {devError ? (
        <p className="field-error" role="alert" data-testid="stacks.calc.dev-hours.error">
          {devError}
        </p>
      ) : (
        <p data-testid="stacks.calc.dev-result">
          cost {dollars(dev!.dollars)}: that rents <strong>{round(dev!.machineHours)}</strong> machines for one hour.
        </p>
      )}
      <label className="field inline">
        <input type="text" inputMode="decimal" value={machineText} onChange={(e) => setMachineText(e.target.value)} aria-invalid={machineError !== null} data-testid="stacks.calc.machine-hours" />
        <span>hours of one rented machine</span>
      </label>
      {machineError ? (
        <p className="field-error" role="alert" data-testid="stacks.calc.machine-hours.error">
          {machineError}
        </p>
      ) : (
        <p data-testid="stacks.calc.machine-result">
          cost <strong>{dollars(machine!)}</strong>, as much as {Math.round((machine! / engineerHourly) * 60)} minutes of an engineer.
        </p>
      )}
    </section>
  );
}

export function StacksInspector() {
  const params = useApp((s) => s.params);
  const view = useApp((s) => stacksViewOf(s.frame));
  const stack = ((STACK_IDS as readonly string[]).includes(params.stack ?? '') ? params.stack : 'container') as StackId;
  const spec = STACKS[stack];
  const vmHourly = Number(params.vmHourly ?? DEFAULT_PRICES.vmHourly);
  const engineerHourly = Number(params.engineerHourly ?? DEFAULT_PRICES.engineerHourly);
  return (
    <div className="inspector stacks-inspector" data-testid="stacks.inspector">
      <label className="field">
        <span>Stack</span>
        <select value={stack} onChange={(e) => setStack(e.target.value)} data-testid="stacks.param.stack">
          {STACK_IDS.map((id) => (
            <option key={id} value={id}>
              {STACKS[id].label}
            </option>
          ))}
        </select>
      </label>
      <p className="source" data-testid="stacks.description">
        {spec.description}
      </p>
      {stack === 'function' ? (
        <label className="field">
          <span>Request trace (one hour)</span>
          <select value={params.trace ?? 'bursty'} onChange={(e) => setParam('trace', e.target.value)} data-testid="stacks.param.trace">
            {TRACE_KINDS.map((t) => (
              <option key={t} value={t}>
                {TRACE_LABELS[t] ?? t}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <ParamNumber
          name="instances"
          spec={STACKS_PARAMS.instances}
          label={`Instances to launch (${STACKS_PARAMS.instances.min}–${STACKS_PARAMS.instances.max})`}
          value={params.instances}
          testId="stacks.param.instances"
        />
      )}
      <ParamNumber
        name="boot"
        spec={STACKS_PARAMS.boot}
        label={`${stack === 'function' ? 'Cold start' : 'Boot'} time, ms (empty: documented ${spec.bootMs} ms)`}
        value={params.boot}
        placeholder={String(spec.bootMs)}
        testId="stacks.param.boot"
      />
      <ParamNumber
        name="vmHourly"
        spec={STACKS_PARAMS.vmHourly}
        label="VM price, $ per hour (seed: EC2 $0.154)"
        value={params.vmHourly}
        testId="stacks.param.vmHourly"
      />
      <ParamNumber
        name="engineerHourly"
        spec={STACKS_PARAMS.engineerHourly}
        label="Engineer, $ per hour (seed: $50)"
        value={params.engineerHourly}
        testId="stacks.param.engineerHourly"
      />
      <Calculator vmHourly={vmHourly} engineerHourly={engineerHourly} />
      {view && <SourcesList sources={view.sources} className="stacks-sources" testId="stacks.sources" />}
    </div>
  );
}
