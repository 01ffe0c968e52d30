// GET /metrics: Prometheus's format for a scraper with METRICS_TOKEN; turns, replies, danger
// heard, fail-safes and SMS segments, as counts and kinds, never a word or an id.
import { startHarness } from './support/harness';
import { startSmsHarness } from './support/sms';

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';
const scrape = async (url: string, token?: string) =>
  fetch(`${url}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
const valueOf = (text: string, series: string) => {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

it('off without METRICS_TOKEN; with it, a wrong token is refused', async () => {
  const off = await startHarness();
  try {
    expect((await scrape(off.url, METRICS_TOKEN)).status).toBe(404);
  } finally {
    await off.close();
  }
  const on = await startHarness({ env: { METRICS_TOKEN } });
  try {
    expect((await scrape(on.url)).status).toBe(401);
    expect((await scrape(on.url, `${METRICS_TOKEN}x`)).status).toBe(401);
    expect((await scrape(on.url, METRICS_TOKEN)).status).toBe(200);
  } finally {
    await on.close();
  }
});

it('counts turns, replies and danger heard by kind and reader, with nothing said or any id in them', async () => {
  const harness = await startHarness({ env: { METRICS_TOKEN } });
  try {
    const conversation = harness.conversation();
    await conversation.join();
    await conversation.say('she says she wants to kill herself');
    const response = await scrape(harness.url, METRICS_TOKEN);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    const channel = /helpline_turns_total\{channel="([^"]+)"\}/.exec(text)?.[1] ?? '';
    expect(valueOf(text, `helpline_turns_total{channel="${channel}"}`)).toBe(2);
    expect(valueOf(text, `helpline_replies_total{channel="${channel}"}`)).toBeGreaterThanOrEqual(2);
    expect(valueOf(text, 'helpline_danger_heard_total{category="suicideSelfHarm",heard_by="phrases"}')).toBe(1);
    expect(valueOf(text, 'helpline_turns_in_flight')).toBe(0);
    expect(text).toContain('helpline_turn_seconds_bucket');
    expect(text).not.toContain('kill herself');
    expect(text).not.toContain(conversation.id);
  } finally {
    await harness.close();
  }
});

it('counts the SMS segments sent', async () => {
  const sms = await startSmsHarness({ env: { METRICS_TOKEN } });
  try {
    await sms.text('+447700900461', 'hi');
    const text = await (await scrape(sms.url, METRICS_TOKEN)).text();
    expect(valueOf(text, 'helpline_sms_segments_total')).toBeGreaterThanOrEqual(2);
    expect(text).not.toContain('7700900461');
  } finally {
    await sms.close();
  }
});
