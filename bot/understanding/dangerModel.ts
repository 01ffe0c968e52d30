// The second danger reader: a linear classifier (multinomial logistic regression) over hashed
// word and character n-grams, trained by `npm run train` on the labelled corpus. Character
// n-grams hear paraphrase, misspelling and other scripts that no phrase list holds; the phrase
// book stays the explainable reader, and the two are OR-ed. Inference is a few thousand
// multiply-adds: deterministic, no network, nothing loaded but the committed model file.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DANGER_CATEGORIES, type DangerCategory } from '../content/vocabulary';
import { normalise } from './text';

export const MODEL_LABELS = ['none', ...DANGER_CATEGORIES] as const;
export type ModelLabel = (typeof MODEL_LABELS)[number];

/** How a message becomes features; the model records it so training and reading cannot drift. */
export const featureSettingsSchema = z
  .object({
    buckets: z.number().int().positive(),
    charGrams: z.array(z.number().int().min(2).max(6)).min(1),
    wordBigrams: z.boolean(),
  })
  .strict();
export type FeatureSettings = z.infer<typeof featureSettingsSchema>;

export const modelFileSchema = z
  .object({
    summary: z.string(),
    labels: z.array(z.enum(MODEL_LABELS)),
    features: featureSettingsSchema,
    /** A message is danger when 1 - P(none) reaches this; chosen on the training split's folds. */
    threshold: z.number().min(0).max(1),
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
  readonly threshold: number;
}

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
  const words = normalise(text).split(' ').filter(Boolean);
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
  const norm = features.length === 0 ? 0 : 1 / Math.sqrt(features.length);
  const logits = bias.map((b, label) => {
    let sum = 0;
    const offset = label * buckets;
    for (const feature of features) sum += weights[offset + feature] ?? 0;
    return b + sum * scale * norm;
  });
  const top = Math.max(...logits);
  const exps = logits.map((logit) => Math.exp(logit - top));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / total);
}

export function dangerModelFrom(file: ModelFile): DangerModel {
  const weights = new Int8Array(Buffer.from(file.weights, 'base64'));
  const { buckets } = file.features;
  if (weights.length !== buckets * file.labels.length) throw new Error('The danger model has the wrong number of weights');
  return {
    threshold: file.threshold,
    judge(text) {
      const probabilities = softmaxScores(featuresOf(text, file.features), weights, file.bias, buckets, file.scale);
      const none = file.labels.indexOf('none');
      const score = 1 - (probabilities[none] ?? 0);
      if (score < file.threshold) return { score, category: undefined };
      let best: DangerCategory | undefined;
      let bestProbability = -1;
      file.labels.forEach((label, at) => {
        const probability = probabilities[at] ?? 0;
        if (label !== 'none' && probability > bestProbability) {
          best = label;
          bestProbability = probability;
        }
      });
      return { score, category: best };
    },
  };
}

export function loadDangerModel(file: string): DangerModel {
  return dangerModelFrom(modelFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
}
