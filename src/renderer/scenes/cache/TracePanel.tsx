/** "Load a trace…": a file input (or a drop on the stage), progress, Cancel, and the exact final counters. */
import { useApp } from '../../state/store';
import { FileInput } from '../../components/FileInput';

import { cancelTrace, clearTrace, runTrace, useTrace } from './traceRun';
import { resolveCacheMachine } from './machine';
import { formatNs } from '../../../sim/core/format';
import { formatBytes } from '../../../sim/core/format';

const FIELDS = ['accesses', 'hits', 'misses', 'reads', 'read_hits', 'read_misses', 'writes', 'write_hits', 'write_misses', 'writebacks'] as const;

export function TracePanel() {
  const params = useApp((s) => s.params);
  const trace = useTrace((s) => s);
  const { machine } = resolveCacheMachine(params);
  const running = trace.status === 'running';
  const p = trace.progress;
  const o = trace.outcome;

  return (
    <section className="cache-trace" data-testid="cache.trace">
      <h3>Run a trace</h3>
      <p className="muted">
        A valgrind lackey trace (<code>valgrind --tool=lackey --trace-mem=yes</code>) or a Dinero din trace, gzipped or not: every access goes through{' '}
        {machine.name}’s caches in a worker. Or drop the file on the stage.
      </p>
      <div className="row">
        <FileInput className="file-button" accept=".lackey,.din,.txt,.trace,.gz,text/plain,application/gzip" testId="cache.trace.file" onFile={(file) => runTrace(file, machine)}>
          <span>Load a trace…</span>
        </FileInput>
        {running && (
          <button type="button" onClick={cancelTrace} data-testid="cache.trace.cancel">
            Cancel
          </button>
        )}
        {!running && trace.status !== 'idle' && (
          <button type="button" className="link" onClick={clearTrace} data-testid="cache.trace.clear">
            Clear
          </button>
        )}
      </div>
      {running && (
        <div className="progress" data-testid="cache.trace.progress">
          <progress max={1} value={p && p.totalBytes > 0 ? p.bytesRead / p.totalBytes : 0} aria-label="Trace progress" />
          <span>
            {trace.fileName}: {p ? `${formatBytes(Math.max(1024, p.bytesRead))} of ${formatBytes(Math.max(1024, p.totalBytes))}, ${p.records} accesses` : 'starting…'}
          </span>
        </div>
      )}
      {trace.error && (
        <p className="field-error" role="alert" data-testid="cache.trace.error">
          {trace.error}
        </p>
      )}
      {o && (
        <>
          <p data-testid="cache.trace.summary">
            {trace.fileName} ({o.format}
            {o.gzipped ? ', gzipped' : ''}): {o.lines} lines, {o.records} records on {trace.machineName}.
          </p>
          <div className="table-scroll">
            <table className="levels cache-counters" data-testid="cache.trace.counters">
              <thead>
                <tr>
                  <th>counter</th>
                  {o.counters.levels.map((l) => (
                    <th key={l.name}>{l.name}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {FIELDS.map((field) => (
                  <tr key={field}>
                    <td>{field}</td>
                    {o.counters.levels.map((l) => (
                      <td key={l.name} data-testid={`cache.trace.${l.name}.${field}`}>
                        {l[field]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <dl className="stats">
            <dt>memory reads</dt>
            <dd data-testid="cache.trace.memory.reads">{o.counters.memory.reads}</dd>
            <dt>memory writes</dt>
            <dd data-testid="cache.trace.memory.writes">{o.counters.memory.writes}</dd>
            <dt>AMAT</dt>
            <dd data-testid="cache.trace.amat">{o.amatNs === null ? 'unknown (a latency is not in the table)' : formatNs(o.amatNs)}</dd>
          </dl>
        </>
      )}
    </section>
  );
}
