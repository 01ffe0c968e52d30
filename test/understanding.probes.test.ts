// Probes that try to break each shortcut in reading: negation reaching too far, typos turning
// everyday words into danger words, "back" in other senses, an answer and an alarm in one
// message, facts said in passing, and another language's words read as English text speak.
// Written by hand for this purpose; none is in the corpus.
import { loadContent } from '../bot/content/loadContent';
import { createLocaliser } from '../bot/content/i18n';
import { createUnderstanding } from '../bot/understanding/understand';
import { yesNoUnsureChoices } from '../dialogs/base/yesNo';
import { readAnswer } from '../bot/understanding/openQuestion';
import { situationChoices } from '../dialogs/parent/parentJourneyDialog';

const content = loadContent({ area: 'kent' });
const understanding = createUnderstanding(content, { dangerAlwaysIn: content.area.languages });
const messages = createLocaliser(content).messages('en-GB');
const yesNoMeant = (text: string) => readAnswer(text, yesNoUnsureChoices.asked('yesNo'), messages, understanding).option;
const heard = (text: string, locale = 'en-GB') => {
  const reading = understanding.read(text, locale);
  return [...reading.danger, ...reading.concern];
};

describe('a negation covers its own clause only', () => {
  it.each([
    ['no, but he has a knife', 'immediate'],
    ['not really, she said she wants to sleep and never wake up', 'suicideSelfHarm'],
    ['no. he took a load of pills', 'medical'],
    ["he isn't hurt but he is bleeding from his head", 'medical'],
    ['nah not hurt tho someone is following him', 'immediate'],
    ['no\nhe has been stabbed', 'violenceAbuse'],
    ['no - he said the men took her', 'takenHeld'],
    ['no he took all his tablets', 'suicideSelfHarm'],
    ['nah she has diabetes and no insulin with her', 'medical'],
    ['لا هو أخذ حبوب كثيرة', 'immediate'],
  ])('"%s" is danger (%s)', (text, category) => {
    expect(heard(text)).toContain(category);
  });

  it.each([
    'no, she is not in danger',
    'he is not suicidal',
    'no knife missing from the drawer',
    'she does not self harm',
    'he has never taken drugs',
  ])('"%s" is not danger', (text) => {
    expect(understanding.read(text, 'en-GB').danger).toEqual([]);
  });

  it('a leading "no" before a new subject answers the question, with or without a comma', () => {
    expect(yesNoMeant('no he has asthma but has his inhaler')).toBe('no');
    expect(understanding.read('no he has asthma but has his inhaler', 'en-GB').facts.said).toContain('medicalCondition');
    expect(understanding.read('no she hasnt got asthma', 'en-GB').facts.said).not.toContain('medicalCondition');
  });

  it('a condition with its medication is a fact, not a 999; without it, or never taken, it is danger', () => {
    for (const text of [
      'no she has diabetes but took her insulin kit',
      'he has enough insulin for tonight',
      'his insulin is in his bag with him',
    ]) {
      expect(understanding.read(text, 'en-GB').danger).toEqual([]);
      expect(understanding.read(text, 'en-GB').facts.said).toContain('medicalCondition');
    }
    for (const text of ['she never took her insulin', 'she is type 1, left her hypo kit at home', 'only a bit of insulin left']) {
      expect(understanding.read(text, 'en-GB').danger).toContain('medical');
    }
  });

  it('a leading "no," answers the question and the rest is read on its own', () => {
    expect(yesNoMeant('no, but he has a knife')).toBe('no');
    expect(understanding.read('no, but he has a knife', 'en-GB').danger).toContain('immediate');
  });
});

describe('an answer is read as people mean it', () => {
  it.each([
    ['no first time', 'no'],
    ["she's not breathing", undefined],
    ['yes she is', 'yes'],
    ['not really', 'no'],
    ['idk maybe', 'unsure'],
    ['the first one please', 'yes'],
    ['he is 13', undefined],
    ['she is at her dads', undefined],
    ['nah dont think so', 'no'],
    ['yes no answer', 'yes'],
    ['no credit on my phone', undefined],
    ['ok what number', undefined],
    ['ok forget it my sons 17 hes not back', undefined],
  ])('"%s" at a yes/no/not sure question is %s', (text, expected) => {
    expect(yesNoMeant(text)).toBe(expected);
  });

  it.each([
    ['came home an hour ago, hes ok but wont talk', 'well'],
    ['she is not ok at all', 'notWell'],
    ['no injuries that i can see', 'well'],
  ])('"%s" says someone is %s (a no, or a yes, to "hurt or unwell?")', (text, expected) => {
    expect(understanding.wellbeing(text, 'en-GB')).toBe(expected);
  });
});

describe('who is writing, by the words that say it', () => {
  it.each([
    ['I am night staff at childrens home. one boy is not returned', 'carer'],
    ['foster carer, 15yo lad not back, was due at 10', 'carer'],
    ['my daughter is 11 and she never came back from her dads', 'parent'],
    // As strong either way: who they said they are, first.
    ['residential worker here, one of our girls (15) never came back from college', 'carer'],
  ])('"%s" is written by a %s', (text, writer) => {
    expect(understanding.read(text, 'en-GB').writer).toBe(writer);
  });

  it('"her social worker" is someone else, not who writes; "i am her social worker" is', () => {
    expect(understanding.read('do i ring her social worker now?', 'en-GB').writer).toBeUndefined();
    expect(understanding.read('i am her social worker, she is missing', 'en-GB').writer).toBe('professional');
  });

  it('an age in brackets after "our girls" is the age; "came back" said first is a return, not "at a mates"', () => {
    expect(understanding.read('residential worker here, one of our girls (15) never came back from college', 'en-GB').facts.ageYears).toBe(
      15,
    );
    expect(understanding.read('i came back this morning, i was at a mates', 'en-GB').situation).toBe('back');
  });
});

describe('a return and where they went missing from, in their own words', () => {
  it('"got home" and "turned up" are a return; "hasnt got home" is not', () => {
    expect(understanding.read('my son got home an hour ago hes 12', 'en-GB').situation).toBe('back');
    expect(understanding.read('she turned up at her nans this morning', 'en-GB').situation).toBe('back');
    expect(understanding.read('he hasnt got home yet', 'en-GB').situation).not.toBe('back');
  });

  it('"never came back from contact" is where they went missing from; "got home from school, then went out" is not', () => {
    expect(understanding.read('no, she never came back from contact with her mum', 'en-GB').facts.said).toContain('missingFromContact');
    const cameHome = understanding.read('he got home from school at 4 then went out again', 'en-GB').facts.said;
    expect(cameHome).not.toContain('missingFromSchool');
  });
});

describe('a typo is forgiven only where no real word becomes a danger word', () => {
  it.each([
    'tall, brown hair, glasses',
    'his ankle is nearly better',
    'shes got a sore throat',
    'the battery on his phone is low',
    'the car broke down on the way',
    'ate a chicken wrap on the way home',
    'how do we class a missing episode',
    'he had a panic attack in class but is fine now',
    'we had a shot at ringing his mates',
  ])('"%s" is not danger', (text) => {
    expect(understanding.read(text, 'en-GB').danger).toEqual([]);
  });

  it('a real misspelling of a danger word is still heard', () => {
    expect(heard('she took an overdoze')).not.toEqual([]);
    expect(heard('he is sucidal')).not.toEqual([]);
  });
});

describe('everyday sayings that hold danger words', () => {
  it.each([
    'he is fit as a fiddle',
    'my mum is gonna kill me when i get in lol',
    'killing myself laughing at this',
    'dying to know if she is ok',
    'the knife block is still full',
    'i got confused with her birthday',
    'hi im an emergency foster carer',
    'i cant talk to my mum about it',
    'cant talk to my dad about this stuff, he just shouts',
    "she's been cutting school a bit and vaping thats it",
    'my mates dad said i can stay at his tonight',
    'hes sleeping in a car park because his step dad kicked him out',
    'shes in danger of failing her exams',
  ])('"%s" is not danger', (text) => {
    expect(understanding.read(text, 'en-GB').danger).toEqual([]);
  });

  it('"cant talk" while someone is there to hear is still being held', () => {
    for (const text of ['cant talk hes here', 'i cant talk they will hear me'])
      expect(understanding.read(text, 'en-GB').danger).toContain('takenHeld');
  });
});

describe("grooming told in a young person's words", () => {
  it.each([
    "he says if i tell anyone about us he'll get in trouble n its my fault",
    'he said its our little secret',
    'his mates give me stuff to hold',
    'well i said about the snapchat lad, i dont know who he is',
    'he wants me to keep a bag at mine for him',
    'a guy said hed meet me at the station',
  ])('"%s" is heard as danger (exploitation or sexual harm)', (text) => {
    expect(understanding.read(text, 'en-GB').danger.some((category) => category === 'exploitation' || category === 'sexualHarm')).toBe(
      true,
    );
  });

  it.each([
    'my nan gives me money for the bus',
    'mum picks me up from school',
    'can you hold my bag',
    'theres a guy at the door i dont know who he is',
    'my dad is meeting me at the station',
    'im so scared ill never see her again',
    'his asthma is bad in winter but hes got his inhaler',
  ])('"%s" is not danger', (text) => {
    expect(understanding.read(text, 'en-GB').danger).toEqual([]);
  });
});

describe("a phrase's words stand close together", () => {
  it.each([
    'how do i prepare a grab pack for my daughter in case she goes missing again',
    'found her at a friends, so sorry to waste your time',
    'we put a lock on the front door just in case',
  ])('"%s" is not danger: the words between are not a noun phrase', (text) => {
    expect(understanding.read(text, 'en-GB').danger).toEqual([]);
  });

  it.each(['a man just pulled my daughter into a car', 'someone forced the lad into the back of a van'])(
    '"%s" is danger: "my daughter", "the lad" may stand inside a phrase',
    (text) => {
      expect(understanding.read(text, 'en-GB').danger).toContain('takenHeld');
    },
  );
});

describe('"back" is a return only when it says so', () => {
  it.each([
    ['he never came back from school', 'missingNow'],
    ['not home yet, usually back by teatime', 'missingNow'],
    ["she still isn't back", 'missingNow'],
    ['hes back now', 'back'],
    ['found her, she is home safe', 'back'],
    ['a 13 year old reported missing has just been found', 'back'],
    ['she still hasnt been found', 'missingNow'],
    ['my daughter is 9, her cousin came back without her', 'missingNow'],
    ['he came home without his coat', 'back'],
  ])('"%s" is %s', (text, situation) => {
    expect(understanding.read(text, 'en-GB').situation).toBe(situation);
  });

  it.each(['he went out the back door', 'shes gone back to class now', 'if i go back will i get in trouble'])(
    '"%s" is not a return',
    (text) => {
      expect(understanding.read(text, 'en-GB').situation).not.toBe('back');
    },
  );
});

describe('indirect talk of suicide and medical emergencies are heard', () => {
  it.each([
    ['everyone would be better off without me', 'suicideSelfHarm'],
    ['i just want it all to stop', 'suicideSelfHarm'],
    ['ive been saving up my tablets', 'suicideSelfHarm'],
    ['she keeps saying she wants to go to sleep and not wake up', 'suicideSelfHarm'],
    ['shes really drowsy and keeps being sick', 'medical'],
    ['hes confused and slurring, had drink and pills', 'medical'],
    ['she is diabetic and has no insulin with her', 'medical'],
  ])('"%s" is heard (%s)', (text, category) => {
    expect(heard(text)).toContain(category);
  });
});

describe('facts said in passing', () => {
  it.each([
    ['my son is 11 and hasnt come home', 11],
    ['14yo girl missing from placement', 14],
    ['she is only 9', 9],
    ['hes 14, 15 in june', 14],
    ['aged 12, left at 4pm', 12],
    ['our lad (15) hasnt come back from contact', 15],
  ])('"%s" gives the age %d', (text, age) => {
    expect(understanding.read(text, 'en-GB').facts.ageYears).toBe(age);
  });

  it.each(['he left at 4 and was due back at 6', 'she has 2 brothers', 'about 5ft, size 10 shoes', 'rang her (3) times'])(
    '"%s" gives no age',
    (text) => {
      expect(understanding.read(text, 'en-GB').facts.ageYears).toBeUndefined();
    },
  );

  it('when a missing child was last seen is taken from just after its cue, to the end of its clause', () => {
    expect(understanding.lastSeenWords('she went out at 7 and said shed be back by 10, its now 1am', 'en-GB')).toMatch(/^at 7\b/);
    expect(understanding.lastSeenWords('last saw him at 7.30 this morning', 'en-GB')).toBe('at 7.30 this morning');
    expect(understanding.lastSeenWords('she is meant to be back at 10', 'en-GB')).toBeUndefined();
    // A cue inside the clause another opened says when.
    expect(understanding.lastSeenWords('missing, since he went out on his bike about 6', 'en-GB')).toBe('on his bike about 6');
    expect(understanding.lastSeenWords('wyszła o 19 i nie wróciła', 'pl')).toMatch(/^o 19/);
  });

  it('no phone, asylum-seeking and a placing council are kept', () => {
    expect(understanding.read('hes 15, an asylum seeker placed by another council, and has no phone', 'en-GB').facts.said).toEqual([
      'noPhone',
      'asylumSeeking',
      'placedFromElsewhere',
    ]);
  });
});

describe('each language read as itself', () => {
  it('an English word in another language\'s list never reads an English message: "a bit drunk" is no emergency, "such a drag" no abduction', () => {
    expect(understanding.read('she came back a bit drunk', 'en-GB').danger).toEqual([]);
    expect(understanding.read('this is such a drag', 'en-GB').danger).toEqual([]);
    expect(understanding.read('a man dragged her into a van', 'en-GB').danger).toContain('takenHeld');
    expect(understanding.read('she came back very drunk and cant stand', 'en-GB').danger).toContain('medical');
  });

  it('English text speak never reads a Polish word: "od" is "from", not "overdose"', () => {
    expect(understanding.read('nie ma jej od wczoraj, telefon wyłączony od 16', 'en-GB').danger).toEqual([]);
  });

  it('an English stem or typo never reads a Romanian word: "foame" is hunger, not "foaming"; English said in it is still heard', () => {
    expect(understanding.read('mor de foame lol nu am mancat nimic, sunt la tanti acum', 'ro').danger).toEqual([]);
    expect(understanding.read('mor de foame lol nu am mancat nimic, sunt la tanti acum', 'en-GB').danger).toEqual([]);
    expect(heard('a luat pastile, overdose', 'ro')).not.toEqual([]);
  });

  it('a word one letter from an Arabic danger word is not that word ("her brother" is not "they took her")', () => {
    expect(understanding.read('انا اخوها الكبير', 'ar').danger).toEqual([]);
  });
});

describe('words that look like an answer and are not one', () => {
  it.each([
    ['nie odbiera', 'pl'],
    ['no', 'pl'],
    ['nu raspunde', 'ro'],
  ])('"%s" (%s) is neither yes nor no', (text, locale) => {
    expect(understanding.everyday(text, locale)).toBeUndefined();
  });

  it('a yes inside a sentence about something else is none ("ive already searched the house"); one that opens or ends its clause is', () => {
    expect(understanding.everyday('ive already searched the house and the street', 'en-GB')).toBeUndefined();
    expect(understanding.everyday('i did already', 'en-GB')).toBe('yes');
    expect(understanding.everyday('yeah i looked everywhere', 'en-GB')).toBe('yes');
    expect(understanding.everyday('she is safe now thanks', 'en-GB')).toBe('yes');
    expect(understanding.everyday('we searched everywhere, yes', 'en-GB')).toBe('yes');
  });

  it('"no one would even care" is no "no" to "are you safe?"; "no, no one knows" still is', () => {
    expect(yesNoMeant('no one would even care if i was gone tbh')).toBeUndefined();
    expect(understanding.everyday('no one cares', 'en-GB')).toBeUndefined();
    expect(yesNoMeant('no, no one knows where i am')).toBe('no');
  });

  it('"nie" is still a no, and English "no" still a no in English', () => {
    expect(understanding.everyday('nie', 'pl')).toBe('no');
    expect(understanding.everyday('no', 'en-GB')).toBe('no');
  });

  it('"before we had even called the police" is not the police told; "ive already called the police" is', () => {
    expect(understanding.read('she came back at 2am before we had even called the police', 'en-GB').facts.said).not.toContain('policeTold');
    expect(understanding.read('ive already called the police', 'en-GB').facts.said).toContain('policeTold');
  });

  it('"not answering" is kept as a fact: contact was tried', () => {
    expect(understanding.read('she isnt answering her phone', 'en-GB').facts.said).toContain('notAnswering');
    expect(understanding.read('nie odbiera telefonu', 'pl').facts.said).toContain('notAnswering');
  });
});

describe('words that say two kinds of danger count for both', () => {
  it.each([
    ['wziął dużo tabletek i nie mogę go obudzić', 'pl'],
    ['a luat multe pastile si nu se trezeste', 'ro'],
    ['أخذ حبوب كثيرة ولا يستيقظ', 'ar'],
  ])('"%s" is a medical emergency', (text, locale) => {
    expect(understanding.read(text, locale).danger).toContain('medical');
  });
});

describe('an age said of someone else is not the child’s', () => {
  it.each([
    ['shes with her boyfriend who is 17', undefined],
    ['her boyfriend is 16 years old and she is 13', 13],
    ['she is 15 and with a man who is 22', 15],
    ['sorry i meant 14 not 13', 14],
    ['shes at her boyfriends hes 19', undefined],
    ['shes with his mates who are 16', undefined],
    ['shes at her boyfriends, hes 19', undefined],
    ['she went off with her boyfriend. he is 20', undefined],
    ['shes at her mates, shes 14', 14],
    ['my daughter hasnt come home, shes at her boyfriends i think, hes 19', undefined],
    ['hes gone to his mates, hes 13', 13],
    ['she is 14, her brother is 17', 14],
    ['her 17 year old brother picked her up', undefined],
    ['she met a 25yo guy online', undefined],
    ['my brother is 14 and he hasnt come home', 14],
  ])('"%s" gives %s', (text, age) => {
    expect(understanding.read(text, 'en-GB').facts.ageYears).toBe(age);
  });

  it.each([
    ['binti 3omra 14 w ma raj3et', 14],
    ['ابني عمره ١٤ سنة ما رجع من المدرسة', 14],
    ['binti 3omra 15 w el boyfriend 3omro 23', 15],
  ])('Arabic and Arabizi: "%s" gives %s', (text, age) => {
    expect(understanding.read(text, 'ar').facts.ageYears).toBe(age);
  });
});

describe('pills carried, pills taken, and a cut that is not self-harm', () => {
  it('"ive got a packet of my mums pills with me" is talk of self-harm; "took a packet of paracetamol" an overdose; crisps neither', () => {
    expect(understanding.read('ive got a packet of my mums pills with me', 'en-GB').danger).toContain('suicideSelfHarm');
    expect(understanding.read('i took a packet of paracetamol', 'en-GB').danger).toContain('medical');
    expect(understanding.read('he took a packet of crisps', 'en-GB').danger).toEqual([]);
  });

  it('"a cut on his hand" beside new things nobody bought is exploitation, not self-harm; "cuts on her arms" still is', () => {
    const back = understanding.read(
      'he came back after being gone 2 nights. new phone and trainers i didnt buy and a cut on his hand',
      'en-GB',
    );
    expect(back.danger).toEqual(['exploitation']);
    expect(back.situation).toBe('back');
    expect(understanding.read('she has cuts on her arms', 'en-GB').danger).toContain('suicideSelfHarm');
  });
});

describe('an age beside a name, and numbers that are no age', () => {
  it.each([
    ['my daughter Chloe, 14. she went out at 4', 14],
    ['my son jake (12) is missing', 12],
    ['our girl Amy 15 hasnt come home', 15],
  ])('"%s" gives %d', (text, age) => {
    expect(understanding.read(text, 'en-GB').facts.ageYears).toBe(age);
  });

  it('"i rang 101 earlier" is a number to call, not an age; "i rang 101 and shes 14" is 14', () => {
    expect(understanding.age('i rang 101 earlier and they said to wait', 'en-GB')).toBeUndefined();
    expect(understanding.age('i rang 101 and shes 14', 'en-GB')).toBe(14);
    expect(understanding.read('my son, 3 hours ago', 'en-GB').facts.ageYears).toBeUndefined();
  });
});

describe('an answer to "how old are they?" is the child\'s age, not another person\'s or a time', () => {
  it.each([
    ['shes got an older boyfriend, hes 25, buys her clothes', undefined],
    ['15, her boyfriend is 25', 15],
    ['sorry i meant 9 this morning when he left for school', undefined],
    ['nearly 15', 14],
    ['16, 17 in june', 16],
    ['idk hes 14ish', 14],
  ])('"%s" gives %s', (text, age) => {
    expect(understanding.age(text, 'en-GB')).toBe(age);
  });
});

describe('what the fresh walk found unheard', () => {
  it.each([
    ['ive taken a load of pills', 'medical'],
    ['she was with a guy she met on snapchat, he gave her a lift home', 'exploitation'],
  ])('"%s" is heard as %s', (text, category) => {
    expect(understanding.read(text, 'en-GB').danger).toContain(category);
  });

  it('Arabic: "he is diabetic and does not have his insulin" is a medical danger', () => {
    expect(understanding.read('هو مريض بالسكري وما معه الانسولين', 'ar').danger).toContain('medical');
  });

  it('"police were informed earlier" is the police told', () => {
    expect(understanding.read('shes back, police were informed earlier', 'en-GB').facts.said).toContain('policeTold');
  });
});

describe('words that hold a disclosure and do not say it', () => {
  it.each(['they said i have to do a return interview thing', 'mum said i have to be home by 10 or im grounded'])(
    '"%s" is no disclosure',
    (text) => {
      expect(understanding.read(text, 'en-GB').disclosures).toEqual([]);
    },
  );

  it('"he said i have to do stuff for them or else" still is', () => {
    expect(understanding.read('he said i have to do stuff for them or else', 'en-GB').disclosures).toEqual(['madeToDoThings']);
  });
});

describe("an adult's age said of a child's partner is a sign of grooming, read from its parts", () => {
  const grooming = (text: string, locale = 'en-GB') =>
    understanding.read(text, locale).danger.filter((category) => category === 'sexualHarm' || category === 'exploitation');
  it.each([
    'she went out to see her girlfriend, she 22',
    'her bf is apparently 31',
    'she met a 25yo guy online',
    'shes been seeing a man of 24',
    'the boyfriend, hes about 30, picks her up',
    'her new boyfriend whos 26 has a car',
  ])('"%s" is heard', (text) => {
    expect(grooming(text)).toContain('exploitation');
  });

  it.each([
    ['Arabizi', 'binti 3omra 14 w 3andha boyfriend 3omro 22'],
    ['Arabic script', 'بنتي عمرها ١٤ وعندها boyfriend عمره ٢٢'],
  ])('%s: an age said with "his age" after her boyfriend is heard', (_script, text) => {
    expect(grooming(text, 'ar')).toEqual(['exploitation']);
  });

  it.each([
    'her bf picked her up at 22 station road',
    'her boyfriend rang at 21:30',
    'her boyfriend lives 20 mins away',
    'shes 17 and her boyfriend is 18',
    'im with my older sister, shes 22',
    'her boyfriend is 16',
  ])('"%s" is not', (text) => {
    expect(grooming(text)).toEqual([]);
  });
});

describe('a police reference said in passing', () => {
  it.each([
    ['ref 46-0212', '46-0212'],
    ['police ref is KP-20261126-1487', 'KP-20261126-1487'],
    ['ref:0031.', '0031'],
    ['reference no. 123/24, they said', '123/24'],
    ['my preference is thursday', undefined],
    ['ref number is on the letter', undefined],
  ])('"%s" gives %s', (text, reference) => {
    expect(understanding.read(text, 'en-GB').facts.policeReference).toBe(reference);
  });
});

describe('a drink given is a sign of grooming, not a medical emergency by itself', () => {
  it.each(['some older lads gave her vodka', 'a man at the park gives him whisky'])('"%s" is not a medical emergency', (text) => {
    expect(understanding.read(text, 'en-GB').danger).not.toContain('medical');
  });

  it('"she drank a whole bottle of vodka and is being sick" still is', () => {
    expect(understanding.read('she drank a whole bottle of vodka and is being sick', 'en-GB').danger).toContain('medical');
  });
});

describe('contact tried and not answered, in plain words', () => {
  it.each(['tried, no reply', 'rang him twice, no answer', 'it just rings out'])('"%s" says they were tried and did not answer', (text) => {
    expect(understanding.read(text, 'en-GB').facts.said).toContain('notAnswering');
  });
});

describe('the charity Missing People is not a child missing', () => {
  it.each(['whats the number for missing people', 'can i ring missing people tonight'])('"%s" says nothing of a child missing', (text) => {
    expect(understanding.read(text, 'en-GB').situation).toBeUndefined();
  });

  it('"my son is missing, people say hes at the park" still says missing', () => {
    expect(understanding.read('my son is missing, people say hes at the park', 'en-GB').situation).toBe('missingNow');
  });
});

describe('an age said in passing in Polish and Romanian', () => {
  it.each([
    ['mój syn nie wrócił do domu, ma 14 lat', 'pl', 14],
    ['córka 13 lat nie wróciła', 'pl', 13],
    ['fiul meu de 14 ani nu a venit acasa', 'ro', 14],
    ['nie ma jej od 3 godzin', 'pl', undefined],
    ['jej chłopak ma 25 lat', 'pl', undefined],
    ['iubitul ei are 25 de ani', 'ro', undefined],
  ])('"%s" (%s) gives %s', (text, locale, age) => {
    expect(understanding.read(text, locale).facts.ageYears).toBe(age);
  });

  it("an adult partner's age said in Polish is a sign of grooming", () => {
    expect(understanding.read('jej chłopak ma 25 lat', 'pl').danger).toContain('exploitation');
  });
});

describe('a fear of being taken back is a question, not a return', () => {
  it.each([
    ['will the police take me back home', 'en-GB'],
    ['i dont want them to send me back', 'en-GB'],
    ['czy muszę wrócić do domu?', 'pl'],
    ['trebuie sa ma intorc acasa?', 'ro'],
  ])('"%s" asks whether they will be taken back', (text, locale) => {
    const reading = understanding.read(text, locale);
    expect(reading.question).toBe('takenBack');
    expect(reading.situation).not.toBe('back');
  });
});

describe('a description is told from a place', () => {
  it.each(['black puffer jacket and jeans', 'she was wearing her school uniform', 'about 5ft 2, blonde hair, grey nike trainers'])(
    '"%s" describes them',
    (text) => {
      expect(understanding.describesAppearance(text, 'en-GB')).toBe(true);
    },
  );

  it.each(['at the bus station', 'outside school in her uniform', 'her mates house', 'on her own'])(
    '"%s" does not, or names a place too',
    (text) => {
      expect(understanding.describesAppearance(text, 'en-GB')).toBe(false);
    },
  );
});

describe('what the last walk found unheard', () => {
  it('"i swallowed like 20 paracetamol an hour ago" is a medical emergency', () => {
    expect(understanding.read('i swallowed like 20 paracetamol an hour ago', 'en-GB').danger).toContain('medical');
  });

  it('spoken Arabic "وما رجع" (and has not come back) is missing, not back', () => {
    expect(understanding.read('ابني عمره ١٥ سنة وما رجع البيت من امبارح', 'ar').situation).toBe('missingNow');
  });

  it('"shall i just go to bed and see if shes back in the morning?" asks when to report, and says no return', () => {
    const reading = understanding.read('shall i just go to bed and see if shes back in the morning?', 'en-GB');
    expect(reading.question).toBe('whenToReport');
    expect(reading.situation).toBeUndefined();
  });
});

describe('who they would rather meet, asked in their words', () => {
  it.each([
    ['can a woman do it', 'woman'],
    ['a man would be better tbh', 'man'],
    ['she was with a man', undefined],
  ])('"%s" asks for %s', (text, wish) => {
    expect(understanding.workerWish(text, 'en-GB')).toBe(wish);
  });
});

describe('a number of pills, in any language, is an overdose', () => {
  it.each([
    ['połknęłam jakieś 12 tabletek', 'pl'],
    ['am înghițit 15 pastile de la bunica', 'ro'],
    ['بلعت ١٥ حبة من دوا امي', 'ar'],
    ['necked about 16 of them sleeping tablets', 'en-GB'],
  ])('"%s" is a medical emergency', (text, locale) => {
    expect(understanding.read(text, locale).danger).toContain('medical');
  });

  it("two tablets for a headache, or a family member's age, is not", () => {
    expect(understanding.read('she took 2 tablets for her headache', 'en-GB').danger).toEqual([]);
    expect(understanding.read('my 30 year old brother is driving round looking for her', 'en-GB').danger).toEqual([]);
  });
});

describe('words that say a fact a journey would ask', () => {
  it('"the police said to leave it 24 hours" is no report made: the police were not told', () => {
    const { facts } = understanding.read('rang 101 and they said leave it 24 hours, hes 14', 'en-GB');
    expect(facts.said).toContain('policeSaidWait');
    expect(facts.said).not.toContain('policeTold');
  });

  it.each(['my lad is autistic', 'she has adhd and learning difficulties', 'syn ma autyzm'])('"%s" says additional needs', (text) => {
    expect(understanding.read(text, text.startsWith('syn') ? 'pl' : 'en-GB').facts.said).toContain('additionalNeeds');
  });

  it('"nobody gives a shit about the bins" is no danger', () => {
    expect(understanding.read('nobody gives a shit about the bins round here', 'en-GB').danger).toEqual([]);
  });

  it('"i have to send her a text" and "not sen him" say no additional needs', () => {
    expect(understanding.read('i have to send her a text', 'en-GB').facts.said).not.toContain('additionalNeeds');
    expect(understanding.read('not sen him since 6', 'en-GB').facts.said).not.toContain('additionalNeeds');
  });

  it('"lost her in the shopping centre" is a public place; "my mum will find out" is not being out', () => {
    expect(understanding.read('lost her in the shopping centre', 'en-GB').facts.said).toContain('missingFromPublicPlace');
    expect(understanding.read('no ambulance, my mum will find out', 'en-GB').facts.said).toContain('refusesEmergencyHelp');
  });
});

describe('facts said in passing, in Polish, Romanian and Arabic', () => {
  it.each([
    ['pl', 'syn ma cukrzycę i nie ma przy sobie komórki', ['medicalCondition', 'noPhone']],
    ['pl', 'córka nie wróciła ze szkoły, jest uchodźczynią', ['missingFromSchool', 'asylumSeeking']],
    ['ro', 'băiatul are epilepsie și nu are telefon la el', ['medicalCondition', 'noPhone']],
    ['ar', 'بنتي عندها ربو وما رجعت من المدرسة', ['medicalCondition', 'missingFromSchool']],
  ])('%s "%s" says %j', (locale, text, facts) => {
    expect(understanding.read(text, locale).facts.said).toEqual(expect.arrayContaining(facts));
  });

  it('"syn nie ma telefonu" states a fact; it is no "no"', () => {
    expect(understanding.everyday('syn nie ma telefonu', 'pl')).toBeUndefined();
    expect(understanding.everyday('nie, nie ma telefonu', 'pl')).toBe('no');
  });

  it('a condition named is a fact, not a 999, in English and Polish alike', () => {
    expect(understanding.read('shes 13 with type 1 diabetes', 'en-GB').danger).toEqual([]);
    expect(understanding.read('syn ma cukrzycę', 'pl').danger).toEqual([]);
  });
});

describe('gone and back in one message: what follows "but now" is how things are', () => {
  it.each([
    ['ro', 'am fugit vineri dar acum m-am intors acasa', 'back'],
    ['pl', 'uciekłem w piątek ale już wróciłem', 'back'],
    ['en-GB', 'she came home at 4 but went off again after tea', 'missingNow'],
  ])('%s "%s" is %s', (locale, text, situation) => {
    expect(understanding.read(text, locale).situation).toBe(situation);
  });
});

describe("another language's negation that is a word of this one negates nothing", () => {
  it.each(['fiica mea de 14 ani a fost rapita', 'baiatul meu de 15 ani are un cutit'])('Romanian "%s" (ani: years) is danger', (text) => {
    expect(understanding.read(text, 'ro').danger.length).toBeGreaterThan(0);
  });

  it('Polish "ani noża, ani broni" (neither a knife nor a weapon) is still negated', () => {
    expect(understanding.read('ani noża, ani broni', 'pl').danger).toEqual([]);
  });
});

describe('danger a fresh walk found unheard', () => {
  it.each([
    ['she texted her mate saying shes going to jump off the bridge', 'en-GB', 'suicideSelfHarm'],
    ['they put something in my drink and now i feel dizzy', 'en-GB', 'medical'],
    ['someone who paid for her journey keeps ringing her', 'en-GB', 'exploitation'],
    ['لقيت علب حبوب فاضية بغرفتها، اظن بلعتهم كلهم', 'ar', 'medical'],
    ['u lot r all the same. nobody gives a shit about me anyway', 'en-GB', 'suicideSelfHarm'],
  ])('"%s" is %s', (text, locale, category) => {
    expect(understanding.read(text, locale).danger).toContain(category);
  });
});

describe('the more specific phrase decides the kind of danger', () => {
  it('"groomed by a gang" is exploitation, not sexual harm; "groomed online by a man" is still sexual harm', () => {
    const gang = understanding.read('im worried hes being groomed by a gang, new trainers and cash', 'en-GB').danger;
    expect(gang).toContain('exploitation');
    expect(gang).not.toContain('sexualHarm');
    expect(understanding.read('i think shes being groomed online by a man', 'en-GB').danger).toContain('sexualHarm');
  });

  it('"nie chcę wracać" is a disclosure, not a "no" to the question on screen', () => {
    expect(understanding.everyday('nie chce wracac', 'pl')).toBeUndefined();
    expect(understanding.read('nie chce wracac', 'pl').disclosures).toContain('scaredToGoHome');
  });
});

describe('where a child was last seen and who with, said in passing', () => {
  it.each([
    ['last seen at the park on london road with liam', { place: 'at the park on london road', company: 'liam' }],
    ['she was seen near tesco', { place: 'near tesco' }],
    ['last seen at the bus station with his bike', { place: 'at the bus station' }],
    ['my daughter went off with some older lads', { company: 'some older lads' }],
    ['hes with his dad i think', { company: 'his dad i think' }],
    // When, not where; a thing, not a person; what they wore, not a place.
    ['she was last seen at 6pm', {}],
    ['went out with no coat', {}],
    ['last seen wearing a black coat', {}],
  ])('"%s"', (text, said) => {
    expect(understanding.whereAndWhoSaid(text, 'en-GB')).toEqual(said);
  });
});

describe('whom talk of ending a life is about', () => {
  it.each([
    ['i cant do this anymore honestly i just want to go to sleep and not wake up', ['writer']],
    ['my mate said she was gonna kill herself', ['someoneElse']],
    ['i think she wants to die', ['someoneElse']],
    ['shes saying next time ill do it properly', ['someoneElse']],
    ['i want to kill myself', ['writer']],
    ['my son said he wants to end it all', ['someoneElse']],
    ['she just texted me saying sorry for everything and goodbye', ['someoneElse']],
    ['i said i want to die', ['writer']],
    ['I saw burns on his arms', ['someoneElse']],
    ['i have burns on my arms', ['writer']],
  ])('"%s"', (text, whom) => {
    expect(understanding.read(text, 'en-GB').suicideOf).toEqual(whom);
  });
});

describe('a man who offers a runaway a bed, and "wat" for what', () => {
  it('"a man at the bus station said i can stay at his" is exploitation', () => {
    expect(understanding.read('a man at the bus station said i can stay at his', 'en-GB').danger).toEqual(['exploitation']);
  });

  it('"l-au bagat doi barbati intr-o masina neagra" (Romanian: two men forced him into a black car) is taken', () => {
    expect(understanding.read('vecinul a vazut cum l-au bagat doi barbati intr-o masina neagra', 'ro').danger).toEqual(['takenHeld']);
  });

  it('"wat is a return interview" asks what one is', () => {
    expect(understanding.read('wat is a return interview', 'en-GB').question).toBe('returnInterview');
  });
});

describe('whom danger of any kind is to', () => {
  it.each([
    ['my friend is at some guys flat and he wont let her leave', ['someoneElse']],
    ['my mate took loads of pills and she wont wake up', ['someoneElse']],
    ['i took loads of pills and she found me', ['writer']],
    ['he wont let me leave', ['writer']],
    ['my stepdad hits me', ['writer']],
    ['im at some guys flat', ['writer']],
    ['me and my mate are at some guys flat', ['writer', 'someoneElse']],
    ['im with my friend at some guys flat', ['writer', 'someoneElse']],
    ['i was with my mate and some men grabbed her', ['someoneElse']],
    ['he says i can stay as long as i want but i have to do some runs for him', ['writer']],
    ['no its fine but my carers boyfriend keeps coming in my room at night', ['writer']],
    ['he said hell share my nudes if i dont come back', ['writer']],
    ['I saw burns on his arms, he said if he talks theyll torch his mums house', ['someoneElse']],
  ])('"%s"', (text, whom) => {
    expect(understanding.read(text, 'en-GB').dangerOf).toEqual(whom);
  });
});

describe('Arabizi digits are letters, not ages; English numbers glued to a word still are', () => {
  it.each([
    ['ana 3and wa7ed kbeer b3omri 25 howe 2al ino b7ebni', undefined],
    ['ibni 3omro 14 w ma raja3', 14],
    ['my son is 14yo', 14],
    ['shes 9yrs old', 9],
  ])('"%s"', (text, age) => {
    expect(understanding.read(text, 'ar').facts.ageYears).toBe(age);
  });
});

describe('who is gone: the writer, someone else, or both', () => {
  it.each([
    ['im 14 and my friend ran away from home last night', ['someoneElse']],
    ['my best mate hasnt been home since yesterday', ['someoneElse']],
    ['i ran away from my friends house', ['writer']],
    ['my friend said i should text you cos i ran away', ['writer']],
    ['me and my mate ran off last night', ['someoneElse', 'writer']],
    ['im at my mates, i ran away', ['writer']],
  ])('"%s"', (text, whom) => {
    expect(understanding.read(text, 'en-GB').missingOf).toEqual(whom);
  });
});

describe('an age at the start, an age taken back, and more said in passing', () => {
  it.each([
    ['daughter 16 not home', 16],
    ['son 14 not back', 14],
    ['my lad is 14 no wait 13, he turned 13 in sept', 13],
    ['my son is 14 sorry 15', 15],
  ])('"%s" gives %d', (text, age) => {
    expect(understanding.read(text, 'en-GB').facts.ageYears).toBe(age);
  });

  it('"just want to know if the police are looking for me" is asked about the police', () => {
    expect(understanding.read('just want to know if the police are looking for me', 'en-GB').question).toBe('police');
  });

  it('a child found last month who "keeps threatening to go again" is preparing, not a return', () => {
    const text =
      'my daughter went missing last month and the police found her. she keeps threatening to go again. what can I do to be ready';
    expect(understanding.read(text, 'en-GB').situation).toBe('prepare');
  });

  it('"if i come back hes going to batter me" is afraid to go home, and no return', () => {
    const reading = understanding.read('my stepdad said if i come back hes going to batter me', 'en-GB');
    expect(reading.disclosures).toContain('scaredToGoHome');
    expect(reading.situation).not.toBe('back');
  });

  it('a non-molestation order is a court order, not sexual harm; "he molested her" still is', () => {
    const order = "he's out with his dad on a contact visit, not back. there's a non molestation order against his dad";
    expect(understanding.read(order, 'en-GB').danger).not.toContain('sexualHarm');
    expect(understanding.read('he molested her', 'en-GB').danger).toContain('sexualHarm');
  });

  it('a stab wound is an ambulance, and "he wont let me call anyone" is help refused', () => {
    const reading = understanding.read('he has a stab wound on his arm, its not deep he says, he wont let me call anyone', 'en-GB');
    expect(reading.danger).toContain('medical');
    expect(reading.facts.said).toContain('refusesEmergencyHelp');
  });
});

describe('a fifteenth fresh walk: a word of another sense, an age of someone else, danger in new words', () => {
  const polish = createLocaliser(content).messages('pl');
  const polishYesNo = (text: string) => readAnswer(text, yesNoUnsureChoices.asked('yesNo'), polish, understanding).option;

  it('Polish "nie" inside a sentence, and "na" (on), answer no yes/no question; "nie" alone or ending one does', () => {
    for (const text of [
      'nikt nie wie gdzie ona jest',
      'nadal go nie ma, zglosilam na 101',
      'mam zdjecie na telefonie',
      'co mam robic? dzwonic na policje?',
    ])
      expect(polishYesNo(text)).toBeUndefined();
    expect(polishYesNo('nie')).toBe('no');
    expect(polishYesNo('raczej nie')).toBe('no');
    expect(polishYesNo('nie, nic takiego')).toBe('no');
    expect(polishYesNo('tak')).toBe('yes');
  });

  it('Romanian "nimeni nu stie nimic" (nobody knows anything) is no "no"; "nu, nimic" is', () => {
    const romanian = createLocaliser(content).messages('ro');
    const romanianYesNo = (text: string) => readAnswer(text, yesNoUnsureChoices.asked('yesNo'), romanian, understanding).option;
    expect(romanianYesNo('nu raspunde la telefon, am sunat la prietenele ei nimeni nu stie nimic')).toBeUndefined();
    expect(romanianYesNo('nu, nimic')).toBe('no');
  });

  it('"the back door was open" names no option of "missing now, or back?"', () => {
    expect(
      readAnswer('the back door was open when i checked', situationChoices.asked('situation'), messages, understanding).option,
    ).toBeUndefined();
    expect(understanding.read('shes back on snapchat, posting from some house party', 'en-GB').situation).toBeUndefined();
    expect(understanding.read('hes back, thank god', 'en-GB').situation).toBe('back');
  });

  it('an adult\'s age, then a child\'s, is the child\'s; a relative\'s age and "he" or "she" say whose', () => {
    expect(understanding.read('shes with a boy he is 19 has a car and keeps buying her stuff, she is 13', 'en-GB').facts.ageYears).toBe(13);
    expect(understanding.read('jest z chlopakiem on ma 19 lat ma auto, ona ma 13', 'pl').facts.ageYears).toBe(13);
    expect(understanding.read('my son is 19 and hasnt come home', 'en-GB').facts.ageYears).toBe(19);
    expect(understanding.read('my nephew Kyle who is 12 was meant to be watching him', 'en-GB').facts.ageSaidOf).toBe('relative');
    expect(understanding.read('shes 13 and hasnt been home', 'en-GB').facts.ageSaidOf).toBe('heOrShe');
    expect(understanding.read('my little boy Alfie is 7', 'en-GB').facts.ageSaidOf).toBeUndefined();
  });

  it.each([
    ['hes shaking and jerking on the floor', 'medical'],
    ['my mate took something n shes not waking up properly', 'medical'],
    ["she's been talking to some bloke online who said he'd come and get her", 'exploitation'],
    ['she was talking about meeting someone from snap in town', 'exploitation'],
    ['a neighbour saw a much older bloke collect her in a car', 'exploitation'],
    ['she sent me a pic from some car with men i dont know and said help', 'takenHeld'],
    ['he was messing about down by the river on his own in the dark', 'immediate'],
    ['hes gone out with a blade in his bag to sort some lad out', 'violenceAbuse'],
    ['dad hit my mum and now hes banging on my door', 'immediate'],
  ])('"%s" is danger (%s)', (text, category) => {
    expect(understanding.read(text, 'en-GB').danger).toContain(category);
  });

  it.each([
    ['some guys came to the door and said if he doesnt pay what he owes they will cut him', 'en-GB', 'immediate'],
    ['hes saying hes gonna kill me', 'en-GB', 'immediate'],
    ['niste tipi au venit la usa si au zis ca daca nu plateste datoria il omoara', 'ro', 'immediate'],
    ['prietenul ala mi-a facut poze si zice ca le pune pe net daca nu vin iar', 'ro', 'sexualHarm'],
    ['binti bta3mel 7aleha ma fi shi bas 2alet badda tmout', 'ar', 'suicideSelfHarm'],
    ['binti 2aletli 3al snap eno ma 3ad badda t3eesh', 'ar', 'suicideSelfHarm'],
    ['انا برا البيت، في شب كبير قال اني لازم اشتغل عنده وما بخليني روح', 'ar', 'takenHeld'],
    ['في رجال كبير بالعمر عم يبعتلها هدايا وبياخدها بسيارته', 'ar', 'exploitation'],
  ])('"%s" (%s) is danger (%s)', (text, locale, category) => {
    expect(understanding.read(text, locale).danger).toContain(category);
  });

  it.each([
    ['someone i met on snap has pics of me and says hell send them to everyone unless i pay him 200 by tonight', 'en-GB', 'sexualHarm'],
    ['im sat by the river on my own its freezing', 'en-GB', 'immediate'],
    ['a text saying we know where you live your dead if we see you', 'en-GB', 'immediate'],
    ['she texted me from a number i dont know saying come get me please im scared', 'en-GB', 'immediate'],
    ['if i go home tonight hes gonna batter me again', 'en-GB', 'immediate'],
    ['abouy bidrobni kteer', 'ar', 'violenceAbuse'],
  ])('a second walk: "%s" (%s) is danger (%s)', (text, locale, category) => {
    expect(understanding.read(text, locale).danger).toContain(category);
  });

  it('"his sister just found he gave her his xbox" is no return; "i dont have anywhere else" is nowhere to stay; "shes not saying where she is" no danger', () => {
    expect(understanding.read('his sister just found he gave her his xbox and said he wont need them', 'en-GB').situation).toBeUndefined();
    expect(understanding.read('we found her at her mates', 'en-GB').situation).toBe('back');
    expect(understanding.read('i dont have anywhere else', 'en-GB').facts.said).toContain('nowhereToStay');
    expect(understanding.read('shes not saying where she is', 'en-GB').danger).toEqual([]);
  });

  it('a lesson on knife crime, a hotel placement and Polish "czy musze to robic" (do I have to) are no danger', () => {
    expect(understanding.read('they had a lesson on knife crime at school today, he seemed fine', 'en-GB').danger).toEqual([]);
    expect(understanding.read('the hotel placement fell through, shes asleep upstairs', 'en-GB').danger).toEqual([]);
    const polish = understanding.read('czy musze to robic', 'pl');
    expect(polish.danger).toEqual([]);
    expect(polish.disclosures).toEqual([]);
  });

  it('"how long do i keep looking before i ring them" asks when to report; "its cold and my phone is on 9%" is nowhere to stay; "she just text" is in touch', () => {
    expect(understanding.read('how long do i keep looking before i ring them', 'en-GB').question).toBe('whenToReport');
    expect(understanding.read('its cold and my phone is on 9%', 'en-GB').facts.said).toContain('nowhereToStay');
    expect(understanding.read('she just text saying shes on the train home', 'en-GB').facts.said).toContain('childInTouch');
    expect(understanding.read('who will it be', 'en-GB').question).toBe('returnInterview');
  });

  it('"ok ive called them theyre on their way" is the police told; "i called them earlier and they didnt answer" is not', () => {
    expect(understanding.read('ok ive called them theyre on their way', 'en-GB').facts.said).toContain('policeTold');
    expect(understanding.read('i called them earlier and they didnt answer', 'en-GB').facts.said).not.toContain('policeTold');
  });

  it('"mums gonna kill me lol" is no danger; depression and its tablets are a condition for the police', () => {
    expect(understanding.read('mums gonna kill me lol', 'en-GB').danger).toEqual([]);
    expect(understanding.read('not sure, she has depression and takes sertraline', 'en-GB').facts.said).toContain('medicalCondition');
    expect(understanding.read('nu sunt sigur, are depresie si ia sertraline', 'ro').facts.said).toContain('medicalCondition');
  });

  it('"ive got him, hes in the car with me" and "not missing anymore" are the child back, said by a parent; Polish "dzwonic na policje?" asks when to report', () => {
    for (const text of ['ive got him, hes in the car with me now', 'hes not missing anymore i just told you ive got him']) {
      const reading = understanding.read(text, 'en-GB');
      expect(reading.situation).toBe('back');
      expect(reading.writer).not.toBe('youngPerson');
    }
    expect(understanding.read('a man is going to pick her up', 'en-GB').situation).toBeUndefined();
    expect(understanding.read('co mam robic? dzwonic na policje?', 'pl').question).toBe('whenToReport');
  });

  it('gifts, lifts and vodka from older lads are exploitation, not a medical emergency; a blade to sort someone out is not self-harm', () => {
    const gifts = understanding.read('theres these older lads giving her lifts and vodka', 'en-GB').danger;
    expect(gifts).toContain('exploitation');
    expect(gifts).not.toContain('medical');
    expect(understanding.read('hes gone out with a blade in his bag to sort some lad out', 'en-GB').danger).not.toContain(
      'suicideSelfHarm',
    );
  });
});

describe('a sixteenth fresh walk: words of harm in an ordinary sense, and the same words meant', () => {
  it.each([
    'shes at her dads for the weekend, shes been sick with a cold but shes taking her meds',
    'hes at his girlfriends, they were just watching a horror film about a stabbing',
    'im a youth worker, we run a knife crime awareness session on tuesdays, one of our kids didnt turn up',
  ])('"%s" is not danger', (text) => {
    expect(understanding.read(text, 'en-GB').danger).toEqual([]);
  });

  it.each([
    ['shes been sick all night after drinking', 'medical'],
    ['he got stabbed watching a film', 'violenceAbuse'],
    ['i wrote letters for every1 already', 'suicideSelfHarm'],
    ['any time tbh, if im still alive lol', 'suicideSelfHarm'],
    ['if he talks theyll torch his mums house', 'violenceAbuse'],
  ])('"%s" is danger (%s)', (text, category) => {
    expect(understanding.read(text, 'en-GB').danger).toContain(category);
  });

  it('a phone that died is not a night with nowhere to stay; one dying now still says they may be cut off', () => {
    expect(understanding.read('my phone died so i couldnt text my mum thats why she reported me', 'en-GB').facts.said).not.toContain(
      'nowhereToStay',
    );
    expect(understanding.read('my phone is dying', 'en-GB').facts.said).toContain('nowhereToStay');
  });

  it('"her friend just saw her at the station" is a sighting; "i last saw her at 7" and "have you seen her" are not', () => {
    expect(understanding.read('her friend just saw her at the station 20 mins ago', 'en-GB').facts.said).toContain('childSighted');
    for (const text of ['i last saw her at 7', 'have you seen her at all'])
      expect(understanding.read(text, 'en-GB').facts.said).not.toContain('childSighted');
  });
});

describe("someone else's body, not someone else's things", () => {
  it('"burns on his arms" is his danger; "some of his pills" says nothing of whose', () => {
    expect(understanding.read('I saw burns on his arms', 'en-GB').dangerOf).toEqual(['someoneElse']);
    expect(understanding.read('ive got some of his pills here', 'en-GB').dangerOf).toEqual(['writer']);
  });
});

describe('a sixteenth fresh walk, second round', () => {
  it('"on the train tmrw with a package" is exploitation; a parcel for the post office is not', () => {
    expect(understanding.read('he wants me to go to margate on the train tmrw with a package', 'en-GB').danger).toContain('exploitation');
    expect(understanding.read('can you take this parcel to the post office for me', 'en-GB').danger).toEqual([]);
  });

  it('"we havent rang the police because manager has to authorise it" is the manager question', () => {
    expect(
      understanding.read('we havent rang the police because manager has to authorise it, is that right? or can i just ring', 'en-GB')
        .question,
    ).toBe('managerUnreachable');
  });
});
