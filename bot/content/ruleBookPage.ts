// The area's rule book as one page a safeguarding lead can read and sign off: the documents the
// area stands on, what they leave unsaid and contradict, every service with where its number
// comes from, and every rule served: when it applies, what the bot says in each approved language,
// the passages it stands on word for word, and whether it is the area's own, national, the
// council's word (flagged until confirmed) or borrowed. Rules the area took out are listed with
// the reason. `npm run rulebook` writes it; the bot serves it at /rules.
import type { Content } from './loadContent';
import type { Condition } from './ruleSchema';
import { areaVariables, createLocaliser } from './i18n';
import { flattenKeys, variablesOf } from './localeSchema';
import { isPassage, NATIONAL_GUIDANCE, type CouncilFact, type RuleSource } from './sourceSchema';
import { DEFAULT_LOCALE } from './vocabulary';

const STANDING_WORDS = {
  own: "The area's own guidance",
  national: 'National guidance only (the area’s guidance is silent)',
  council: 'The council’s word (the area’s guidance is silent)',
  borrowed: 'Borrowed from another partnership',
} as const;

export function renderRuleBook(content: Content): string {
  const { area } = content;
  const localiser = createLocaliser(content);
  const provided = new Set([...Object.keys(areaVariables(area, '')), 'officeHours']);
  const unconfirmed = councilFactsOf(content).filter((fact) => !isConfirmed(fact.fact));
  const points = [...new Set(content.rules.map((rule) => rule.point))];

  const messageIn = (locale: string, key: string): string => {
    const template = flattenKeys(content.locales[locale] ?? {}).get(key);
    if (typeof template !== 'string') return '';
    // What a dialog fills in at the time (a deadline, a reference) is shown as its name.
    const shown = Object.fromEntries(variablesOf(template).filter((name) => !provided.has(name)).map((name) => [name, `‹${name}›`]));
    return localiser.messages(locale).t(key, shown);
  };
  const sourceItem = (source: RuleSource): string => {
    if (!isPassage(source)) return `<li>${councilFactHtml(source.council)}</li>`;
    const document = content.guidance[source.file];
    const kind = source.national ? `national guidance (${escape(NATIONAL_GUIDANCE[source.national])}) as quoted in ` : '';
    return `<li><blockquote>${escape(source.quote)}</blockquote><p class="cite">${kind}${escape(document?.title ?? source.file)}, ${escape(document?.partnership ?? '')} (<code>${escape(source.file)}</code>)</p></li>`;
  };

  const ruleSections = points
    .map((point) => {
      const rules = content.servedRules.filter((served) => served.rule.point === point);
      const items = rules
        .map(({ rule, standing, change }) => {
          const messages = area.languages
            .map((locale) => `<dt lang="${escape(locale)}">${escape(content.localeMeta[locale]?.name ?? locale)}</dt><dd lang="${escape(locale)}" dir="${content.localeMeta[locale]?.direction ?? 'ltr'}">${escape(messageIn(locale, rule.say))}</dd>`)
            .join('');
          const changed = change ? `<p><strong>${escape(change.kind === 'replaced' ? 'Replaced for this area' : change.kind === 'added' ? 'This area’s own rule' : 'Borrowed')}</strong>${change.reason ? `: ${escape(change.reason)}` : ''}</p>` : '';
          const borrowed = rule.borrowed ? `<p><strong>Borrowed from</strong> ${escape(content.guidance[rule.borrowed.from]?.partnership ?? rule.borrowed.from)}: ${escape(rule.borrowed.reason)}</p>` : '';
          return `<article id="${escape(rule.id)}" class="rule standing-${standing}">
<h3>${escape(rule.id)} <span class="standing">${escape(STANDING_WORDS[standing])}</span></h3>
<p>${escape(rule.summary)}</p>
<p><strong>When:</strong> ${escape(conditionInWords(rule.when))}${rule.limit ? `. <strong>Limit:</strong> ${escape(rule.limit.name)} = ${rule.limit.value} ${escape(rule.limit.unit)}` : ''}</p>
${changed}${borrowed}
<h4>What the bot says</h4><dl class="messages">${messages}</dl>
<h4>Sources</h4><ul class="sources">${rule.source.map(sourceItem).join('')}</ul>
</article>`;
        })
        .join('\n');
      return `<section aria-labelledby="point-${escape(point)}"><h2 id="point-${escape(point)}">Decision point: ${escape(point)}</h2>\n${items}</section>`;
    })
    .join('\n');

  const documents = area.guidance.documents
    .map((document) => {
      const about = content.guidance[document.file];
      return `<tr><th scope="row"><code>${escape(document.file)}</code></th><td>${escape(about?.title ?? '')}</td><td>${escape(about?.partnership ?? '')}</td><td>${escape(about?.date ?? '')}</td><td>${escape(document.use === 'own' ? 'own' : 'corroborating')}: ${escape(document.status)}</td></tr>`;
    })
    .join('');
  const services = Object.entries(area.services)
    .map(
      ([id, service]) =>
        `<tr><th scope="row">${escape(service.name)} <code>${escape(id)}</code></th><td>${escape([service.phone, service.text && `text ${service.text}`, service.email].filter(Boolean).join(', ') || 'no number: “the number on your council’s website”')}</td><td>${escape(service.hours)}${service.note ? `; ${escape(service.note)}` : ''}</td><td>${service.source ? `<ul>${service.source.map(sourceItem).join('')}</ul>` : ''}${service.council ? councilFactHtml(service.council) : ''}</td></tr>`,
    )
    .join('');
  const { model } = area;
  const modelRow = (heading: string, text: string, sources: RuleSource[]) =>
    `<tr><th scope="row">${escape(heading)}</th><td>${escape(text)}</td><td><ul class="sources">${sources.map(sourceItem).join('')}</ul></td></tr>`;
  const yesNoUnknown = (value: boolean | null) => (value === null ? 'the guidance does not say' : value ? 'yes' : 'no');
  const modelRows = [
    modelRow('Categories and risk levels', `${model.categories.says} Low risk for a child: ${yesNoUnknown(model.categories.lowRiskForChildren)}.`, model.categories.source),
    model.repeatMissing
      ? modelRow('Repeat missing', `${model.repeatMissing.episodes} in ${model.repeatMissing.days} days. ${model.repeatMissing.says}`, model.repeatMissing.source)
      : modelRow('Repeat missing', 'The guidance sets no threshold.', []),
    modelRow(
      'Return interview',
      `${model.returnInterview.name}. Offered to: ${model.returnInterview.offeredTo}. Provided by: ${model.returnInterview.provider}. Independent: ${yesNoUnknown(model.returnInterview.independent)}. Clock starts: ${model.returnInterview.clockStarts}. After a decline: ${model.returnInterview.afterDecline}`,
      model.returnInterview.source,
    ),
    modelRow('Who it covers', `${model.scope.says}${model.scope.ageLimit ? ` Age limit: under ${model.scope.ageLimit}.` : ''}`, model.scope.source),
  ].join('');
  const review = area.guidance.forReview.map((entry) => `<li>${escape(entry.what)}<ul class="sources">${entry.source.map(sourceItem).join('')}</ul></li>`).join('');
  const removed = content.removedRules.map((entry) => `<li><strong>${escape(entry.id)}</strong>: ${escape(entry.reason)}</li>`).join('');

  return `<!doctype html>
<html lang="${DEFAULT_LOCALE}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rule book: ${escape(area.name)}</title>
<style>
body{font-family:system-ui,sans-serif;line-height:1.5;max-width:60rem;margin:0 auto;padding:1rem;color:#111;background:#fff}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #666;padding:.4rem;text-align:left;vertical-align:top}
blockquote{margin:.2rem 0;padding-left:.6rem;border-left:4px solid #444}.cite{margin:0 0 .4rem;font-size:.9rem}
.rule{border-top:2px solid #444;padding-top:.5rem;margin-top:1rem}.standing{font-size:.9rem;font-weight:normal;background:#eee;padding:.1rem .4rem}
.standing-council .standing,.flag{background:#ffe08a}.standing-borrowed .standing{background:#ffc9c9}
dt{font-weight:bold}dd{margin:0 0 .5rem 1rem}
</style>
</head>
<body>
<header><h1>Rule book: ${escape(area.name)}</h1>
<p>${escape(area.partnership)}. Content version <code>${escape(content.version)}</code>. Every rule the bot serves in this area, with the passages it stands on.</p></header>
<main>
<nav aria-label="Contents"><ul><li><a href="#documents">Guidance documents</a></li><li><a href="#model">How this area's guidance works</a></li><li><a href="#unconfirmed">Council facts awaiting confirmation (${unconfirmed.length})</a></li><li><a href="#services">Services and numbers</a></li><li><a href="#review">For the safeguarding lead</a></li><li><a href="#rules">Rules (${content.rules.length})</a></li><li><a href="#removed">Rules not used here (${content.removedRules.length})</a></li></ul></nav>
<section aria-labelledby="documents"><h2 id="documents">Guidance documents</h2>
${area.guidance.incomplete ? `<p class="flag"><strong>Incomplete:</strong> ${escape(area.guidance.incomplete)}</p>` : ''}
<table><caption>The documents this area’s rules may cite</caption><thead><tr><th scope="col">File</th><th scope="col">Title</th><th scope="col">Partnership</th><th scope="col">Date</th><th scope="col">Use</th></tr></thead><tbody>${documents}</tbody></table></section>
<section aria-labelledby="model"><h2 id="model">How this area's guidance works</h2>
<table><caption>The area's categories, repeat missing, return interview and scope, as its documents put them</caption><thead><tr><th scope="col">Part</th><th scope="col">What the guidance says</th><th scope="col">Source</th></tr></thead><tbody>${modelRows}</tbody></table></section>
<section aria-labelledby="unconfirmed"><h2 id="unconfirmed">Council facts awaiting confirmation</h2>
<p>No guidance document holds these. Each needs a named person at the council and a date before the bot goes live.</p>
<ul>${unconfirmed.map((fact) => `<li><strong>${escape(fact.where)}</strong>: ${escape(fact.fact.says)}</li>`).join('')}</ul></section>
<section aria-labelledby="services"><h2 id="services">Services and numbers</h2>
<table><caption>Who the bot tells people to contact, and on what authority</caption><thead><tr><th scope="col">Service</th><th scope="col">Number</th><th scope="col">Hours</th><th scope="col">Source</th></tr></thead><tbody>${services}</tbody></table></section>
<section aria-labelledby="review"><h2 id="review">For the safeguarding lead: contradictions and doubtful details in the documents</h2><ul>${review || '<li>None recorded.</li>'}</ul></section>
<section aria-labelledby="rules"><h2 id="rules">Rules</h2>
${ruleSections}</section>
<section aria-labelledby="removed"><h2 id="removed">Rules not used here</h2><ul>${removed || '<li>None.</li>'}</ul></section>
</main>
</body>
</html>
`;
}

/** Every council fact of the area: its settings, its services' numbers, and the rules it keeps on its word. */
export function councilFactsOf(content: Content): Array<{ where: string; fact: CouncilFact }> {
  const { area } = content;
  return [
    { where: 'Office hours', fact: area.officeHours.council },
    { where: 'Return interview booking', fact: area.returnInterviews.council },
    { where: 'Talk to a person', fact: area.handoff.council },
    ...(area.retention ? [{ where: 'Prepared profiles', fact: area.retention.council }] : []),
    ...(area.carerEnquiries
      ? [{ where: `A carer's enquiries before the police: ${area.carerEnquiries.reportAfterHours} hours`, fact: area.carerEnquiries.council }]
      : []),
    ...Object.values(area.services).flatMap((service) => (service.council ? [{ where: service.name, fact: service.council }] : [])),
    ...content.rules.flatMap((rule) => rule.source.flatMap((source) => (isPassage(source) ? [] : [{ where: `Rule ${rule.id}`, fact: source.council }]))),
  ];
}

export function isConfirmed(fact: CouncilFact): boolean {
  return fact.confirmedBy !== null && fact.confirmedOn !== null;
}

function councilFactHtml(fact: CouncilFact): string {
  const status = isConfirmed(fact) ? `confirmed by ${escape(fact.confirmedBy ?? '')} on ${escape(fact.confirmedOn ?? '')}` : '<strong class="flag">not yet confirmed by the council</strong>';
  return `<p>Council fact: ${escape(fact.says)} (${status})</p>`;
}

function conditionInWords(condition: Condition): string {
  if ('all' in condition) return condition.all.map(conditionInWords).join(' and ');
  if ('any' in condition) return `(${condition.any.map(conditionInWords).join(' or ')})`;
  if ('not' in condition) return `not (${conditionInWords(condition.not)})`;
  if ('equals' in condition) return `${condition.fact} is ${String(condition.equals)}`;
  if ('oneOf' in condition) return `${condition.fact} is one of ${condition.oneOf.map(String).join(', ')}`;
  if ('atLeast' in condition) return `${condition.fact} ≥ ${condition.atLeast}`;
  return `${condition.fact} < ${condition.below}`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
