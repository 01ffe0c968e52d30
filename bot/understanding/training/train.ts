// `npm run train`: builds the second danger reader from the corpus's training split and writes
// content/understanding/model/danger.json. Deterministic: the same corpus gives the same bytes
// (a fixed order of examples, no random numbers). The held-out split is never read here.
//
// The threshold is chosen on the training split alone: five folds, each scored by a model
// trained on the other four, then the highest threshold at which the phrase book OR the model
// finds TARGET_RECALL of the danger messages.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadContent } from '../../content/loadContent';
import { projectPath } from '../../platform/paths';
import { createUnderstanding } from '../understand';
import { featuresOf, MODEL_LABELS, softmaxScores, type FeatureSettings, type ModelFile } from '../dangerModel';
import { CORPUS_DIRECTORY, corpusFiles, readCorpusFile, type LabelledMessage } from './corpus';

const SETTINGS: FeatureSettings = { buckets: 1 << 17, charGrams: [3, 4, 5], wordBigrams: true };
const EPOCHS = 14;
const LEARNING_RATE = 0.8;
const L2 = 1e-6;
const FOLDS = 5;
const TARGET_RECALL = 0.985;
export const MODEL_FILE = projectPath('content', 'understanding', 'model', 'danger.json');

interface Example {
  features: number[];
  label: number;
  /** A stable number from the message: fixes the order of examples and the folds. */
  key: number;
}

function stableKey(text: string, salt: number): number {
  let value = 0x811c9dc5 ^ salt;
  for (let at = 0; at < text.length; at += 1) value = Math.imul(value ^ text.charCodeAt(at), 0x01000193);
  return value >>> 0;
}

function examplesOf(rows: readonly LabelledMessage[]): Example[] {
  return rows.map((row) => ({ features: featuresOf(row.message, SETTINGS), label: MODEL_LABELS.indexOf(row.danger), key: stableKey(row.message, 0) }));
}

interface Trained {
  weights: Float64Array;
  bias: number[];
}

/** Multinomial logistic regression by stochastic gradient descent, in a fixed order per epoch. */
function train(examples: readonly Example[]): Trained {
  const labels = MODEL_LABELS.length;
  const { buckets } = SETTINGS;
  const weights = new Float64Array(labels * buckets);
  const bias = new Array<number>(labels).fill(0);
  // Danger is rarer than safe talk and a miss costs more: each danger example counts as much as
  // all safe examples together divided by the danger examples.
  const safe = examples.filter((example) => example.label === 0).length;
  const dangerWeight = Math.max(1, safe / Math.max(1, examples.length - safe));
  for (let epoch = 0; epoch < EPOCHS; epoch += 1) {
    const rate = LEARNING_RATE / (1 + epoch * 0.3);
    const order = [...examples].sort((a, b) => stableKey(String(a.key), epoch) - stableKey(String(b.key), epoch) || a.key - b.key);
    for (const example of order) {
      const probabilities = softmaxScores(example.features, weights, bias, buckets, 1);
      const norm = example.features.length === 0 ? 0 : 1 / Math.sqrt(example.features.length);
      const weight = example.label === 0 ? 1 : dangerWeight;
      for (let label = 0; label < labels; label += 1) {
        const gradient = ((probabilities[label] ?? 0) - (label === example.label ? 1 : 0)) * weight;
        bias[label] = (bias[label] ?? 0) - rate * gradient * 0.1;
        const offset = label * buckets;
        for (const feature of example.features) {
          const at = offset + feature;
          weights[at] = (weights[at] ?? 0) * (1 - rate * L2) - rate * gradient * norm;
        }
      }
    }
  }
  return { weights, bias };
}

function dangerScore(trained: Trained, example: Example): number {
  return 1 - (softmaxScores(example.features, trained.weights, trained.bias, SETTINGS.buckets, 1)[0] ?? 0);
}

/** The highest threshold at which phrase book OR model reaches the target recall on out-of-fold scores. */
function chooseThreshold(rows: readonly LabelledMessage[], scores: readonly number[], phraseBookHits: readonly boolean[]): number {
  const danger = rows.map((row) => row.danger !== 'none');
  const candidates = [...new Set(scores.map((score) => Math.round(score * 1000) / 1000))].sort((a, b) => b - a);
  const total = danger.filter(Boolean).length;
  for (const threshold of candidates) {
    const found = danger.filter((isDanger, at) => isDanger && (phraseBookHits[at] || (scores[at] ?? 0) >= threshold)).length;
    if (found / total >= TARGET_RECALL) return threshold;
  }
  return 0;
}

function quantise(trained: Trained): { scale: number; bytes: Int8Array } {
  let largest = 0;
  for (const weight of trained.weights) largest = Math.max(largest, Math.abs(weight));
  const scale = largest / 127 || 1;
  const bytes = new Int8Array(trained.weights.length);
  trained.weights.forEach((weight, at) => {
    bytes[at] = Math.max(-127, Math.min(127, Math.round(weight / scale)));
  });
  return { scale, bytes };
}

function main(): void {
  const files = corpusFiles('train');
  const rows = files.flatMap(readCorpusFile);
  const examples = examplesOf(rows);

  // Phrase-book hits on the training split, read with a model that never fires (also the model
  // content loads with on the very first run, before there is one).
  const silentModel: ModelFile = {
    summary: 'A model that never fires.',
    labels: [...MODEL_LABELS],
    features: { ...SETTINGS, buckets: 1 },
    threshold: 1,
    scale: 1,
    bias: MODEL_LABELS.map((_, at) => (at === 0 ? 100 : 0)),
    trainedOn: [],
    weights: Buffer.alloc(MODEL_LABELS.length).toString('base64'),
  };
  if (!existsSync(MODEL_FILE)) {
    mkdirSync(path.dirname(MODEL_FILE), { recursive: true });
    writeFileSync(MODEL_FILE, JSON.stringify(silentModel));
  }
  const content = loadContent({ area: 'kent' });
  const phraseBook = createUnderstanding({ ...content, dangerModel: silentModel }, { dangerAlwaysIn: content.area.languages });
  const phraseBookHits = rows.map((row) => phraseBook.read(row.message, row.language).danger.length > 0);

  const outOfFold = new Array<number>(examples.length).fill(0);
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const inFold = (example: Example) => example.key % FOLDS === fold;
    const model = train(examples.filter((example) => !inFold(example)));
    examples.forEach((example, at) => {
      if (inFold(example)) outOfFold[at] = dangerScore(model, example);
    });
  }
  const threshold = chooseThreshold(rows, outOfFold, phraseBookHits);

  const trained = train(examples);
  const { scale, bytes } = quantise(trained);
  const model: ModelFile = {
    summary:
      'The second danger reader: multinomial logistic regression over hashed word, word-pair and character n-grams, built by `npm run train` from the training split of test/corpus. Danger = phrase book OR 1 - P(none) >= threshold; the threshold was chosen on the training split by five folds.',
    labels: [...MODEL_LABELS],
    features: SETTINGS,
    threshold,
    scale: Number(scale.toPrecision(8)),
    bias: trained.bias.map((value) => Number(value.toPrecision(8))),
    trainedOn: files.map((file) => ({ file: path.relative(CORPUS_DIRECTORY, file), rows: readCorpusFile(file).length })),
    weights: Buffer.from(bytes.buffer).toString('base64'),
  };
  writeFileSync(MODEL_FILE, `${JSON.stringify(model, null, 2)}\n`);

  const danger = rows.filter((row) => row.danger !== 'none').length;
  const foundOutOfFold = rows.filter((row, at) => row.danger !== 'none' && (phraseBookHits[at] || (outOfFold[at] ?? 0) >= threshold)).length;
  const falseAlarms = rows.filter((row, at) => row.danger === 'none' && (phraseBookHits[at] || (outOfFold[at] ?? 0) >= threshold)).length;
  console.log(
    [
      `trained on ${rows.length} messages (${danger} in danger) from ${files.length} files`,
      `threshold ${threshold} (five folds of the training split)`,
      `out of fold, phrase book OR model: recall ${((100 * foundOutOfFold) / danger).toFixed(1)} %, false alarms ${((100 * falseAlarms) / (rows.length - danger)).toFixed(1)} %`,
      `wrote ${path.relative(projectPath(), MODEL_FILE)}`,
    ].join('\n'),
  );
}

main();
