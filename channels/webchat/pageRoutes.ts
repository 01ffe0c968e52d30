// The widget page at / and /chat, its script and styles, the Web Chat bundle from
// node_modules, the privacy page and the one-tag embed script. Every word comes from content
// in the visitor's language; nothing is loaded from another server (the CSP says so too).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { Localiser, Messages } from '../../bot/content/i18n';
import { LANGUAGE_TAG } from '../../bot/content/localeSchema';
import { projectPath } from '../../bot/platform/paths';
import { streamOriginOf } from './directLineEndpoints';
import { staticAsset } from './staticAsset';

const PAGE_DIRECTORY = projectPath('channels', 'webchat', 'page');
// The package exports no path to its browser bundle; find it beside the package's entry point.
const WEBCHAT_BUNDLE = path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Web Chat writes its styles into <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Only this server and the council sites named may show a page in a frame. The page talks to
 * this server alone: 'self' covers its own WebSocket in current browsers, and the public
 * address's is named for those that read 'self' as http(s) only.
 */
const contentSecurityPolicy = (embedOrigins: readonly string[], publicBaseUrl: string | undefined) =>
  [
    CONTENT_SECURITY_POLICY,
    `connect-src 'self'${publicBaseUrl ? ` ${streamOriginOf(publicBaseUrl)}` : ''}`,
    `frame-ancestors 'self'${embedOrigins.map((origin) => ` ${origin}`).join('')}`,
  ].join('; ');

/** The chat page's own words (widget.*) that follow a language switch: plain, and with phone numbers as call links. */
const PAGE_WORDS = ['title', 'heading', 'quickExit', 'quickExitHint', 'dataLink', 'chatLabel'];
const PAGE_CALLABLE_WORDS = ['dangerLine', 'otherNumbers'];

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** 999, 101, 116 000, 0800 1111 and other UK numbers, as the words say them. */
const PHONE_NUMBER = /(^|[^\d])(999|101|111|116 ?\d{3}|0\d{3,4}(?: ?\d{3,4}){1,2})(?!\d)/g;

/** Escaped text with each phone number a link that calls it with one tap. */
const withCallLinks = (escaped: string) =>
  escaped.replace(
    PHONE_NUMBER,
    (_match, before: string, number: string) => `${before}<a href="tel:${number.replace(/ /g, '')}">${number}</a>`,
  );
/** JSON safe inside a <script> element or a script file. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{([a-zA-Z]+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

export interface PageOptions {
  server: Server;
  localiser: Localiser;
  quickExitUrl: string;
  /** Council sites allowed to frame the chat (embed.js). */
  embedOrigins: readonly string[];
  retentionDays: number;
  publicBaseUrl?: string;
}

export function mountPages({ server, localiser, quickExitUrl, retentionDays, embedOrigins, publicBaseUrl }: PageOptions): void {
  const policy = contentSecurityPolicy(embedOrigins, publicBaseUrl);
  const read = (name: string) => readFileSync(path.join(PAGE_DIRECTORY, name), 'utf8');
  const chatTemplate = read('chat.html');
  const privacyTemplate = read('privacy.html');
  const embedTemplate = read('embed.js');
  const assets = {
    webchatScript: staticAsset('/widget/webchat.js', readFileSync(WEBCHAT_BUNDLE), 'text/javascript; charset=utf-8'),
    widgetScript: staticAsset('/widget/widget.js', read('widget.js'), 'text/javascript; charset=utf-8'),
    widgetStyles: staticAsset('/widget/widget.css', read('widget.css'), 'text/css; charset=utf-8'),
  };
  const assetUrls = Object.fromEntries(Object.entries(assets).map(([name, asset]) => [name, asset.url]));

  // The page follows the browser's languages, the first the area approved; ?lang= chooses one.
  const messagesFor = (req: Request): Messages => {
    // Read from the URL itself: no query parser is mounted, so req.query is not the query.
    const chosen = new URL(req.url ?? '/', 'http://page').searchParams.get('lang');
    const asked: string[] = [...(chosen ? [chosen] : []), ...acceptedLanguages(req.header('accept-language'))];
    const approved = asked.map((tag) => localiser.approvedLocale(tag)).find((locale) => locale !== undefined);
    return localiser.messages(localiser.pickLocale(approved));
  };
  const direction = (messages: Messages): string =>
    localiser.offered.find((language) => language.locale === messages.locale)?.direction ?? 'ltr';
  const callable = (escaped: Record<string, string>) =>
    Object.fromEntries(Object.entries(escaped).map(([key, value]) => [key, withCallLinks(value)]));
  const words = (messages: Messages, keys: string[], variables: Record<string, string | number> = {}) =>
    Object.fromEntries(keys.map((key) => [key.split('.').pop() ?? key, escapeHtml(messages.t(`widget.${key}`, variables))]));

  const sendHtml = (res: Response, html: string) => {
    res.sendRaw(200, html, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': policy,
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    });
  };
  const sendStatic = (res: Response, body: string | Buffer, type: string) => {
    res.sendRaw(200, body, { 'Content-Type': type, 'Cache-Control': 'public, max-age=3600', 'X-Content-Type-Options': 'nosniff' });
  };

  const chat = async (req: Request, res: Response) => {
    const messages = messagesFor(req);
    sendHtml(
      res,
      fill(chatTemplate, {
        ...assetUrls,
        lang: escapeHtml(messages.locale),
        dir: direction(messages),
        ...callable(words(messages, [...PAGE_CALLABLE_WORDS, 'noScript'])),
        ...words(messages, [...PAGE_WORDS, 'loading']),
        config: scriptJson({ locale: messages.locale, dir: direction(messages), quickExitUrl, failed: messages.t('widget.failed') }),
      }),
    );
  };
  server.get('/', chat);
  server.get('/chat', chat);
  // The page's own words in another approved language: the widget follows a switch made in the chat.
  server.get('/widget/words', async (req: Request, res: Response) => {
    const asked = new URL(req.url ?? '/', 'http://page').searchParams.get('lang') ?? '';
    const locale = LANGUAGE_TAG.test(asked) ? localiser.approvedLocale(asked) : undefined;
    if (!locale) {
      res.send(404, { code: 'NotFound', message: 'That language is not offered here.' });
      return;
    }
    const messages = localiser.messages(locale);
    res.header('Cache-Control', 'public, max-age=3600');
    res.send(200, {
      locale: messages.locale,
      dir: direction(messages),
      // Escaped, with phone numbers as call links, as the page itself has them.
      html: { ...callable(words(messages, PAGE_CALLABLE_WORDS)) },
      text: Object.fromEntries([...PAGE_WORDS, 'failed'].map((key) => [key, messages.t(`widget.${key}`)])),
    });
  });
  server.get('/privacy', async (req: Request, res: Response) => {
    const messages = messagesFor(req);
    sendHtml(
      res,
      fill(privacyTemplate, {
        ...assetUrls,
        lang: escapeHtml(messages.locale),
        dir: direction(messages),
        ...words(messages, ['privacy.title', 'privacy.intro', 'privacy.kept', 'privacy.numbers', 'privacy.records', 'privacy.back'], {
          days: retentionDays,
        }),
        ...callable(words(messages, PAGE_CALLABLE_WORDS)),
      }),
    );
  });
  // Browsers ask for it; there is none, and a 404 would only fill the console.
  server.get('/favicon.ico', async (_req: Request, res: Response) => {
    res.send(204);
  });
  for (const asset of Object.values(assets)) server.get(asset.path, async (req: Request, res: Response) => asset.send(req, res));
  server.get('/embed.js', async (req: Request, res: Response) => {
    const messages = messagesFor(req);
    const labels = {
      open: messages.t('widget.embedButton'),
      close: messages.t('widget.embedClose'),
      title: messages.t('widget.chatLabel'),
    };
    sendStatic(res, fill(embedTemplate, { labels: scriptJson(labels) }), 'text/javascript; charset=utf-8');
  });
}

/** The languages an Accept-Language header lists, most wanted first. */
function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .slice(0, 20)
    .map((entry, index) => {
      const [tag = '', ...parameters] = entry.split(';').map((part) => part.trim());
      const q = Number(parameters.find((parameter) => parameter.startsWith('q='))?.slice(2) ?? '1');
      return { tag, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter(({ tag, q }) => q > 0 && LANGUAGE_TAG.test(tag))
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag }) => tag);
}
