// The closed lists content and code share: guidance files, roles, commands, checklist items,
// places and audit kinds. Content files are checked against them; code switches on them.

export const GUIDANCE_FILES = [
  '000_ed78f7103242404a.txt',
  '001_03c1220fa8561956.txt',
  '002_dbb4aa10625d9156.txt',
  '003_4454952f043df8a0.txt',
  '004_aa5a32e21878de7f.txt',
] as const;
export type GuidanceFile = (typeof GUIDANCE_FILES)[number];

export const DEFAULT_LOCALE = 'en-GB';

export const ROLES = ['parent', 'youngPerson', 'carer', 'professional'] as const;
export type Role = (typeof ROLES)[number];

/** Who a professional is, as the professional's journey asks. */
export const PROFESSIONS = ['teacher', 'socialWorker', 'health', 'police', 'other'] as const;
export type Profession = (typeof PROFESSIONS)[number];

/** What a professional is writing about. */
export const PROFESSIONAL_SITUATIONS = ['missingNow', 'back', 'exploitation'] as const;
export type ProfessionalSituation = (typeof PROFESSIONAL_SITUATIONS)[number];

/** Groups of children the guidance names for extra steps when they go missing. */
export const CHILD_GROUPS = ['uasc', 'placedFromElsewhere', 'privatelyFostered', 'none'] as const;
export type ChildGroup = (typeof CHILD_GROUPS)[number];

export const COMMANDS = ['help', 'startAgain', 'talkToPerson', 'backToBot', 'stop', 'deleteMyData', 'language'] as const;
export type Command = (typeof COMMANDS)[number];

export const CARER_ENQUIRIES = ['searchPremises', 'leads', 'residents', 'phoneRound', 'hospitalsCustody'] as const;
export type CarerEnquiry = (typeof CARER_ENQUIRIES)[number];

/**
 * What the carer is asked about the child before the police are called: known risks, and the
 * groups the guidance names (an unaccompanied asylum-seeking child, a child placed by another council).
 */
export const CARER_RISKS = [
  'carePlanReportNow',
  'exploitation',
  'selfHarm',
  'medical',
  'underThirteen',
  'asylumSeeking',
  'placedFromElsewhere',
] as const;
export type CarerRisk = (typeof CARER_RISKS)[number];

export const BOOKING_PLACES = ['school', 'youthHub', 'library', 'cafe', 'home', 'phone', 'video'] as const;
export type BookingPlace = (typeof BOOKING_PLACES)[number];

export const SEARCH_ITEMS = [
  'contactChild',
  'bedroomHouse',
  'gardenArea',
  'leads',
  'household',
  'friendsSchool',
  'hospitalsCustody',
] as const;
export type SearchItem = (typeof SEARCH_ITEMS)[number];

export const AUDIT_KINDS = [
  'advised-999',
  'advised-101',
  'human-requested',
  'human-alerted',
  'handoff-relayed',
  'handoff-ended',
  'handoff-relay-failed',
  'handoff-passed-on',
  'handoff-left',
  'handoff-limited',
  'sms-failed',
  'booking-made',
  'booking-changed',
  'booking-cancelled',
  'return-interview-declined',
  'reminder-sent',
  'notify-advised',
  'disclosure-heard',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** Facts people say in passing that a journey would otherwise ask. */
/** The age from which someone is an adult: never a child's age, and a partner of that age is a sign of grooming. */
export const ADULT_AGE = 18;

export const STATED_FACTS = [
  'noPhone',
  'asylumSeeking',
  'placedFromElsewhere',
  'medicalCondition',
  'notReported',
  'missingFromContact',
  'missingFromSchool',
  'courtOrder',
  /** Went missing in a public place ("at the park", "in the shopping centre"): a young child there is 999. */
  'missingFromPublicPlace',
  /** Rung or messaged and not answering ("straight to voicemail"): contact was tried. */
  'notAnswering',
  /** The police were called already ("ive rung 999", "police are on their way"): not told to call them as news. */
  'policeTold',
  /** An ambulance is called or there ("the ambulance is on its way"): not told to call 999 as news. */
  'ambulanceCalled',
  /** Rang the police and was told to wait ("they said wait 24 hours"): no report was taken, so reporting is still to do. */
  'policeSaidWait',
  /** Autism, a learning disability, ADHD: a need that puts a missing child at extra risk. */
  'additionalNeeds',
  /** Will not call 999 or go to hospital ("i dont want an ambulance, my mum will find out"): asked again, kindly, after a medical emergency. */
  'refusesEmergencyHelp',
  /** Out in the cold or nowhere to stay ("its freezin", "sleeping rough"): somewhere safe tonight is the help. */
  'nowhereToStay',
  /** Says they are scared ("im scared", "so scared rn"): at "are you safe right now?", not safe. */
  'feelsScared',
  /** The missing child has been in touch ("her phone just came on, shes texted"): news for the police, not a return. */
  'childInTouch',
  /** Where the missing child is or was seen, learned while they are gone ("his snap story shows hes on a train"): news for the police. */
  'childSighted',
  /** The police were told on 101, not 999 ("i rang 101 earlier"): danger said beside it is still for 999 now. */
  'reportedOn101',
  /** Gone missing before ("hes gone missing once before last summer"): a risk the police ask about. */
  'missingBefore',
  /** When or how they would act ("yes tonight", "ive got everything ready"): said to the straight question, 999 now. */
  'actingSoon',
  /** The child's care plan says to report them missing at once ("his care plan says report straight away"). */
  'carePlanReportNow',
  /** The police know the child is back or have seen them since ("police brought her home", "they've been round already"). */
  'policeKnowBack',
] as const;
export type StatedFact = (typeof STATED_FACTS)[number];

/** What the reader of typed text finds (bot/understanding). */
export const DANGER_CATEGORIES = [
  'immediate',
  'suicideSelfHarm',
  'medical',
  'takenHeld',
  'violenceAbuse',
  'sexualHarm',
  'exploitation',
] as const;
export type DangerCategory = (typeof DANGER_CATEGORIES)[number];

/** The kinds in any of the lists, once each, in DANGER_CATEGORIES' order: what a booking keeps. */
export const dangerKinds = (...lists: ReadonlyArray<readonly DangerCategory[]>): DangerCategory[] =>
  DANGER_CATEGORIES.filter((category) => lists.some((list) => list.includes(category)));

export const DISCLOSURES = ['hurtAtHome', 'thrownOut', 'scaredToGoHome', 'madeToDoThings', 'childExploited'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];

export const QUESTIONS_ASKED = [
  'police',
  'trouble',
  'confidential',
  'returnInterview',
  'wait24h',
  'callForMe',
  'policeSaidWait',
  'collectThem',
  'whenToReport',
  'cantCallSafely',
  /**
   * "no i cant call they take my phone": from a young person (or someone not yet known), how to get
   * help without a call. A parent who "cant call him" is asking nothing of the kind: no rule for them.
   */
  'cannotCall',
  /** "will the police take me back home?", "i dont want to go back": a young person's fear of being returned. */
  'takenBack',
  /** "do i ring her social worker now?": who in children's services to tell, at this hour. */
  'tellSocialWorker',
  /** "what do they need from me?": what the police will ask for when a child is reported missing. */
  'whatPoliceNeed',
  /** "fuck off you stupid bot", "this is useless": frustration with the bot, met with the ways to a person and the numbers. */
  'frustrated',
  /** "what do i do next?", asked while a question waits: the steps come one at a time, this one first. */
  'whatNext',
  /** "is this the police?", "so youre not the police?": it is not, and telling it reports nothing. */
  'isThisPolice',
  'cannotPhone',
  'childInTrouble',
  'isThisBot',
  /** "my manager on call isnt answering": a carer or worker who cannot reach the person they report to. */
  'managerUnreachable',
  /** "i cant get through to 999 its just ringing": the call is queued, not lost. */
  'cannotGetThrough',
  /** "should i tell someone, shell be mad at me": whether to pass on what they know of someone missing. Yes. */
  'shouldTell',
  /** "should i go out looking or stay home?": both, if safe: search and phone round, then 101. */
  'goLooking',
  /** "is it even missing if she texted?": not knowing where they are is missing, until they are found safe. */
  'isItMissing',
  /** "do i tell the police shes back?": yes, on 101, for their safe and well check. */
  'tellPoliceBack',
] as const;
export type QuestionAsked = (typeof QUESTIONS_ASKED)[number];

/** A question asked that the bot has no answer of its own for: it says where answers are. */
export const QUESTION_UNANSWERED = 'unanswered';

/** A booking asked to be cancelled or moved in one's own words ("cancel it", "can we do friday instead"). */
export const BOOKING_REQUESTS = ['cancel', 'change'] as const;

/** Who a young person would rather meet, asked for in their own words ("can it be with a woman"). */
export const WORKER_WISHES = ['woman', 'man'] as const;
export type WorkerWish = (typeof WORKER_WISHES)[number];
export type BookingRequest = (typeof BOOKING_REQUESTS)[number];

export const SITUATIONS = ['missingNow', 'back', 'away', 'prepare'] as const;
export type Situation = (typeof SITUATIONS)[number];
