// The trained readers: linear classifiers (multinomial logistic regression) over hashed word and
// character n-grams, trained by `npm run train` on the labelled corpus. One hears danger beside
// the phrase book (the two are OR-ed); two more guess who is writing and what is happening when
// the phrase book cannot tell. Character n-grams hear paraphrase, misspelling and other scripts
// that no phrase list holds. Inference is a few thousand multiply-adds a model: deterministic, no
// network, nothing loaded but the committed model files.
import { z } from 'zod';
import { DANGER_CATEGORIES, ROLES, SITUATIONS, type DangerCategory, type Role, type Situation } from '../content/vocabulary';
import { normalise } from './text';

export const MODEL_LABELS = ['none', ...DANGER_CATEGORIES] as const;
export type ModelLabel = (typeof MODEL_LABELS)[number];

/** A message that does not say who is writing or what is happening: the writer and situation models learn it too. */
export const NOT_SAID = 'unknown';

/** What each trained model tells apart; each has its own file, content/understanding/model/<name>.json. */
export const MODEL_HEADS = {
  danger: MODEL_LABELS,
  writer: [...ROLES, NOT_SAID],
  situation: [...SITUATIONS, NOT_SAID],
} as const;
export type ModelName = keyof typeof MODEL_HEADS;

/** How a message becomes features; the model records it so training and reading cannot drift. */
export const featureSettingsSchema = z
  .object({
    buckets: z.number().int().positive(),
    charGrams: z.array(z.number().int().min(2).max(6)).min(1),
    /** Character n-grams that run across a space ("e me", "ake me u"): word order in short words, and words run together or split. */
    crossGrams: z.array(z.number().int().min(3).max(6)),
    wordBigrams: z.boolean(),
  })
  .strict();
export type FeatureSettings = z.infer<typeof featureSettingsSchema>;

export const modelFileSchema = z
  .object({
    summary: z.string(),
    labels: z.array(z.string()).min(2),
    features: featureSettingsSchema,
    /**
     * Chosen on the training split's folds. Danger: a message is danger when 1 - P(none) reaches
     * it. Writer and situation: the likeliest label is said when its probability reaches it.
     */
    threshold: z.number().min(0).max(1),
    /**
     * Writer and situation: the probability at which the model's likeliest label is taken for the
     * best guess over a different one the phrase book's cues say (chosen on the folds too).
     */
    overrules: z.number().min(0).max(1).optional(),
    /** Weights were stored as signed bytes times this. */
    scale: z.number().positive(),
    bias: z.array(z.number()),
    /** Trained on: files and rows, so a reader of the model knows what it has seen. */
    trainedOn: z.array(z.object({ file: z.string(), rows: z.number().int() })),
    /** Base64 of labels x buckets signed bytes, label-major. */
    weights: z.string(),
  })
  .strict();
export type ModelFile = z.infer<typeof modelFileSchema>;

export interface DangerVerdict {
  /** 1 - P(none): how likely the message holds danger of some kind. */
  score: number;
  /** The most likely kind of danger, when the score reaches the threshold. */
  category: DangerCategory | undefined;
}

export interface DangerModel {
  judge(text: string): DangerVerdict;
  /** The same, from features already worked out with `featuresOf(text, features)`. */
  judgeFeatures(features: readonly number[]): DangerVerdict;
  readonly threshold: number;
  readonly features: FeatureSettings;
}

export interface LabelModel<Label extends string> {
  /**
   * The best guess: the likeliest label when the model is sure enough of it, and none when the
   * likeliest is that the message does not say. Where the phrase book's cues say another
   * (`cued`), that one, unless the model is sure enough to overrule it.
   */
  guess(features: readonly number[], cued?: Label): Label | undefined;
  readonly features: FeatureSettings;
}

export interface TrainedModels {
  danger: DangerModel;
  writer: LabelModel<Role>;
  situation: LabelModel<Situation>;
}

export type ModelFiles = Record<ModelName, ModelFile>;

/** FNV-1a, 32 bits: the same bucket on every machine; `seed` gives another, independent order. */
export function hash(text: string, seed = 0): number {
  let value = 0x811c9dc5 ^ seed;
  for (let at = 0; at < text.length; at += 1) {
    value ^= text.charCodeAt(at);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

/** The message's features as bucket indices (repeats kept: a feature said twice counts twice). */
export function featuresOf(text: string, settings: FeatureSettings): number[] {
  const normalised = normalise(text);
  const words = normalised.split(' ').filter(Boolean);
  const features: number[] = [];
  const add = (feature: string) => features.push(hash(feature) % settings.buckets);
  words.forEach((word, at) => {
    add(`w ${word}`);
    if (settings.wordBigrams && at > 0) add(`b ${words[at - 1] ?? ''} ${word}`);
    const padded = ` ${word} `;
    for (const size of settings.charGrams) {
      for (let start = 0; start + size <= padded.length; start += 1) add(`c${padded.slice(start, start + size)}`);
    }
  });
  const line = ` ${normalised} `;
  for (const size of settings.crossGrams) {
    for (let start = 0; start + size <= line.length; start += 1) {
      const gram = line.slice(start, start + size);
      if (gram.slice(1, -1).includes(' ')) add(`x${gram}`);
    }
  }
  return features;
}

/** Probabilities per label from weights (label-major) and bias. */
export function softmaxScores(
  features: readonly number[],
  weights: ArrayLike<number>,
  bias: readonly number[],
  buckets: number,
  scale: number,
): number[] {
  return [...softmaxInto(features, weights, bias, buckets, scale, new Float64Array(bias.length))];
}

/** The same, written into `into` (one number per label): training calls it per example and allocates nothing. */
export function softmaxInto(
  features: ArrayLike<number>,
  weights: ArrayLike<number>,
  bias: ArrayLike<number>,
  buckets: number,
  scale: number,
  into: Float64Array,
): Float64Array {
  const norm = features.length === 0 ? 0 : 1 / Math.sqrt(features.length);
  let top = -Infinity;
  for (let label = 0; label < into.length; label += 1) {
    let sum = 0;
    const offset = label * buckets;
    for (let at = 0; at < features.length; at += 1) sum += weights[offset + (features[at] as number)] ?? 0;
    const logit = (bias[label] as number) + sum * scale * norm;
    into[label] = logit;
    if (logit > top) top = logit;
  }
  let total = 0;
  for (let label = 0; label < into.length; label += 1) {
    const value = Math.exp((into[label] as number) - top);
    into[label] = value;
    total += value;
  }
  for (let label = 0; label < into.length; label += 1) into[label] = (into[label] as number) / total;
  return into;
}

function weightsOf(file: ModelFile, name: ModelName): Int8Array {
  const known: readonly string[] = MODEL_HEADS[name];
  if (file.labels.some((label) => !known.includes(label))) throw new Error(`The ${name} model has labels other than ${known.join(', ')}`);
  const weights = new Int8Array(Buffer.from(file.weights, 'base64'));
  if (weights.length !== file.features.buckets * file.labels.length) throw new Error(`The ${name} model has the wrong number of weights`);
  return weights;
}

export function dangerModelFrom(file: ModelFile): DangerModel {
  const weights = weightsOf(file, 'danger');
  const { buckets } = file.features;
  const judgeFeatures = (features: readonly number[]): DangerVerdict => {
    const probabilities = softmaxScores(features, weights, file.bias, buckets, file.scale);
    const none = file.labels.indexOf('none');
    const score = 1 - (probabilities[none] ?? 0);
    if (score < file.threshold) return { score, category: undefined };
    let best: DangerCategory | undefined;
    let bestProbability = -1;
    file.labels.forEach((label, at) => {
      const probability = probabilities[at] ?? 0;
      if (label !== 'none' && probability > bestProbability) {
        best = label as DangerCategory;
        bestProbability = probability;
      }
    });
    return { score, category: best };
  };
  return {
    threshold: file.threshold,
    features: file.features,
    judgeFeatures,
    judge: (text) => judgeFeatures(featuresOf(text, file.features)),
  };
}

export function labelModelFrom<Name extends 'writer' | 'situation'>(
  file: ModelFile,
  name: Name,
): LabelModel<Exclude<(typeof MODEL_HEADS)[Name][number], typeof NOT_SAID>> {
  const weights = weightsOf(file, name);
  const labels = file.labels.map((label) => (label === NOT_SAID ? undefined : label)) as Array<
    Exclude<(typeof MODEL_HEADS)[Name][number], typeof NOT_SAID> | undefined
  >;
  return {
    features: file.features,
    guess(features, cued) {
      const probabilities = softmaxScores(features, weights, file.bias, file.features.buckets, file.scale);
      let best = 0;
      probabilities.forEach((probability, at) => {
        if (probability > (probabilities[best] ?? 0)) best = at;
      });
      const sureness = probabilities[best] ?? 0;
      const likeliest = labels[best];
      if (cued !== undefined) return likeliest !== undefined && sureness >= (file.overrules ?? 1) ? likeliest : cued;
      return sureness >= file.threshold ? likeliest : undefined;
    },
  };
}

export function trainedModelsFrom(files: ModelFiles): TrainedModels {
  const models = {
    danger: dangerModelFrom(files.danger),
    writer: labelModelFrom(files.writer, 'writer'),
    situation: labelModelFrom(files.situation, 'situation'),
  };
  // One set of features feeds who is writing and what is happening; danger may have its own.
  if (JSON.stringify(models.writer.features) !== JSON.stringify(models.situation.features)) {
    throw new Error('The writer and situation models must share their feature settings');
  }
  return models;
}
