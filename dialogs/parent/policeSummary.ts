// The police summary: every answer, in the order a 101 call handler asks, with the last-seen
// time as an absolute date and time and how long ago, each answer with when it was said, and who
// gave it and when at its foot.
// An Adaptive Card where cards render; numbered plain text elsewhere (the SMS edge splits it).
import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { turnChannelOf } from '../../bot/turn/turnChannel';
import type { Messages } from '../../bot/content/i18n';
import { describeMoment } from '../base/pastMomentDialog';
import { messagesFor, type DialogServices } from '../../bot/turn/services';
import { answeredByRiskNo, RISK_FACTORS, type FieldAnswer, type ParentCase, type PoliceField } from './parentCase';

type SummaryField = PoliceField | 'age' | 'lastSeen' | 'riskFactors' | 'savedDescription' | 'friendsNumbers';

/** The call handler's order. */
const ORDER: SummaryField[] = [
  'name',
  'dateOfBirth',
  'age',
  'lastSeen',
  'whereLastSeen',
  'whoWith',
  'savedDescription',
  'description',
  'photo',
  'medicalNeeds',
  'riskFactors',
  'circumstances',
  'placesAndPeople',
  'friendsNumbers',
  'previousEpisodes',
  'increasesRisk',
];

export interface SummaryLine {
  field: SummaryField;
  label: string;
  value: string;
  /** When it was said ("said 23:05"), where the journey knows. */
  said?: string;
}

export function summaryLines(
  parentCase: ParentCase,
  messages: Messages,
  services: Pick<DialogServices, 'clock' | 'timeZone'>,
): SummaryLine[] {
  const answer = (value: FieldAnswer | undefined): string => {
    if (!value || value.kind === 'skipped') return messages.t('parent.summary.notGiven');
    if (value.kind === 'unknown') return messages.t('parent.summary.unknown');
    return value.value;
  };
  const valueOf = (field: SummaryField): string | undefined => {
    switch (field) {
      case 'age':
        // Asked and not known (a grandparent, a new carer): the police see that it was asked.
        if (parentCase.ageYears === undefined) return parentCase.saidAt.age ? messages.t('parent.summary.unknown') : undefined;
        return String(parentCase.ageYears);
      case 'lastSeen':
        return parentCase.lastSeen
          ? messages.t('parent.summary.lastSeenValue', describeMoment(parentCase.lastSeen, messages, services))
          : messages.t('parent.summary.unknown');
      case 'dateOfBirth': {
        const given = parentCase.info.dateOfBirth;
        if (given?.kind !== 'value') return answer(given);
        return DateTime.fromISO(given.value).setLocale(messages.locale).toFormat(messages.t('common.dateFormat'));
      }
      case 'photo': {
        const given = parentCase.info.photo;
        if (given?.kind !== 'value') return answer(given);
        return messages.t(given.value === 'yes' ? 'parent.summary.photoReady' : 'parent.summary.photoNotReady');
      }
      case 'riskFactors': {
        const named = [
          ...RISK_FACTORS.filter((factor) => parentCase.risk[factor]).map((factor) => messages.t(`parent.summary.riskNames.${factor}`)),
          // Said in passing, and never asked as a question: "a medical condition" beside its answer is the same worry.
          ...parentCase.statedRisks
            .filter((fact) => !(fact === 'medicalCondition' && parentCase.risk.medical))
            .map((fact) => messages.t(`handoff.facts.${fact}`)),
        ];
        return named.length > 0 ? named.join('; ') : messages.t('parent.summary.noneSaid');
      }
      // Only from a profile prepared in advance: no line when there was none.
      case 'savedDescription':
        return parentCase.savedDescription;
      case 'friendsNumbers':
        return parentCase.friendsNumbers && answer(parentCase.friendsNumbers);
      default:
        // Answered "no" at the risk questions, and not asked again.
        return answeredByRiskNo(parentCase, field) ? messages.t('parent.summary.noneSaid') : answer(parentCase.info[field]);
    }
  };
  const saidOf = (field: SummaryField): string | undefined => {
    const at = (parentCase.saidAt as Partial<Record<SummaryField, string>>)[field];
    // "Name: not given" was said at no time.
    if (!at || (parentCase.info as Partial<Record<SummaryField, FieldAnswer>>)[field]?.kind === 'skipped') return undefined;
    const when = DateTime.fromISO(at, { zone: services.timeZone }).setLocale(messages.locale).toFormat(messages.t('common.dateTimeFormat'));
    return messages.t('parent.summary.saidAt', { when });
  };
  return ORDER.flatMap((field) => {
    const value = valueOf(field);
    if (value === undefined) return [];
    const said = saidOf(field);
    return [{ field, label: messages.t(`parent.summary.fields.${field}`), value, ...(said ? { said } : {}) }];
  });
}

export function summaryFooter(parentCase: ParentCase, messages: Messages, services: Pick<DialogServices, 'clock' | 'timeZone'>): string {
  const when = DateTime.fromJSDate(services.clock.now(), { zone: services.timeZone })
    .setLocale(messages.locale)
    .toFormat(messages.t('common.dateTimeFormat'));
  const reporter = parentCase.reporter?.kind === 'value' ? parentCase.reporter.value : undefined;
  return reporter ? messages.t('parent.summary.footer', { reporter, when }) : messages.t('parent.summary.footerNoName', { when });
}

/** "For the police (101)", or without the number once 999 was advised: then they say it on 999 or to the officers who come. */
export const summaryTitle = (messages: Messages, afterEmergency: boolean): string =>
  messages.t(afterEmergency ? 'parent.summary.titleAfterEmergency' : 'parent.summary.title');

/** The summary as numbered plain text, as it goes by SMS. */
export function summaryText(
  parentCase: ParentCase,
  messages: Messages,
  services: Pick<DialogServices, 'clock' | 'timeZone'>,
  afterEmergency: boolean,
): string {
  const numbered = summaryLines(parentCase, messages, services).map(
    (line, index) => `${index + 1}. ${line.label}: ${line.value}${line.said ? ` (${line.said})` : ''}`,
  );
  return [summaryTitle(messages, afterEmergency), ...numbered, summaryFooter(parentCase, messages, services)].join('\n');
}

export function summaryActivities(
  context: TurnContext,
  parentCase: ParentCase,
  services: DialogServices,
  afterEmergency: boolean,
): Array<Partial<Activity>> {
  const messages = messagesFor(context, services);
  if (!turnChannelOf(context).showsCards) return [MessageFactory.text(summaryText(parentCase, messages, services, afterEmergency))];
  const lines = summaryLines(parentCase, messages, services);
  const footer = summaryFooter(parentCase, messages, services);
  const title = summaryTitle(messages, afterEmergency);
  const card = CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.3',
    body: [
      { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
      // A label above each answer rather than a FactSet: its narrow title column breaks words on a phone.
      ...lines.map((line) => ({
        type: 'Container',
        spacing: 'Small',
        items: [
          { type: 'TextBlock', text: line.label, weight: 'Bolder', wrap: true },
          { type: 'TextBlock', text: line.value, wrap: true, spacing: 'None' },
          ...(line.said ? [{ type: 'TextBlock', text: line.said, isSubtle: true, size: 'Small', wrap: true, spacing: 'None' }] : []),
        ],
      })),
      { type: 'TextBlock', text: footer, isSubtle: true, wrap: true },
    ],
  });
  return [MessageFactory.attachment(card)];
}
