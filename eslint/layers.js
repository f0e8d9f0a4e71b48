// The layer rule (docs/ARCHITECTURE.md, "Layers"): which src/ layer may import which, decided by
// the resolved path of each import — not by how many '../' it has — and which packages each
// layer may use. Tests beside the code (*.test.ts) may also use Node and test libraries.
import path from 'node:path';

const DOC = 'see docs/ARCHITECTURE.md#layers';

const NODE_BUILTINS = new Set([
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'inspector',
  'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'string_decoder', 'timers', 'tls', 'tty', 'url', 'util', 'v8', 'vm',
  'worker_threads', 'zlib',
]);
const isNode = (spec) => spec.startsWith('node:') || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]);
const UI_PACKAGES = /^(react|react-dom|d3|d3-.*|zustand|@codemirror\/.*|codemirror)(\/.*)?$/;

/**
 * Each layer: the layers it may import, the packages it may not, and why (the message).
 * `packages(spec)` returns a reason string when a bare import is not allowed.
 */
export const LAYERS = {
  sim: {
    may: ['sim'],
    packages: (spec) => (isNode(spec) ? 'no Node' : /^electron/.test(spec) ? 'no Electron' : UI_PACKAGES.test(spec) ? 'no React, d3 or zustand' : null),
    why: 'src/sim is pure TypeScript (models, engine, scene manifests): it imports only src/sim and pure packages such as acorn — no Node, DOM, Electron, React or d3',
  },
  shared: {
    may: ['shared', 'sim'],
    packages: (spec) => (isNode(spec) ? 'no Node' : /^electron/.test(spec) ? 'no Electron' : UI_PACKAGES.test(spec) ? 'no React, d3 or zustand' : null),
    why: 'src/shared is the typed contract between renderer and host: it imports only src/shared and src/sim',
  },
  main: {
    may: ['main', 'shared', 'sim'],
    packages: (spec) => (UI_PACKAGES.test(spec) ? 'no React, d3 or zustand' : null),
    why: 'src/main (Electron main, the browser-mode host, the Node services) imports src/main, src/shared, src/sim, Node and Electron — never the renderer, the preload or the CLI',
  },
  preload: {
    may: ['preload', 'shared'],
    packages: (spec) => (isNode(spec) ? 'no Node' : UI_PACKAGES.test(spec) ? 'no React, d3 or zustand' : null),
    why: 'src/preload exposes the contract through contextBridge: it imports only src/shared and electron',
  },
  renderer: {
    may: ['renderer', 'shared', 'sim'],
    packages: (spec) => (isNode(spec) ? 'no Node' : /^electron/.test(spec) ? 'no Electron' : null),
    why: 'src/renderer talks to the host only through the contract: it imports src/renderer, src/shared and src/sim — no Node, Electron, src/main or src/cli',
  },
  cli: {
    may: ['cli', 'sim', 'shared', 'main'],
    packages: (spec) => (/^electron/.test(spec) ? 'no Electron' : UI_PACKAGES.test(spec) ? 'no React, d3 or zustand' : null),
    why: 'src/cli is the headless front door over src/sim and the Node services of src/main: never the renderer, the preload or Electron',
  },
};

/** The layer of an absolute file path (src/<layer>/…), or null outside src/. */
function layerOf(file, root) {
  const rel = path.relative(root, file).split(path.sep);
  return rel[0] === 'src' && rel[1] in LAYERS ? rel[1] : null;
}

const TEST_FILE = /\.test\.tsx?$/;

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports follow the layers of docs/ARCHITECTURE.md (by resolved path)' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const from = layerOf(file, root);
    if (!from) return {};
    const test = TEST_FILE.test(file);
    const layer = LAYERS[from];
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const resolved = path.resolve(path.dirname(file), spec);
        const target = layerOf(resolved, root);
        if (!target && !test && path.relative(path.join(root, 'src'), resolved).startsWith('..')) {
          context.report({ node, message: `LAYER src/${from} may not import outside src/ ("${spec}"): ${layer.why} (${DOC}).` });
        } else if (target && !layer.may.includes(target)) {
          context.report({ node, message: `LAYER src/${from} may not import src/${target} ("${spec}"): ${layer.why} (${DOC}).` });
        }
        return;
      }
      if (test) return;
      const reason = layer.packages(spec);
      if (reason) context.report({ node, message: `LAYER src/${from}: ${reason} ("${spec}"): ${layer.why} (${DOC}).` });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') check(node.arguments[0], node.arguments[0].value);
      },
    };
  },
};

export default { rules: { layers: rule } };
