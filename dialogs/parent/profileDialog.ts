// Preparing in advance (Kent 004 §4.1: details recorded and ready for the police if a child goes
// missing again): only what a parent can know before the day, kept with consent in user state for
// as long as the parent chooses (within the area's limit), offered when the child next goes
// missing, and deleted by the retention job when that time ends, or at once with "delete my data".
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Area } from '../../bot/content/areaSchema';
import { adviseFirst } from '../../bot/turn/advice';
import { Choices } from '../base/choices';
import { ChoiceQuestion } from '../base/choiceQuestion';
import { Question } from '../base/question';
import { resultOf, stepValues, textAnswerResult, yesNoResult } from '../base/stepData';
import { messagesFor, type DialogServices } from '../../bot/turn/services';
import { yesNoQuestion } from '../base/yesNo';
import {
  KEEP_PERIODS,
  PROFILE_FIELDS,
  preparedProfileRecord,
  preparedProfileSchema,
  type FieldAnswer,
  type KeepPeriod,
  type ProfileField,
} from './parentCase';
import { dateOfBirthAnswer, detailAskedBy, RISK_FIELDS, textAnswer } from './policeInfoDialog';

export const PROFILE_DIALOG = 'parent.profile';
const CONSENT = 'parent.profile.consent';
const KEEP = 'parent.profile.keep';
const field = (name: ProfileField) => `parent.profile.${name}`;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The question each field asks: the police's own where the words fit before the day. */
const ASK: Record<ProfileField, string> = {
  name: 'parent.info.name',
  dateOfBirth: 'parent.info.dateOfBirth',
  description: 'parent.profile.description',
  photo: 'parent.profile.photo',
  medicalNeeds: 'parent.info.medicalNeeds',
  placesAndPeople: 'parent.profile.placesAndPeople',
  friendsNumbers: 'parent.profile.friendsNumbers',
};

/** The periods offered: all of them, or those within the area's limit when it sets one. */
export function keepPeriodsFor(area: Pick<Area, 'retention'>): KeepPeriod[] {
  const max = area.retention?.preparedProfileMaxDays;
  return (Object.keys(KEEP_PERIODS) as KeepPeriod[]).filter((period) => max === undefined || KEEP_PERIODS[period] <= max);
}

/** The answers so far, and the period chosen, kept between the questions until the profile is saved. */
const profileValues = stepValues(
  z.object({
    fields: preparedProfileSchema.shape.fields.optional(),
    keepDays: z.number().int().positive().optional(),
  }),
);

export class ProfileDialog extends ComponentDialog {
  private readonly profile;

  constructor(private readonly services: DialogServices) {
    super(PROFILE_DIALOG);
    this.profile = preparedProfileRecord(services);
    this.addDialog(yesNoQuestion(CONSENT, 'parent.profile.consent', services));
    const periods = Choices.keyed(keepPeriodsFor(services.area), (value) => `parent.profile.keep.options.${value}`);
    this.addDialog(
      new ChoiceQuestion({ id: KEEP, ask: 'parent.profile.keep.ask', retry: 'common.choiceRetry', choices: periods }, services),
    );
    for (const name of PROFILE_FIELDS) {
      if (name === 'photo') this.addDialog(yesNoQuestion(field(name), ASK[name], services));
      else {
        const parse = name === 'dateOfBirth' ? dateOfBirthAnswer(services) : textAnswer;
        this.addDialog(
          new Question<string>(
            {
              id: field(name),
              ask: ASK[name],
              skippable: true,
              parse,
              asksAboutRisk: RISK_FIELDS.has(name),
              ...detailAskedBy(name),
            },
            services,
          ),
        );
      }
    }
    const ask = (index: number) => (step: WaterfallStepContext) => this.keepAndAsk(step, index);
    this.addDialog(
      new WaterfallDialog(`${PROFILE_DIALOG}.steps`, [
        (step) => this.askConsent(step),
        (step) => this.afterConsent(step),
        (step) => this.afterKeep(step),
        ...PROFILE_FIELDS.map((_, index) => ask(index + 1)),
      ]),
    );
    this.initialDialogId = `${PROFILE_DIALOG}.steps`;
  }

  private async askConsent(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await adviseFirst(step.context, this.services, 'parent-prepare', { role: 'parent' });
    return step.beginDialog(CONSENT);
  }

  private async afterConsent(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (resultOf(step, yesNoResult) !== 'yes') {
      await step.context.sendActivity(messagesFor(step.context, this.services).t('parent.profile.declined'));
      return step.endDialog();
    }
    return step.beginDialog(KEEP);
  }

  private async afterKeep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const period = resultOf(step, z.enum(Object.keys(KEEP_PERIODS) as [KeepPeriod, ...KeepPeriod[]]));
    profileValues.keep(step, { fields: {}, keepDays: KEEP_PERIODS[period] });
    return step.beginDialog(field(PROFILE_FIELDS[0]));
  }

  /** Keeps the answer to question `index - 1`, then asks question `index` or saves. */
  private async keepAndAsk(step: WaterfallStepContext, index: number): Promise<DialogTurnResult> {
    const previous = PROFILE_FIELDS[index - 1];
    const { fields: kept = {}, keepDays = KEEP_PERIODS.month } = profileValues.read(step);
    const fields = previous ? { ...kept, [previous]: this.answerOf(step, previous) } : kept;
    profileValues.keep(step, { fields });
    const next = PROFILE_FIELDS[index];
    if (next) return step.beginDialog(field(next));
    const now = this.services.clock.now();
    const keepUntil = new Date(now.getTime() + keepDays * DAY_MS);
    await this.profile.set(step.context, { savedAt: now.toISOString(), keepUntil: keepUntil.toISOString(), fields });
    const messages = messagesFor(step.context, this.services);
    const until = DateTime.fromJSDate(keepUntil, { zone: this.services.timeZone })
      .setLocale(messages.locale)
      .toFormat(messages.t('common.dateFormat'));
    await step.context.sendActivity(messages.t('parent.profile.saved', { until }));
    return step.endDialog();
  }

  private answerOf(step: WaterfallStepContext, name: ProfileField): FieldAnswer {
    return name === 'photo' ? { kind: 'value', value: resultOf(step, yesNoResult) } : resultOf(step, textAnswerResult);
  }
}
