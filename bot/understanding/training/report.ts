// `npm run corpus`: the understanding step's figures on the training split (in sample: the model
// has seen it; `npm run train` prints the out-of-fold figures) and, with `--heldout`, on the
// held-out split. With `--misses`, the training split's misses and false alarms (never the
// held-out split's: they are not to be read while writing phrases).
import { loadContent } from '../../content/loadContent';
import { createUnderstanding } from '../understand';
import { describeFigures, evaluateSplit } from './evaluate';

const content = loadContent({ area: 'kent' });
const understanding = createUnderstanding(content, { dangerAlwaysIn: content.area.languages });
const train = evaluateSplit(understanding, 'train');
console.log(describeFigures('train', train));
if (process.argv.includes('--heldout')) console.log(describeFigures('heldout', evaluateSplit(understanding, 'heldout')));
if (process.argv.includes('--misses')) {
  console.log('\ntraining split, missed:');
  for (const row of train.misses) console.log(`  ${row.danger.padEnd(16)} ${row.from.padEnd(22)} ${row.message}`);
  console.log('\ntraining split, false alarms:');
  for (const row of train.falseAlarmMessages) {
    const reading = understanding.read(row.message, row.language);
    console.log(
      `  ${[...reading.danger, ...reading.concern.map((c) => `~${c}`)].join(',').padEnd(16)} ${row.from.padEnd(22)} ${row.message}`,
    );
  }
}
