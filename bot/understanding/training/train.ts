// `npm run train`: builds the second danger reader from the corpus's training split and writes
// content/understanding/model/danger.json. Deterministic: the same corpus gives the same bytes
// (a fixed order of examples, no random numbers). The held-out split is never read here.
//
// The threshold is chosen on the training split alone: five folds, each scored by a model
// trained on the other four, then the lowest threshold at which the phrase book OR the model
// raises no more than FALSE_ALARM_BUDGET of the safe messages.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadContent } from '../../content/loadContent';
import { projectPath } from '../../platform/paths';
import { createUnderstanding } from '../understand';
import { featuresOf, hash, MODEL_LABELS, softmaxScores, type FeatureSettings, type ModelFile } from '../dangerModel';
import { CORPUS_DIRECTORY, corpusFiles, readCorpusFile, type LabelledMessage } from './corpus';

export interface TrainingSettings {
  features: FeatureSettings;
  epochs: number;
  learningRate: number;
  l2: number;
}

export const TRAINING: TrainingSettings = {
  features: { buckets: 1 << 17, charGrams: [3, 4, 5], wordBigrams: true },
  epochs: 14,
  learningRate: 2,
  l2: 1e-6,
};
const FOLDS = 5;
const FALSE_ALARM_BUDGET = 0.05;
export const MODEL_FILE = projectPath('content', 'understanding', 'model', 'danger.json');

interface Example {
  features: number[];
  label: number;
  /** A stable number from the message: fixes the order of examples and the folds. */
  key: number;
}

function examplesOf(rows: readonly LabelledMessage[], features: FeatureSettings): Example[] {
  return rows.map((row) => ({
    features: featuresOf(row.message, features),
    label: MODEL_LABELS.indexOf(row.danger),
    key: hash(row.message, 0),
  }));
}

interface Trained {
  weights: Float64Array;
  bias: number[];
}

/** Multinomial logistic regression by stochastic gradient descent, in a fixed order per epoch. */
function train(examples: readonly Example[], settings: TrainingSettings): Trained {
  const labels = MODEL_LABELS.length;
  const { buckets } = settings.features;
  const weights = new Float64Array(labels * buckets);
  const bias = new Array<number>(labels).fill(0);
  // Danger is rarer than safe talk and a miss costs more: each danger example counts as much as
  // all safe examples together divided by the danger examples.
  const safe = examples.filter((example) => example.label === 0).length;
  const dangerWeight = Math.max(1, safe / Math.max(1, examples.length - safe));
  for (let epoch = 0; epoch < settings.epochs; epoch += 1) {
    const rate = settings.learningRate / (1 + epoch * 0.3);
    const order = [...examples].sort((a, b) => hash(String(a.key), epoch) - hash(String(b.key), epoch) || a.key - b.key);
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
          weights[at] = (weights[at] ?? 0) * (1 - rate * settings.l2) - rate * gradient * norm;
        }
      }
    }
  }
  return { weights, bias };
}

function dangerScore(trained: Trained, example: Example, buckets: number): number {
  return 1 - (softmaxScores(example.features, trained.weights, trained.bias, buckets, 1)[0] ?? 0);
}

/** Each training message's danger score from a model trained on the other folds. */
export function outOfFoldScores(rows: readonly LabelledMessage[], settings: TrainingSettings): number[] {
  const examples = examplesOf(rows, settings.features);
  const scores = new Array<number>(examples.length).fill(0);
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const inFold = (example: Example) => example.key % FOLDS === fold;
    const model = train(
      examples.filter((example) => !inFold(example)),
      settings,
    );
    examples.forEach((example, at) => {
      if (inFold(example)) scores[at] = dangerScore(model, example, settings.features.buckets);
    });
  }
  return scores;
}

/**
 * The lowest threshold (the most danger heard) at which phrase book OR model stays within the
 * false-alarm budget on out-of-fold scores: a false alarm costs the user a caring question, a
 * miss can cost a life, but a bot that worries at every message is not listened to.
 */
function chooseThreshold(rows: readonly LabelledMessage[], scores: readonly number[], phraseBookHits: readonly boolean[]): number {
  const safe = rows.map((row) => row.danger === 'none');
  const safeCount = safe.filter(Boolean).length;
  const candidates = [...new Set(scores.map((score) => Math.round(score * 1000) / 1000))].sort((a, b) => a - b);
  for (const threshold of candidates) {
    const alarms = safe.filter((isSafe, at) => isSafe && (phraseBookHits[at] || (scores[at] ?? 0) >= threshold)).length;
    if (alarms / safeCount <= FALSE_ALARM_BUDGET) return threshold;
  }
  return 1;
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

/** What the phrase book alone finds in each message (read with a model that never fires). */
export function phraseBookHitsOn(rows: readonly LabelledMessage[]): boolean[] {
  const silentModel: ModelFile = {
    summary: 'A model that never fires.',
    labels: [...MODEL_LABELS],
    features: { ...TRAINING.features, buckets: 1 },
    threshold: 1,
    scale: 1,
    bias: MODEL_LABELS.map((_, at) => (at === 0 ? 100 : 0)),
    trainedOn: [],
    weights: Buffer.alloc(MODEL_LABELS.length).toString('base64'),
  };
  // The very first run has no model for content to load: this one stands in.
  if (!existsSync(MODEL_FILE)) {
    mkdirSync(path.dirname(MODEL_FILE), { recursive: true });
    writeFileSync(MODEL_FILE, JSON.stringify(silentModel));
  }
  const content = loadContent({ area: 'kent' });
  const phraseBook = createUnderstanding({ ...content, dangerModel: silentModel }, { dangerAlwaysIn: content.area.languages });
  return rows.map((row) => phraseBook.read(row.message, row.language).danger.length > 0);
}

function main(): void {
  const files = corpusFiles('train');
  const rows = files.flatMap(readCorpusFile);
  const phraseBookHits = phraseBookHitsOn(rows);
  const outOfFold = outOfFoldScores(rows, TRAINING);
  const threshold = chooseThreshold(rows, outOfFold, phraseBookHits);

  const trained = train(examplesOf(rows, TRAINING.features), TRAINING);
  const { scale, bytes } = quantise(trained);
  const model: ModelFile = {
    summary:
      'The second danger reader: multinomial logistic regression over hashed word, word-pair and character n-grams, built by `npm run train` from the training split of test/corpus. Danger = phrase book OR 1 - P(none) >= threshold; the threshold was chosen on the training split by five folds.',
    labels: [...MODEL_LABELS],
    features: TRAINING.features,
    threshold,
    scale: Number(scale.toPrecision(8)),
    bias: trained.bias.map((value) => Number(value.toPrecision(8))),
    trainedOn: files.map((file) => ({ file: path.relative(CORPUS_DIRECTORY, file), rows: readCorpusFile(file).length })),
    weights: Buffer.from(bytes.buffer).toString('base64'),
  };
  writeFileSync(MODEL_FILE, `${JSON.stringify(model, null, 2)}\n`);

  const danger = rows.filter((row) => row.danger !== 'none').length;
  const foundOutOfFold = rows.filter(
    (row, at) => row.danger !== 'none' && (phraseBookHits[at] || (outOfFold[at] ?? 0) >= threshold),
  ).length;
  const falseAlarms = rows.filter((row, at) => row.danger === 'none' && (phraseBookHits[at] || (outOfFold[at] ?? 0) >= threshold)).length;
  console.log(
    [
      `trained on ${rows.length} messages (${danger} in danger) from ${files.length} files`,
      `threshold ${threshold} (five folds of the training split)`,
      `phrase book (written from this split) OR the model out of fold: recall ${((100 * foundOutOfFold) / danger).toFixed(1)} %, false alarms ${((100 * falseAlarms) / (rows.length - danger)).toFixed(1)} % (the held-out split's figures are the ones to quote: npm run corpus -- --heldout)`,
      `wrote ${path.relative(projectPath(), MODEL_FILE)}`,
    ].join('\n'),
  );
}

if (require.main === module) main();
