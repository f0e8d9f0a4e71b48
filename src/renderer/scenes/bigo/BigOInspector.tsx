/**
 * The structure, the operation mix, n, a custom SPEC and the growth chart's range — each read
 * from the scene's one parameter table — and the counts of the other costs the tutorial
 * names: strings by + vs join, tuple vs list, the anagram checks.
 */
import { useEffect, useState } from 'react';
import { SourcesList } from '../../components/SourcesList';
import { NumberField } from '../../components/NumberField';
import { useApp } from '../../state/store';
import { setParam, setParams } from '../../controller/sceneController';
import { BIGO_PARAMS, checkSceneSpec, DEFAULT_OPS, mixLabel, MIXES, type BigOView, type Mix, type ParamSpec } from '../../../sim/bigo/scene';
import { STRUCTURE_IDS, type StructureId } from '../../../sim/bigo/structures';
import { formatCount } from './growthChart';
import { bigoViewOf } from './stepReadout';

const spec = (name: string): ParamSpec => BIGO_PARAMS.find((p) => p.name === name)!;

function SpecField({ structure, value }: { structure: StructureId; value: string }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const error = checkSceneSpec(structure, text);
  const p = spec('ops');
  return (
    <label className="field">
      <span>{p.label}</span>
      <input
        type="text"
        value={text}
        spellCheck={false}
        aria-invalid={error !== null}
        onChange={(e) => {
          setText(e.target.value);
          if (checkSceneSpec(structure, e.target.value) === null) setParams({ ops: e.target.value, mix: 'custom' });
        }}
        data-testid="bigo.param.ops"
      />
      {error ? (
        <span className="field-error" role="alert" data-testid="bigo.param.ops.error">
          {error}
        </span>
      ) : (
        <span className="hint">{p.help}</span>
      )}
    </label>
  );
}

function Extras({ view }: { view: BigOView }) {
  const e = view.extras;
  return (
    <>
      <h3>Strings: s = s + t vs ''.join</h3>
      <table data-testid="bigo.strings">
        <thead>
          <tr>
            <th>n pieces</th>
            <th>+ copies</th>
            <th>join copies</th>
          </tr>
        </thead>
        <tbody>
          {e.strings.map((s) => (
            <tr key={s.n}>
              <td>{formatCount(s.n)}</td>
              <td>{formatCount(s.concat.copies)}</td>
              <td>{formatCount(s.join.copies)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="bigo-note">
        Each <code>s + t</code> makes a new string and copies both: 1 + 2 + … + n characters. The exception: when <code>s</code> has no
        other reference, CPython resizes it in place and copies only <code>t</code> — an optimisation of one implementation, not a promise
        (PEP 8 says use <code>join</code>).
      </p>
      <h3>tuple vs list, bytes</h3>
      <table data-testid="bigo.sizes">
        <thead>
          <tr>
            <th>n</th>
            <th>tuple</th>
            <th>[0] * n</th>
            <th>n appends</th>
          </tr>
        </thead>
        <tbody>
          {e.sizes.map((s) => (
            <tr key={s.n}>
              <td>{s.n}</td>
              <td>{s.tuple}</td>
              <td>{s.listExact}</td>
              <td>{s.listAppended}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Anagram check, operations</h3>
      <table data-testid="bigo.anagrams">
        <thead>
          <tr>
            <th>letters</th>
            <th>sort</th>
            <th>count</th>
            <th>permutations</th>
          </tr>
        </thead>
        <tbody>
          {e.anagrams.map((a) => (
            <tr key={a.n}>
              <td>{a.n}</td>
              <td>{a.sort}</td>
              <td>{a.count}</td>
              <td>{formatCount(a.permutations)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function BigOInspector() {
  const params = useApp((s) => s.params);
  const view = useApp((s) => bigoViewOf(s.frame));
  const structure = ((STRUCTURE_IDS as readonly string[]).includes(params.structure ?? '') ? params.structure : 'list') as StructureId;
  const mix = ((MIXES as readonly string[]).includes(params.mix ?? '') ? params.mix : 'front') as Mix;
  const n = spec('n');
  const curveN = spec('curveN');
  return (
    <div className="inspector bigo-inspector" data-testid="bigo.inspector">
      <label className="field">
        <span>{spec('structure').label}</span>
        <select
          value={structure}
          onChange={(e) => {
            const next = e.target.value as StructureId;
            // A SPEC of the other structure's ops would be refused: take this one's default.
            setParams({ structure: next, ops: checkSceneSpec(next, params.ops ?? '') ? DEFAULT_OPS[next] : (params.ops ?? null) });
          }}
          data-testid="bigo.param.structure"
        >
          {STRUCTURE_IDS.map((s) => (
            <option key={s} value={s}>
              {s === 'list' ? 'list' : 'collections.deque'}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{spec('mix').label}</span>
        <select value={mix} onChange={(e) => setParam('mix', e.target.value)} data-testid="bigo.param.mix">
          {MIXES.map((m) => (
            <option key={m} value={m}>
              {mixLabel(m, structure)}
            </option>
          ))}
        </select>
      </label>
      {n.type === 'int' && (
        <NumberField field="n" label={`${n.label} (${n.min}–${n.max})`} value={params.n ?? String(n.default)} rule={{ min: n.min, max: n.max, integer: true }} onValid={(v) => setParam('n', v)} testId="bigo.param.n" />
      )}
      <SpecField structure={structure} value={params.ops ?? DEFAULT_OPS[structure]} />
      {curveN.type === 'int' && (
        <NumberField
          field="curveN"
          label={`${curveN.label} (${curveN.min}–${curveN.max})`}
          value={params.curveN ?? String(curveN.default)}
          rule={{ min: curveN.min, max: curveN.max, integer: true }}
          onValid={(v) => setParam('curveN', v)}
          testId="bigo.param.curveN"
        />
      )}
      {view && <Extras view={view} />}
      {view && <SourcesList sources={view.sources} className="bigo-sources" testId="bigo.sources" />}
    </div>
  );
}
