// Settings: defaults for a bare start, and one line naming the variable for a bad value.
import { readFileSync } from 'node:fs';
import { configSchema, loadConfig } from '../bot/config';
import { projectPath } from '../bot/platform/paths';

describe('loadConfig', () => {
  it('needs nothing for a local start: port 3978, ./data, Kent, Europe/London', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3978, DATA_DIR: './data', AREA: 'kent', TZ: 'Europe/London', RETENTION_DAYS: 30 });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.CHANNELS).toEqual(['widget', 'sms', 'botframework']);
    expect(loadConfig({ CHANNELS: 'widget, sms' }).CHANNELS).toEqual(['widget', 'sms']);
  });

  it('treats empty values as unset, as a copied .env.example leaves them', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', TWILIO_ACCOUNT_SID: '' }).PORT).toBe(3978);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ RETENTION_DAYS: '0' }, 'RETENTION_DAYS'],
    [{ TZ: 'Mars/Olympus' }, 'TZ'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ AREA: '../etc/passwd' }, 'AREA'],
    [{ CHANNELS: 'widget,fax' }, 'CHANNELS'],
    [{ PUBLIC_BASE_URL: 'ftp://example.org' }, 'PUBLIC_BASE_URL'],
    [{ MICROSOFT_APP_ID: 'abc' }, 'MICROSOFT_APP_PASSWORD'],
    [{ TWILIO_ACCOUNT_SID: 'AC' + '0'.repeat(32) }, 'TWILIO_AUTH_TOKEN'],
    [{ TWILIO_FROM_NUMBER: '07700 900123' }, 'TWILIO_FROM_NUMBER'],
    // Shorter than the Direct Line client's 15-minute refresh with room to spare: every chat would break.
    [{ DIRECTLINE_TOKEN_TTL_SECONDS: '600' }, 'DIRECTLINE_TOKEN_TTL_SECONDS'],
    [{ WIDGET_EMBED_ORIGINS: 'www.kent.gov.uk/missing' }, 'WIDGET_EMBED_ORIGINS'],
  ])('%j stops start-up with one line naming %s', (env, variable) => {
    let message = '';
    try {
      loadConfig(env);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.startsWith(`Configuration error: ${variable} `)).toBe(true);
    expect(message).not.toContain('\n');
  });

  it('documents every variable of the schema in .env.example', () => {
    const example = readFileSync(projectPath('.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]));
    const schemaKeys = Object.keys(configSchema.shape);
    expect(schemaKeys.filter((key) => !documented.has(key))).toEqual([]);
    expect([...documented].filter((key) => key && !schemaKeys.includes(key))).toEqual([]);
  });
});
