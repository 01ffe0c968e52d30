// The shape of what the reader of typed text works from: content/understanding/<language>.json
// (text speak, negations, everyday answers, cues for who is writing, what is happening and
// what they disclose) and content/rules/danger-phrases.json (danger, by category, each sourced).
import { z } from 'zod';
import { sourceSchema } from './sourceSchema';
import { DANGER_CATEGORIES, DISCLOSURES, BOOKING_REQUESTS, QUESTIONS_ASKED, SITUATIONS, STATED_FACTS, WORKER_WISHES } from './vocabulary';

export const EVERYDAY_ANSWERS = ['yes', 'no', 'unknown', 'skip'] as const;
export type EverydayAnswer = (typeof EVERYDAY_ANSWERS)[number];

const phraseList = z.array(z.string().min(1)).min(1);
const language = z.string().regex(/^[a-z]{2,3}$/);

export const dangerPhrasesSchema = z
  .object({
    summary: z.string(),
    source: z.array(sourceSchema).min(1),
    categories: z.record(
      z.enum(DANGER_CATEGORIES),
      z.object({ summary: z.string().min(5), source: z.array(sourceSchema).min(1), phrases: z.record(language, phraseList) }).strict(),
    ),
    /** Everyday sayings that hold a danger phrase's words and mean no danger ("fit as a fiddle", "dying to know"). */
    lookAlikes: z.record(language, phraseList).default({}),
  })
  .strict()
  .superRefine((file, ctx) => {
    for (const category of DANGER_CATEGORIES) {
      if (!file.categories[category].phrases.en) ctx.addIssue({ code: 'custom', path: ['categories', category, 'phrases', 'en'], message: 'English phrases are required' });
    }
  });
export type DangerPhrases = z.infer<typeof dangerPhrasesSchema>;

const labelled = <Label extends string>(labels: readonly [Label, ...Label[]]) => z.record(z.enum(labels), phraseList);

export const understandingSchema = z
  .object({
    summary: z.string(),
    textSpeak: z.record(z.string().regex(/^[\p{Ll}\p{N}]+$/u), z.string()),
    reflexives: z.array(z.string().min(1)),
    negations: phraseList,
    clauseBreaks: phraseList,
    /**
     * A clause that opens with one of `words` and goes on with one of `subjects` ("no he has
     * asthma") answers the question first and then says something new: the answer word negates
     * nothing after it.
     */
    answerFirst: z
      .object({ words: z.array(z.string().min(1)), subjects: z.array(z.string().min(1)) })
      .strict()
      .default({ words: [], subjects: [] }),
    /**
     * A negation with its verb left out, then a new subject ("if i dont he says hell hurt my
     * brother"): the negation is a clause of its own and negates nothing after it.
     */
    negationThenSubject: z
      .object({ words: z.array(z.string().min(1)), subjects: z.array(z.string().min(1)) })
      .strict()
      .default({ words: [], subjects: [] }),
    /**
     * Words that open a noun phrase ("my", "the"): a phrase may have one other word between two
     * of its own, or two when the first of them is one of these ("pulled my daughter into a car").
     */
    nounOpeners: z.array(z.string().regex(/^[\p{Ll}\p{N}]+$/u)).default([]),
    /** Everyday words a one-letter typo rule would otherwise turn into a danger word; each has a probe test. */
    protectedWords: z.array(z.string().regex(/^[\p{Ll}\p{N}]+$/u)).default([]),
    answers: z
      .object({
        yes: phraseList,
        no: phraseList,
        unknown: phraseList,
        skip: phraseList,
        /** "nearly 15": the age is one less. */
        ageSooner: phraseList,
        /** "15 in march": the age is one less. */
        ageBirthdaySoon: phraseList,
        /** "hes ok", "she's fine": well, which is a no to "are they hurt or unwell?". */
        fine: z.array(z.string().min(1)).default([]),
        /** A whole message that answers in English but means another thing here (Polish "no" is "yeah"): asked again. */
        notInThisLanguage: z.array(z.string().min(1)).default([]),
        /** Words that open with an answer word and are no answer ("no one would care", "nobody"). */
        lookAlikes: z.array(z.string().min(1)).default([]),
        /** Words that may follow a yes in its clause and leave it a yes ("shes safe now", "yes thanks"). */
        tails: z.array(z.string().min(1)).default([]),
        /**
         * No-words that, after a negation in their clause, echo it and answer nothing (Romanian
         * "nimeni nu stie nimic", nobody knows anything); English "not in danger no" still answers.
         */
        echoes: z.array(z.string().min(1)).default([]),
      })
      .strict(),
    disclosures: labelled(DISCLOSURES),
    /** Words that hold a disclosure's cue and do not say it ("they said i have to do a return interview"). */
    disclosureLookAlikes: z.array(z.string().min(1)).default([]),
    writers: labelled(['parent', 'youngPerson', 'carer', 'professional'] as const),
    /** Words that hold a writer's cue and are someone else ("her social worker", "his teacher"): no writer. */
    writerLookAlikes: z.array(z.string().min(1)).default([]),
    situations: labelled(SITUATIONS),
    /**
     * How an age is said in passing ("hes 14", "14yo", "aged 14"): words just after the number,
     * words just before it, and who the number is said of ("he is 14").
     */
    ageCues: z
      .object({
        after: z.array(z.string().min(1)),
        before: z.array(z.string().min(1)),
        subjects: z.array(z.string().min(1)),
        /** Someone other than the child ("her boyfriend is 17", "a man who is 20"): an age said of them is not the child's. */
        others: z.array(z.string().min(1)).default([]),
        /**
         * Words that say a person is male or female ("he", "his"; "she", "her"): "at her boyfriends,
         * hes 19" is the boyfriend's age, "at her mates, shes 14" the child's.
         */
        male: z.array(z.string().min(1)).default([]),
        female: z.array(z.string().min(1)).default([]),
        /**
         * A child's partner, or a man or woman with them ("boyfriend", "a guy"): an adult's age said
         * of one ("her girlfriend, she 22", "a 25yo bloke") is a sign of grooming.
         */
        partners: z.array(z.string().min(1)).default([]),
        /** Words after a number that make it no age ("22 mins away", "the 22 bus"). */
        units: z.array(z.string().min(1)).default([]),
        /** The writer's own ("my", "our"): "my daughter Chloe, 14" and "my son jake (12)" give the child's age. */
        own: z.array(z.string().min(1)).default([]),
        /** Words that take an age back ("14 no wait 13", "14 sorry 13"): the number after them is the age. */
        corrections: z.array(z.string().min(1)).default([]),
        /** A brother or sister: "her brother is 17" is the sibling's age, "my brother is 14" may be the child's. */
        siblings: z.array(z.string().min(1)).default([]),
        /**
         * A relative other than the writer's own child ("nephew", "cousin", "brother"): an age said
         * of one, once the child's age is known, is the relative's ("my nephew Kyle who is 12").
         */
        relatives: z.array(z.string().min(1)).default([]),
        /** Subjects that name no one ("who", "they", "i"): the person an age is said of stands further back. */
        pronouns: z.array(z.string().min(1)).default([]),
        /** Verbs that say an age ("she is 13", Polish "ona ma 13"). */
        verbs: z.array(z.string().min(1)).default([]),
        /** Whose, when it is not the writer's ("her", "his", "their"). */
        possessives: z.array(z.string().min(1)).default([]),
        /** Verbs of a birthday ("she turned 15 last month"): the number is an age whatever follows it. */
        birthdays: z.array(z.string().min(1)).default([]),
        /** The word between an age meant and one taken back ("13 not 14 sorry"). */
        insteadOf: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .default({
        after: [],
        before: [],
        subjects: [],
        others: [],
        male: [],
        female: [],
        partners: [],
        units: [],
        siblings: [],
        relatives: [],
        pronouns: [],
        verbs: [],
        possessives: [],
        own: [],
        corrections: [],
        birthdays: [],
        insteadOf: [],
      }),
    /** Pills or tablets, by any name: a number of them taken ("took like 20 paracetamol") is an overdose. */
    pillWords: z.array(z.string().regex(/^[^\s\d]+$/u, 'one word, no digits')).default([]),
    /** Words for something taken that may not be pills ("took some stuff"): something taken, but no count of pills ("22 he buys me stuff"). */
    takenWords: z.array(z.string().regex(/^[^\s\d]+$/u, 'one word, no digits')).default([]),
    /** A body hurt now and needing an ambulance ("wont stop bleeding", "passed out"): beside talk of self-harm, the ambulance comes first. */
    injuriesNow: z.array(z.string().min(1)).default([]),
    /**
     * Words that put what a clause tells long in the past ("3 years ago", "last month"): danger
     * told in that clause is history to note, not an emergency now ("she took an overdose 3 years ago").
     */
    longPast: z.array(z.string().min(1)).default([]),
    /** Words that keep such history going now, anywhere in the message ("she tried last year and shes going to try again"). */
    stillNow: z.array(z.string().min(1)).default([]),
    /**
     * Times that put a return in an earlier episode, said beside words of being gone now ("not back
     * ... she came back last week with a key card"): that return is not now. The long-past words count too.
     */
    earlierReturns: z.array(z.string().min(1)).default([]),
    /**
     * Words that say the role chosen was a mistake ("wrong button", "im not a parent"): with
     * another writer said, the journey chosen is left and the message read as the first.
     */
    roleMistakes: z.array(z.string().min(1)).default([]),
    /**
     * Places where a life could be ended ("sat at the train station", "the multi storey"): after
     * talk of ending a life, being there is danger now.
     */
    meansPlaces: z.array(z.string().min(1)).default([]),
    /** Facts said in passing that a journey would otherwise ask ("no phone", "asylum seeker"). */
    factCues: z.partialRecord(z.enum(STATED_FACTS), phraseList).default({}),
    /** Words that hold a fact's cue and do not say it ("before we had even called the police"). */
    factLookAlikes: z.array(z.string().min(1)).default([]),
    /** Words before when a missing child was last seen ("went out at 7", "last saw her at"): that moment is kept, to confirm rather than ask. */
    lastSeenCues: z.array(z.string().min(1)).default([]),
    /** Words before when a child was due back ("meant to be in by 10", "curfew was 9.30"): what a carer is asked, never a parent's last sight. */
    dueBackCues: z.array(z.string().min(1)).default([]),
    /** Words that take back a time just said ("half 7 no wait more like quarter to 7"): the later one is meant. */
    timeTakenBack: z.array(z.string().min(1)).default([]),
    /**
     * Words before where a missing child was last seen ("last seen at the park", "was seen near"):
     * the place, and anyone named with "with", are kept for the police rather than asked.
     */
    whereSeenCues: z.array(z.string().min(1)).default([]),
    /**
     * Words that say a detail given before was wrong ("sorry i got that wrong", "i meant"): the
     * message is kept beside that detail for the police, not taken as the answer to the question on screen.
     */
    correctionCues: z.array(z.string().min(1)).default([]),
    /** Words before who a child went with ("went off with", "left with"): kept when a person is named. */
    seenWithCues: z.array(z.string().min(1)).default([]),
    /** The word that opens who someone was with ("with"), after a place they were seen. */
    companyOpeners: z.array(z.string().min(1)).default([]),
    /** People a child may be with ("friends", "his mate", "older lads"): "went off with some older lads" says who with. */
    companyWords: z.array(z.string().min(1)).default([]),
    /**
     * Who talk of ending a life is about: the writer ("i", "myself") or someone else ("she",
     * "herself", "my mate"), by the nearest such word before it in its clause. A parent who says
     * "i just want to go to sleep and not wake up" is asked about themselves, not told about the child.
     */
    speakerWords: z.array(z.string().min(1)).default([]),
    othersWords: z.array(z.string().min(1)).default([]),
    speakerReflexives: z.array(z.string().min(1)).default([]),
    othersReflexives: z.array(z.string().min(1)).default([]),
    /** The writer's own ("my"), among danger words ("keeps coming in my room at night"): the danger is theirs. */
    speakerPossessives: z.array(z.string().min(1)).default([]),
    /** Someone else's ("his", "their") before a part of the body among the danger words: "burns on his arms" is his danger, whoever saw it ("his pills" says nothing of whose). */
    othersPossessives: z.array(z.string().min(1)).default([]),
    /** Parts of the body ("arms", "wrists"), for `othersPossessives`. */
    bodyWords: z.array(z.string().min(1)).default([]),
    /**
     * The people a child lives with ("dad", "stepdad"): one named before a threat or violence to the
     * writer ("my dad said if i tell anyone hell kill me") says the harm is at home.
     */
    householdWords: z.array(z.string().min(1)).default([]),
    /** Words that report what someone said ("shes saying", "he texted"): whom it is about is whoever says it. */
    sayingWords: z.array(z.string().min(1)).default([]),
    /** Words that join the writer to someone else ("me and my mate"): both are meant. */
    togetherWords: z.array(z.string().min(1)).default([]),
    /** Words that only say when ("about", "last night", "pm"): "last seen at 6pm" names no place. */
    whenWords: z.array(z.string().min(1)).default([]),
    /** Words that open a thing, not a person ("his", "a", "no"): "with his bike" names no one, "with liam" does. */
    thingOpeners: z.array(z.string().min(1)).default([]),
    /** Words that look like a situation's cue but are not one ("the back door", "usually back by"). */
    situationLookAlikes: z.array(z.string().min(1)).default([]),
    /** Words that turn to how things are now ("ran away saturday but now im back"): what follows them is the situation. */
    turnabouts: z.array(z.string().min(1)).default([]),
    /** Questions a young person asks at any point ("will I get in trouble?"). */
    questions: labelled(QUESTIONS_ASKED),
    /** A booking asked to be cancelled or moved in one's own words: acted on when the conversation has one. */
    bookingRequests: z.partialRecord(z.enum(BOOKING_REQUESTS), phraseList).default({}),
    /** Who they would rather meet, as asked ("can it be with a woman", "i'd prefer a man"): kept for the booking. */
    workerWishes: z.partialRecord(z.enum(WORKER_WISHES), phraseList).default({}),
    /** Times and days said in words, as words the date recognizers read ("teatime" -> "17:00", "wczoraj" -> "yesterday"). */
    times: z.record(z.string().min(1), z.string().min(2)).default({}),
    /** Words that put an hour said without am or pm in the school day: "finished school at 3.15" is 15:15, "left for school at 8" is 08:00. */
    schoolDay: z.array(z.string().min(1)).default([]),
    /** Words before a police reference ("ref", "log number", "numer zgłoszenia"): the reference after them is kept. */
    referenceCues: z.array(z.string().min(1)).default([]),
    /** Greetings said as a whole message ("hi", "dzień dobry"): greeted back, not "didn't catch that". */
    greetings: z.array(z.string().min(1)).default([]),
    /** Thanks or goodbye said as a whole message after a journey has ended ("thanks", "ok bye"): answered, not started again. */
    closings: z.array(z.string().min(1)).default([]),
    /**
     * Words that describe how someone looks or what they wear ("black puffer jacket", "blonde
     * hair"), and words that name a place ("at", "park", "station"): an answer to "where were they
     * last seen?" with the first and none of the second is their description.
     */
    appearance: z.array(z.string().min(1)).default([]),
    placeWords: z.array(z.string().min(1)).default([]),
    /** Words of relief or dismay that add nothing ("thank god", "omg"): "shes just walked in!! thank god" is still only "walked in". */
    exclamations: z.array(z.string().min(1)).default([]),
    /** Words after an hour that add half of one ("9 și jumătate" is 9:30). */
    halfPast: z.array(z.string().min(1)).default([]),
    /** Words before a day or time that rule it out ("cant do", "not", "except"), when choosing a time to meet. */
    notThen: z.array(z.string().min(1)).default([]),
    /** Words that may stand beside a language's name when someone asks for it ("Polish please", "in romana va rog"). */
    languageRequest: z.array(z.string().min(1)).default([]),
    /** Words that may stand around a command and leave it a command ("can i talk to a real person please"). */
    commandRequest: z.array(z.string().min(1)).default([]),
    /** First words (one or two) that ask, with or without a question mark ("where can i go tonight", "czy"). */
    questionOpeners: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type UnderstandingLexicon = z.infer<typeof understandingSchema>;
