// The information the police will need (leaflet and Kent §4.1), one question at a time, each
// of which may be skipped or answered "don't know". A profile the parent saved in advance
// fills the unchanging part, if they agree.
import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { Question, type Parsed } from '../base/question';
import { resultOf, stepValues, textAnswerResult, yesNoResult } from '../base/stepData';
import { messagesFor, readingOf, turnLocale, type DialogServices } from '../../bot/turn/services';
import { yesNoQuestion } from '../base/yesNo';
import { Choices } from '../base/choices';
import { ChoiceQuestion } from '../base/choiceQuestion';
import type { AskedDetail } from '../../bot/understanding/openQuestion';
import { readDateOfBirth } from './dateOfBirth';
import { conversationFactsRecord, SAID_JOINER } from '../base/conversationFacts';
import {
  answeredByRiskNo,
  parentCaseRecord,
  RISKS_STATED,
  POLICE_FIELDS,
  preparedProfileRecord,
  type FieldAnswer,
  type ParentCase,
  type PoliceField,
  type PreparedProfile,
} from './parentCase';

export const POLICE_INFO_DIALOG = 'parent.info';
/** The questions whose answers are about risk: a worrying answer is what was asked for. */
export const RISK_FIELDS: ReadonlySet<string> = new Set([
  'medicalNeeds',
  'increasesRisk',
  'circumstances',
  'previousEpisodes',
  'placesAndPeople',
]);
/** The details the police questions ask for, where words said beside an answer depend on it. */
const DETAIL_ASKED: Partial<Record<string, AskedDetail>> = {
  description: 'appearance',
  whereLastSeen: 'place',
  whoWith: 'company',
  placesAndPeople: 'placesAndPeople',
};
export const detailAskedBy = (field: string): { asksFor?: AskedDetail } => {
  const asksFor = DETAIL_ASKED[field];
  return asksFor ? { asksFor } : {};
};
const START = 'parent.info.start';
const LOOP = 'parent.info.loop';
const USE_PROFILE = 'parent.info.useProfile';
const REPORTER = 'parent.info.reporter';
/** Details said before they were asked, and the fact of the conversation that keeps each. */
const SAID_BEFORE = {
  description: 'appearanceSaid',
  whereLastSeen: 'placeSaid',
  whoWith: 'companySaid',
  increasesRisk: 'worriesSaid',
} as const;
type SaidField = keyof typeof SAID_BEFORE;
const isSaidField = (field: string): field is SaidField => field in SAID_BEFORE;
/** The question for a detail said before: what to add to it. */
const addedQuestionId = (field: SaidField) => `parent.info.${field}Added`;
const MAX_ANSWER = 500;

/** What the police information ends with: the child's age when the date of birth makes them an adult. */
export const policeInfoResult = z.object({ adultAge: z.number().int().optional() });
export type PoliceInfoResult = z.infer<typeof policeInfoResult>;

/** The field asked in this turn of the loop, kept for the step that reads its answer. */
const loopValues = stepValues(z.object({ field: z.enum([...POLICE_FIELDS, 'reporter']).optional() }));

export const textAnswer = (text: string): Parsed<string> =>
  text.length > MAX_ANSWER ? { ok: false, retry: 'parent.info.tooLong', variables: { max: MAX_ANSWER } } : { ok: true, value: text };

const fieldQuestionId = (field: PoliceField) => `parent.info.${field}`;

/** A date of birth as people write it, kept as an ISO date; the police and the profile ask it alike. */
export const dateOfBirthAnswer =
  (services: Pick<DialogServices, 'clock' | 'timeZone'>) =>
  (text: string): Parsed<string> => {
    const reading = readDateOfBirth(text, services.clock.now(), services.timeZone);
    if (reading.kind === 'invalid') return { ok: false, retry: 'parent.info.dateOfBirthInvalid' };
    if (reading.kind === 'future') return { ok: false, retry: 'parent.info.dateOfBirthFuture' };
    return { ok: true, value: reading.isoDate };
  };

/** A profile still inside the time its parent chose (one saved before that choice existed counts). */
export const stillKept = (profile: PreparedProfile | undefined, now: Date): PreparedProfile | undefined =>
  profile && (!profile.keepUntil || new Date(profile.keepUntil).getTime() > now.getTime()) ? profile : undefined;

/** "skip" is offered at every question of these details, the photo's too. */
const PHOTO_ANSWERS = ['yes', 'no', 'skip'] as const;
const photoChoices = Choices.keyed(PHOTO_ANSWERS, (value) => (value === 'skip' ? 'common.answers.skip' : `common.yesNo.${value}`), {
  yes: 'yes',
  no: 'no',
});

export class PoliceInfoDialog extends ComponentDialog {
  private readonly record;
  private readonly profile;

  constructor(private readonly services: DialogServices) {
    super(POLICE_INFO_DIALOG);
    this.record = parentCaseRecord(services);
    this.profile = preparedProfileRecord(services);
    for (const field of POLICE_FIELDS) {
      if (field === 'photo')
        this.addDialog(
          new ChoiceQuestion(
            { id: fieldQuestionId(field), ask: 'parent.info.photo', retry: 'common.yesNo.retry', choices: photoChoices },
            services,
          ),
        );
      else this.addDialog(this.textQuestion(field));
    }
    for (const field of Object.keys(SAID_BEFORE) as SaidField[]) {
      this.addDialog(
        new Question<string>(
          {
            id: addedQuestionId(field),
            ask: `parent.info.${field}Said`,
            skippable: true,
            // "yes" to "anything to add?": go ahead, what is it.
            parse: this.inWords('parent.info.addInWords'),
            asksAboutRisk: RISK_FIELDS.has(field),
            ...detailAskedBy(field),
          },
          services,
        ),
      );
    }
    this.addDialog(new Question<string>({ id: REPORTER, ask: 'parent.info.reporter', skippable: true, parse: textAnswer }, services));
    this.addDialog(yesNoQuestion(USE_PROFILE, 'parent.info.useProfile', services));
    this.addDialog(new WaterfallDialog(START, [(step) => this.offerProfile(step), (step) => this.applyProfile(step)]));
    this.addDialog(new WaterfallDialog(LOOP, [(step) => this.ask(step), (step) => this.keep(step)]));
    this.initialDialogId = START;
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    await innerDc.context.sendActivity(messagesFor(innerDc.context, this.services).t('parent.info.intro'));
    return super.onBeginDialog(innerDc, options);
  }

  private textQuestion(field: Exclude<PoliceField, 'photo'>): Question<string> {
    const parse =
      field === 'dateOfBirth' ? dateOfBirthAnswer(this.services) : field === 'name' ? this.nameAnswer : this.inWords('parent.info.inWords');
    return new Question<string>(
      {
        id: fieldQuestionId(field),
        ask: `parent.info.${field}`,
        skippable: true,
        parse,
        asksAboutRisk: RISK_FIELDS.has(field),
        ...detailAskedBy(field),
      },
      this.services,
    );
  }

  /** A detail as said before it was asked, with whatever was added to it, said when it was first said. */
  private async keepSaidBefore(
    step: WaterfallStepContext,
    field: SaidField,
    said: { text: string; at: string },
    added: FieldAnswer,
  ): Promise<void> {
    // Skipped, not known, or "no": nothing to add.
    const more = added.kind === 'value' && readingOf(step.context, this.services).answer?.everyday !== 'no' ? added.value : undefined;
    const text = more ? `${said.text}; ${more}` : said.text;
    await this.record.update(step.context, (current) => ({
      ...current,
      info: { ...current.info, [field]: { kind: 'value', value: text.slice(0, 1000) } },
      saidAt: { ...current.saidAt, [field]: said.at },
    }));
  }

  private async saidBefore(step: WaterfallStepContext, field: string): Promise<{ text: string; at: string } | undefined> {
    if (!isSaidField(field)) return undefined;
    return (await conversationFactsRecord(this.services).get(step.context))[SAID_BEFORE[field]];
  }

  /** A bare "ok" or "yes" tells the police nothing ("any medical needs?" "yes"): asked what, not given to them as the answer. */
  private inWords(retry: string) {
    return (text: string, context: TurnContext): Parsed<string> =>
      readingOf(context, this.services).answer?.everyday === 'yes' ? { ok: false, retry } : textAnswer(text);
  }

  /** A bare "yes" or "no", or a sentence that opens with "no", is no one's name: asked again, not given to the police as one. */
  private readonly nameAnswer = (text: string, context: TurnContext): Parsed<string> => {
    const said = readingOf(context, this.services).answer?.everyday;
    // "no, but his dad lives in chatham" answers something else: it is no name either.
    const opensWithNo = this.services.understanding.everyday(text, turnLocale(context)) === 'no';
    // "sorry she is 13 not 14, im all over the place": an age put right, kept by itself, is no name.
    const ageSaid = readingOf(context, this.services).facts.ageYears !== undefined;
    return said === 'yes' || said === 'no' || opensWithNo || ageSaid ? { ok: false, retry: 'parent.info.nameInWords' } : textAnswer(text);
  };

  private async offerProfile(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const profile = stillKept(await this.profile.get(step.context), this.services.clock.now());
    if (!profile) return step.replaceDialog(LOOP);
    const messages = messagesFor(step.context, this.services);
    const savedOn = DateTime.fromISO(profile.savedAt, { zone: this.services.timeZone })
      .setLocale(messages.locale)
      .toFormat(messages.t('common.dateFormat'));
    return step.beginDialog(USE_PROFILE, { variables: { savedOn } });
  }

  private async applyProfile(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const profile = stillKept(await this.profile.get(step.context), this.services.clock.now());
    if (resultOf(step, yesNoResult) === 'yes' && profile) {
      // The saved description is kept beside the day's, which still asks what they were wearing.
      const { description, friendsNumbers, ...police } = profile.fields;
      await this.record.update(step.context, (current) => ({
        ...current,
        info: { ...police, ...current.info },
        savedDescription: description?.kind === 'value' ? description.value : current.savedDescription,
        friendsNumbers: friendsNumbers ?? current.friendsNumbers,
      }));
      await step.context.sendActivity(messagesFor(step.context, this.services).t('parent.info.profileUsed'));
    }
    return step.replaceDialog(LOOP);
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await withDetailsSaidLater(step.context, this.services);
    const parentCase = await this.record.get(step.context);
    const field = nextField(parentCase);
    loopValues.keep(step, { field });
    if (field === undefined) return step.endDialog({} satisfies PoliceInfoResult);
    const said = await this.saidBefore(step, field);
    if (said && isSaidField(field)) return step.beginDialog(addedQuestionId(field), { variables: { said: said.text } });
    return step.beginDialog(field === 'reporter' ? REPORTER : fieldQuestionId(field));
  }

  private async keep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { field } = loopValues.read(step);
    if (field === undefined) return step.endDialog({} satisfies PoliceInfoResult);
    const photo = field === 'photo' ? resultOf(step, z.enum(PHOTO_ANSWERS)) : undefined;
    const answer: FieldAnswer =
      photo === undefined ? resultOf(step, textAnswerResult) : photo === 'skip' ? { kind: 'skipped' } : { kind: 'value', value: photo };
    if (field === 'reporter') {
      await this.record.update(step.context, (current) => ({ ...current, reporter: answer }));
      return step.replaceDialog(LOOP);
    }
    const said = await this.saidBefore(step, field);
    if (said && isSaidField(field)) {
      await this.keepSaidBefore(step, field, said, answer);
      return step.replaceDialog(LOOP);
    }
    // "black puffer jacket and jeans" at "where were they last seen?" is what they wore: kept as
    // that, and the place asked again.
    // Once the description is given, it was kept beside it (withDetailsSaidLater). At a question
    // about what happened or where they might go, only an answer all about their looks is.
    const locale = turnLocale(step.context);
    const describes = (text: string) => this.services.understanding.describesAppearance(text, locale);
    if (
      answer.kind === 'value' &&
      (((field === 'whereLastSeen' || field === 'whoWith') && describes(answer.value)) ||
        ((field === 'circumstances' || field === 'placesAndPeople') && clausesOf(answer.value).every(describes)))
    ) {
      await this.record.update(step.context, (current) =>
        current.info.description === undefined
          ? {
              ...current,
              info: { ...current.info, description: answer },
              saidAt: { ...current.saidAt, description: this.services.clock.now().toISOString() },
            }
          : current,
      );
      await step.context.sendActivity(messagesFor(step.context, this.services).t('parent.info.notedAsDescription'));
      return step.replaceDialog(LOOP);
    }
    const updated = await this.record.update(step.context, (current) => ({
      ...current,
      info: { ...current.info, [field]: answer },
      saidAt: { ...current.saidAt, [field]: this.services.clock.now().toISOString() },
    }));
    if (field === 'dateOfBirth' && answer.kind === 'value') {
      const reading = readDateOfBirth(answer.value, this.services.clock.now(), this.services.timeZone);
      if (reading.kind === 'date' && reading.ageYears >= 18) {
        await this.record.update(step.context, (current) => ({ ...current, ageYears: reading.ageYears }));
        return step.endDialog({ adultAge: reading.ageYears } satisfies PoliceInfoResult);
      }
      if (reading.kind === 'date') {
        await this.record.set(step.context, {
          ...updated,
          ageYears: reading.ageYears,
          saidAt: { ...updated.saidAt, age: updated.saidAt.dateOfBirth ?? this.services.clock.now().toISOString() },
        });
      }
    }
    return step.replaceDialog(LOOP);
  }
}

/**
 * The case, with what was said of a detail after its question was answered ("she wears white air
 * forces", typed at the photo question; "sorry, she was last seen at the bus stop not the
 * school") added to the answer, as said: the police see both and decide. And the risks said in
 * passing ("hes autistic and doesnt have his phone"), for the police to hear first.
 */
export async function withDetailsSaidLater(context: TurnContext, services: DialogServices): Promise<ParentCase> {
  const facts = await conversationFactsRecord(services).get(context);
  const locale = turnLocale(context);
  return parentCaseRecord(services).update(context, (current) => {
    const info = { ...current.info };
    for (const field of Object.keys(SAID_BEFORE) as SaidField[]) {
      const answered = info[field];
      const said = facts[SAID_BEFORE[field]];
      if (!answered || !said) continue;
      // "no" to "anything else that worries you?", then a worry told: the worry, not "no; ...".
      const saidNo = answered.kind === 'value' && services.understanding.everyday(answered.value, locale, { wholeMessage: true }) === 'no';
      const before = answered.kind === 'value' && !saidNo ? answered.value : '';
      const later = said.text.split(SAID_JOINER).filter((piece) => !before.toLowerCase().includes(piece.toLowerCase()));
      if (later.length > 0) info[field] = { kind: 'value', value: [before, ...later].filter(Boolean).join(SAID_JOINER).slice(0, 1000) };
    }
    const statedRisks = RISKS_STATED.filter((fact) => facts.stated.includes(fact));
    // A time said again after the one kept ("sorry, half 7 not 7") replaces it, with when it was said.
    const seenAgain =
      facts.lastSeenSaid && facts.lastSeenCorrectedAt && current.lastSeen && facts.lastSeenCorrectedAt >= (current.saidAt.lastSeen ?? '')
        ? {
            lastSeen: { at: facts.lastSeenSaid.at, precision: facts.lastSeenSaid.precision },
            saidAt: { ...current.saidAt, lastSeen: facts.lastSeenCorrectedAt },
          }
        : {};
    return { ...current, info, statedRisks, ...seenAgain };
  });
}

const clausesOf = (text: string): string[] =>
  text
    .split(/[,;!?\n]|\.(?!\d)/u)
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '');

function nextField(parentCase: ParentCase): PoliceField | 'reporter' | undefined {
  const field = POLICE_FIELDS.find((candidate) => parentCase.info[candidate] === undefined && !answeredByRiskNo(parentCase, candidate));
  if (field) return field;
  return parentCase.reporter === undefined ? 'reporter' : undefined;
}
