// The family's own language: choosing it, switching at any point, and whole journeys in Polish,
// Arabic and Romanian, each with the danger interrupt in that language. Clock: Tuesday 24
// November 2026, 23:00 London.
import { countSegments } from '../channels/sms/segments';
import {
  auditTrail,
  allText,
  cardFacts,
  optionTitles,
  startHarness,
  walk,
  type Conversation,
  type Harness,
  type Reply,
} from './support/harness';
import { startSmsHarness } from './support/sms';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ now: '2026-11-24T23:00:00Z' });
});
afterAll(() => harness.close());

const audit = (conversation: Conversation) => auditTrail(harness.app, conversation.id);
const lastOf = (turns: Reply[][]): Reply[] => turns[turns.length - 1] ?? [];

describe('choosing a language', () => {
  it('the welcome offers the approved languages, each in its own name, and no language the area has not approved', async () => {
    const text = allText(await harness.conversation().join());
    for (const name of ['Polski', 'Română', 'العربية']) expect(text).toContain(name);
    for (const name of ['Cymraeg', 'پښتو', 'ትግርኛ']) expect(text).not.toContain(name);
  });

  it('"language" at any point lists them; a name switches, and the same question is asked again in that language', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['hello', '1', 'Missing now']);
    const listed = await conversation.say('language');
    expect(optionTitles(listed)).toEqual(['English', 'Polski', 'Română', 'العربية']);
    const switched = await conversation.say('Polski');
    expect(allText(switched)).toContain('po polsku');
    // Still at "is your child in danger?", now in Polish, and a Polish answer is taken.
    expect(optionTitles(switched)).toEqual(['Tak', 'Nie', 'Nie mam pewności']);
    const next = await conversation.say('nie');
    expect(allText(next)).toContain('wczoraj o 21');
    const back = await conversation.say('english');
    expect(allText(back)).toContain('When did you last see');
  });

  it('a first message in Arabic script ("هلا") is answered in Arabic, and Arabic answers are read', async () => {
    const conversation = harness.conversation();
    const [welcome, , safe] = await walk(conversation, ['هلا', '2', 'اي']);
    expect(allText(welcome ?? [])).toContain('من يكتب؟');
    expect(allText(safe ?? [])).toContain('هل أنت بعيد عن البيت الآن');
  });

  it('a first message in Polish or Romanian words, without their accents, is answered in that language', async () => {
    const polish = await harness.conversation().say('dobry wieczor, corka ma 15 lat i jeszcze nie wrocila od kolezanki');
    expect(allText(polish)).toMatch(/Dzień dobry|Kto pisze|wróci/);
    expect(allText(polish)).not.toContain('Who is writing?');
    const romanian = await harness.conversation().say('buna seara baiatul meu nu a venit acasa de la scoala');
    expect(allText(romanian)).toMatch(/Bună|Cine scrie|întors|acasă/);
    expect(allText(romanian)).not.toContain('Who is writing?');
  });

  it.each([
    ['Polish', 'cześć, potrzebuję pomocy', 'Kto pisze?'],
    ['Romanian', 'buna, am nevoie de ajutor', 'Cine îmi scrie?'],
    ['Arabic', 'مرحبا، أحتاج مساعدة', 'من يكتب؟'],
  ])('a greeting and "I need help" in %s is help in that language, not a danger message in English', async (_language, text, question) => {
    const conversation = harness.conversation();
    const replies = await conversation.say(text);
    expect(allText(replies)).toContain(question);
    expect(allText(replies)).not.toContain('Who is writing?');
    expect(await audit(conversation)).toEqual([]);
  });

  it('a question asked in Polish at "in danger now?" is answered and does not answer it ("czy to dobrze?" is not yes)', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['dobry wieczor, syn ma 14 lat i nie wrocil ze szkoly', 'tak']);
    const replies = await conversation.say('policja kazala czekac do rana, czy to dobrze?');
    expect(allText(replies)).toContain('101');
    expect(allText(replies)).toMatch(/niskiego ryzyka/);
    expect(await audit(conversation)).toEqual([]);
  });

  it('an English first message stays in English, even with a Polish name in it', async () => {
    const replies = await harness.conversation().say('hi my son Kacper is not home yet');
    expect(allText(replies)).not.toMatch(/Dzień dobry|Bună/);
  });

  it('a request for a language in a few words switches to it ("Polish please", "بالعربي لو سمحت"); a sentence that mentions one does not', async () => {
    const polish = harness.conversation();
    await polish.join();
    expect(allText(await polish.say('Polish please'))).toContain('po polsku');
    const arabic = harness.conversation();
    await arabic.join();
    expect(allText(await arabic.say('بالعربي لو سمحت'))).toContain('من يكتب؟');
    const english = harness.conversation();
    await english.join();
    expect(allText(await english.say('my son speaks polish at school'))).not.toContain('po polsku');
  });

  it('a language the area has not approved is not switched to', async () => {
    const conversation = harness.conversation();
    await conversation.join();
    const replies = await conversation.say('cymraeg');
    expect(allText(replies)).not.toMatch(/Gymraeg/);
  });

  it('danger in an approved language is heard before the user has chosen it', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['hello', '1']);
    const replies = await conversation.say('ktoś ją porwał');
    expect(allText(replies)).toContain('999');
    expect(await audit(conversation)).toEqual(['advised-999:G-DANGER-999-NOW']);
  });

  it('the channel\'s locale is followed when approved ("ar"), and not when it is not ("cy")', async () => {
    expect(allText(await harness.conversation(undefined, { locale: 'ar' }).join())).toContain('من يكتب؟');
    expect(allText(await harness.conversation(undefined, { locale: 'cy-GB' }).join())).toContain('Who is writing?');
  });
});

describe('an option answered in another offered language', () => {
  it('"rodzic" at "Who is writing?" chooses Polish and the parent\'s steps', async () => {
    const conversation = harness.conversation();
    await conversation.join();
    const replies = await conversation.say('rodzic');
    expect(replies.every((reply) => reply.locale === 'pl')).toBe(true);
    expect(optionTitles(replies)).toContain('Teraz zaginione');
  });

  it('by text, "parinte" after the greeting chooses Romanian, not "didn\'t catch that"', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700900329';
      await sms.text(phone, 'hi');
      const { replies } = await sms.text(phone, 'parinte');
      expect(replies.join('\n')).toContain('Dispărut acum');
      expect(replies.join('\n')).not.toMatch(/didn.t catch/);
    } finally {
      await sms.close();
    }
  });
});

describe('a word that is an option in another language and an answer in this one', () => {
  it('"ok" at "are you safe right now?" is a yes in English: the conversation stays in English', async () => {
    const conversation = harness.conversation();
    const [, , , replies] = await walk(conversation, ['hi', '2', 'ok'], { join: true });
    expect((replies ?? []).every((reply) => reply.locale !== 'ro')).toBe(true);
    expect(optionTitles(replies ?? [])).toContain('Away now');
  });

  it('by text too', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700901003';
      await sms.text(phone, 'hi');
      await sms.text(phone, '2');
      const { replies } = await sms.text(phone, 'ok');
      expect(replies.join('\n')).toContain('Away now');
      expect(replies.join('\n')).not.toMatch(/Răspundeți/);
    } finally {
      await sms.close();
    }
  });
});

describe('times the recognizer cannot read in the language', () => {
  it('Polish: the day alone is offered after a miss, by number too', async () => {
    const conversation = harness.conversation();
    const [, , , , missed, picked] = await walk(conversation, [
      'polski',
      '1',
      'Zaginęło teraz',
      'nie',
      'nie pamiętam kiedy dokładnie',
      '2',
    ]);
    expect(optionTitles(missed ?? [])).toEqual(['Dzisiaj', 'Wczoraj', 'Przedwczoraj', 'Pomiń', 'Nie wiem']);
    expect(allText(picked ?? [])).toContain('23 listopada');
  });
});

describe('the parent journey to the police summary', () => {
  it('in Polish, with "wczoraj o 21" read as yesterday 21:00 and the danger interrupt in Polish', async () => {
    const conversation = harness.conversation();
    const start = await walk(conversation, ['polski', '1', 'Zaginęło teraz', 'nie', 'wczoraj o 21']);
    expect(allText(lastOf(start))).toContain('23 listopada');
    expect(allText(lastOf(start))).toContain('21:00');
    await walk(conversation, ['tak', '14', 'nie', 'nie', 'Zrobione', 'Zrobione', 'Zrobione']);
    const danger = await conversation.say('ktoś ją porwał');
    expect(allText(danger)).toContain('999');
    // After "call 999 now" the search stops: the questions the police will ask come next.
    expect(allText(danger)).not.toContain('4 z 7');
    await walk(conversation, ['tak', 'nie', 'nie', 'nie', 'tak', '3']);
    const info = await walk(conversation, [
      'Sam Smith',
      '14/03/2012',
      'dworzec autobusowy w Maidstone',
      'dwie koleżanki ze szkoły',
      'niebieska bluza, białe buty',
      'tak',
      'insulina na cukrzycę',
      'kłótnia w domu',
      'u babci w Ashford',
      'dwa razy',
      'nie wiem',
      'Alex Smith, mama',
    ]);
    const facts = cardFacts(lastOf(info));
    expect(facts).toMatchObject({ 'Imię i nazwisko': 'Sam Smith', Wiek: '14', 'Potrzeby zdrowotne i leki': 'insulina na cukrzycę' });
    expect(facts['Ostatnio widziane']).toContain('21:00');
    expect(allText(lastOf(info))).toContain('101');
    // Last seen a day before: reported first, then searched, until "call 999 now".
    expect(await audit(conversation)).toEqual(['advised-101:P-REPORT-NOW-LONG-GONE', 'advised-999:G-DANGER-999-NOW']);
  });

  it.each([
    ['polski', 'mój syn nie wrócił do domu, ma 14 lat', 'nie', 'wczoraj o 21', 'tak', 'Wcześniej podano wiek dziecka: 14'],
    ['română', 'fiul meu nu a venit acasă, are 14 ani', 'nu', 'ieri la 21', 'da', 'Ați spus că are 14 ani'],
  ])('in %s, an age said with the child ("%s") is confirmed, not asked', async (language, first, no, when, yes, confirmed) => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [language, first, no, when, yes]);
    expect(allText(lastOf(turns))).toContain(confirmed);
  });

  it('in spoken Arabic, "وما رجع البيت" (has not come home) is a child missing, never "glad he is back"', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['العربية', 'ابني عمره ١٥ سنة وما رجع البيت من امبارح']);
    const text = allText(lastOf(turns));
    expect(text).toContain('في خطر الآن');
    expect(text).not.toContain('سعيد');
    expect(await audit(conversation)).not.toContain('advised-101:P-RETURN-SAFE-WELL');
  });

  it("in Arabic (right to left), from the channel's locale, with the danger interrupt in Arabic", async () => {
    const conversation = harness.conversation(undefined, { locale: 'ar' });
    const start = await walk(conversation, ['مرحبا', '1', '1', 'لا', 'أمس الساعة 9 مساء']);
    expect(allText(lastOf(start))).toContain('21:00');
    await walk(conversation, ['نعم', '١٤', 'لا', 'لا', 'تم', 'تم', 'تم']);
    const danger = await conversation.say('شخص خطفها');
    // Held left to right inside the Arabic text, so that no number shows reversed.
    expect(allText(danger)).toContain('\u2066999\u2069');
    await walk(conversation, ['نعم', 'لا', 'لا', 'لا', 'نعم', '3']);
    const info = await walk(conversation, [
      'سارة سميث',
      '14/03/2012',
      'محطة الحافلات',
      'صديقتان من المدرسة',
      'معطف أزرق',
      'نعم',
      'إنسولين',
      'شجار في البيت',
      'بيت جدتها',
      'مرتين',
      'لا أعرف',
      'أمها',
    ]);
    const facts = cardFacts(lastOf(info));
    expect(Object.values(facts)).toEqual(expect.arrayContaining(['سارة سميث', '14', 'إنسولين']));
    expect(allText(lastOf(info))).toContain('101');
    // Last seen a day before: reported first, then searched, until "call 999 now".
    expect(await audit(conversation)).toEqual(['advised-101:P-REPORT-NOW-LONG-GONE', 'advised-999:G-DANGER-999-NOW']);
  });
});

describe("the young person's booking in Romanian", () => {
  it('a return interview booked in Romanian, with the danger interrupt in Romanian for a young person', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['română', '2', 'da', 'm-am întors']);
    const crisis = allText(await conversation.say('vreau să mă omor'));
    for (const number of ['999', '0800 1111', '85258', '116 000']) expect(crisis).toContain(number);
    const turns = await walk(conversation, ['cineva nou', 'aseară', 'da', '1', '2', 'nu', 'da']);
    expect(allText(lastOf(turns))).toMatch(/B[0-9A-Z]{3,}/);
    const [row] = await harness.app.db.query<Record<string, unknown>>('select * from booking where conversation_hash = $1', [
      harness.app.hashId(conversation.id),
    ]);
    expect(row).toMatchObject({ with_whom: 'independent', place: 'school', status: 'booked' });
    expect(new Date(row?.slot_start as string).toISOString()).toBe('2026-11-25T10:00:00.000Z');
    expect(await audit(conversation)).toEqual(['advised-999:G-DANGER-YP-SUICIDE', 'booking-made:Y-BOOKING-MADE']);
  });
});

describe('by SMS', () => {
  it('"in romana va rog" by text switches to Romanian', async () => {
    const sms = await startSmsHarness();
    try {
      const { replies } = await sms.text('+447700900556', 'in romana va rog');
      expect(replies.join('\n')).toContain('o să scriu în română');
    } finally {
      await sms.close();
    }
  });

  it('"cześć, potrzebuję pomocy" by text is answered in Polish, with no danger message', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700900557';
      const { replies } = await sms.text(phone, 'cześć, potrzebuję pomocy');
      expect(replies.join('\n')).toContain('Kto pisze?');
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toEqual([]);
    } finally {
      await sms.close();
    }
  });

  it("texting a language's name switches; texts in Arabic are UCS-2 and each part stays within 3 segments", async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700900555';
      const { replies } = await sms.text(phone, 'العربية');
      expect(replies.join('\n')).toContain('من يكتب؟');
      expect(replies.join('\n')).toContain('\u2066999\u2069');
      const { replies: next } = await sms.text(phone, '1');
      expect(next.join('\n')).toMatch(/[\u0600-\u06ff]/);
      for (const part of [...replies, ...next]) {
        expect(countSegments(part).encoding).toBe('UCS-2');
        expect(countSegments(part).segments).toBeLessThanOrEqual(3);
      }
    } finally {
      await sms.close();
    }
  });
});
