/**
 * Rewrites README.md's event-loop subset list (between the `eventloop-subset` markers) from the
 * implementation's own tables (src/sim/eventloop/subset.ts).
 *
 *   npx tsx scripts/eventloopSubset.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { replaceSubset, subsetMarkdown } from '../src/sim/eventloop/subset';

const readme = readFileSync('README.md', 'utf8');
writeFileSync('README.md', replaceSubset(readme, subsetMarkdown()));
process.stderr.write('README.md: event-loop subset list rewritten\n');
