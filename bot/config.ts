// The bot's settings: one zod schema over the environment, read once at start.
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { e164NumberSchema } from './platform/phoneNumbers';

/** The ways in a council may offer (`CHANNELS`). */
export const CHANNEL_NAMES = ['widget', 'sms', 'botframework'] as const;

const emptyToUndefined = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const optionalText = z.preprocess(emptyToUndefined, z.string().trim().optional());

const integer = (min: number, max: number, fallback: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: `must be a whole number from ${min} to ${max}` })
      .int({ message: `must be a whole number from ${min} to ${max}` })
      .min(min, { message: `must be a whole number from ${min} to ${max}` })
      .max(max, { message: `must be a whole number from ${min} to ${max}` })
      .default(fallback),
  );

/** How many proxies stand in front: false (none, the default), true (one) or a number. */
const trustProxy = z.preprocess(
  (value) => {
    const given = emptyToUndefined(value);
    if (typeof given !== 'string') return given;
    const word = given.trim().toLowerCase();
    return word === 'false' ? 0 : word === 'true' ? 1 : word;
  },
  z.coerce
    .number({ message: 'must be false, true or the number of proxies in front of the bot (0 to 10)' })
    .int({ message: 'must be false, true or the number of proxies in front of the bot (0 to 10)' })
    .min(0, { message: 'must be false, true or the number of proxies in front of the bot (0 to 10)' })
    .max(10, { message: 'must be false, true or the number of proxies in front of the bot (0 to 10)' })
    .default(0),
);

const httpUrl = z
  .string()
  .trim()
  .url({ message: 'must be an http(s) URL' })
  .refine((value) => /^https?:\/\//.test(value), { message: 'must be an http(s) URL' })
  .transform((value) => value.replace(/\/+$/, ''));

export const configSchema = z
  .object({
    PORT: integer(1, 65535, 3978),
    HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
    TRUST_PROXY: trustProxy,
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
    DATABASE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine((value) => /^postgres(ql)?:\/\//.test(value), {
          message: 'must be a postgres:// or postgresql:// connection string',
        })
        .optional(),
    ),
    // The longest a PostgreSQL server may take over a connection or a statement before the user is
    // given the fail-safe reply: a locked table or a dead server must not leave a parent waiting.
    DATABASE_TIMEOUT_MS: integer(500, 60_000, 5000),
    MICROSOFT_APP_ID: optionalText,
    MICROSOFT_APP_PASSWORD: optionalText,
    MICROSOFT_APP_TENANT_ID: optionalText,
    MICROSOFT_APP_TYPE: z.preprocess(emptyToUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant')),
    AREA: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[a-z][a-z0-9-]*$/, { message: 'must be an area file name such as "kent"' })
        .default('kent'),
    ),
    TZ: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine((zone) => IANAZone.isValidZone(zone), {
          message: 'must be an IANA time zone such as Europe/London',
        })
        .default('Europe/London'),
    ),
    PUBLIC_BASE_URL: z.preprocess(emptyToUndefined, httpUrl.optional()),
    // "production" refuses to start without the secrets a development instance may make for itself.
    NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'production', 'test']).default('development')),
    TWILIO_ACCOUNT_SID: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^AC[0-9a-fA-F]{32}$/, { message: 'must look like AC followed by 32 hex digits' })
        .optional(),
    ),
    TWILIO_AUTH_TOKEN: optionalText,
    TWILIO_FROM_NUMBER: z.preprocess(emptyToUndefined, e164NumberSchema.optional()),
    TWILIO_API_BASE_URL: z.preprocess(emptyToUndefined, httpUrl.optional()),
    TWILIO_MAX_ATTEMPTS: integer(1, 10, 4),
    TWILIO_RETRY_BASE_MS: integer(0, 60_000, 500),
    TWILIO_TIMEOUT_MS: integer(1000, 60_000, 10_000),
    RETENTION_DAYS: integer(1, 3650, 30),
    LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
    MAX_BODY_BYTES: integer(1024, 10 * 1024 * 1024, 64 * 1024),
    ID_HASH_SECRET: z.preprocess(emptyToUndefined, z.string().min(16, { message: 'must be at least 16 characters' }).optional()),
    SHUTDOWN_GRACE_MS: integer(0, 120_000, 10_000),
    // Bearer token for GET /metrics (Prometheus); without it the endpoint is off.
    METRICS_TOKEN: z.preprocess(emptyToUndefined, z.string().min(24, { message: 'must be at least 24 characters' }).optional()),
    STAFF_API_TOKEN: z.preprocess(emptyToUndefined, z.string().min(24, { message: 'must be at least 24 characters' }).optional()),
    SCHEDULER_INTERVAL_MS: integer(1000, 3_600_000, 30_000),
    PROACTIVE_TIMEOUT_MS: integer(1000, 120_000, 15_000),
    // A turn with nothing sent this long after the message came in sends the fail-safe (999, 101,
    // 116 000) then, on its channel; its own answer follows when it can.
    TURN_DEADLINE_MS: integer(500, 30_000, 3000),
    DIRECTLINE_TOKEN_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, { message: 'must be at least 32 characters' }).optional()),
    // Direct Line clients refresh a token every 15 minutes, so one that lasts less than 30 breaks every chat.
    DIRECTLINE_TOKEN_TTL_SECONDS: integer(1800, 86_400, 3600),
    // However often it is refreshed, a widget conversation's token ends this long after the first.
    DIRECTLINE_TOKEN_MAX_LIFE_SECONDS: integer(1800, 7 * 86_400, 86_400),
    DIRECTLINE_GENERATE_BURST: integer(1, 1000, 10),
    DIRECTLINE_GENERATE_PER_SECOND: integer(1, 1000, 1),
    QUICK_EXIT_URL: z.preprocess(emptyToUndefined, z.string().url({ message: 'must be a URL' }).default('https://www.bbc.co.uk/weather')),
    // The ways in a council offers: the widget (its page and Direct Line), texts (Twilio's webhook),
    // and the Bot Framework endpoint (/api/messages). A way left out has no route at all.
    CHANNELS: z.preprocess(
      (value) => (typeof value === 'string' && value.trim() !== '' ? value.split(/[\s,]+/).filter(Boolean) : undefined),
      z
        .array(z.string())
        .min(1)
        .refine(
          (names): names is Array<(typeof CHANNEL_NAMES)[number]> =>
            names.every((name) => (CHANNEL_NAMES as readonly string[]).includes(name)),
          {
            message: `must be some of ${CHANNEL_NAMES.join(', ')}, separated by commas`,
          },
        )
        .default([...CHANNEL_NAMES]),
    ),
    // The council sites that may show the chat in a frame (embed.js); no other site can frame it.
    WIDGET_EMBED_ORIGINS: z.preprocess(
      (value) => (typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : []),
      z.array(z.string()).refine((origins) => origins.every((origin) => /^https?:\/\/[^/\s]+$/.test(origin)), {
        message: 'must be origins like https://www.kent.gov.uk, separated by spaces',
      }),
    ),
  })
  .superRefine((config, ctx) => {
    if (config.MICROSOFT_APP_ID && !config.MICROSOFT_APP_PASSWORD && config.MICROSOFT_APP_TYPE !== 'UserAssignedMSI') {
      ctx.addIssue({
        code: 'custom',
        path: ['MICROSOFT_APP_PASSWORD'],
        message: 'is required when MICROSOFT_APP_ID is set',
      });
    }
    if (config.MICROSOFT_APP_TYPE === 'SingleTenant' && config.MICROSOFT_APP_ID && !config.MICROSOFT_APP_TENANT_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['MICROSOFT_APP_TENANT_ID'],
        message: 'is required when MICROSOFT_APP_TYPE is SingleTenant',
      });
    }
    const twilio = [config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, config.TWILIO_FROM_NUMBER];
    const twilioSet = twilio.filter((value) => value !== undefined).length;
    if (twilioSet > 0 && twilioSet < twilio.length) {
      const missing = (['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM_NUMBER'] as const).find(
        (name) => config[name] === undefined,
      );
      ctx.addIssue({
        code: 'custom',
        path: [missing ?? 'TWILIO_ACCOUNT_SID'],
        message: 'is required when any TWILIO_ setting is set (set all three or none)',
      });
    }
    if (config.NODE_ENV === 'production' && !config.ID_HASH_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['ID_HASH_SECRET'],
        message: 'is required when NODE_ENV is production: a key made by the bot would be kept beside the hashes it protects',
      });
    }
    if (twilioSet === twilio.length && !config.PUBLIC_BASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_BASE_URL'],
        message: 'is required with Twilio: webhook signatures are checked against it',
      });
    }
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the settings; a bad value throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const variable = issue?.path.join('.') || 'environment';
  throw new ConfigError(`Configuration error: ${variable} ${issue?.message ?? 'is invalid'}`);
}
