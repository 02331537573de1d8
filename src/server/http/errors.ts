import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/** One catalogue of error codes: HTTP status and the title in Dutch and English. */
export const ERROR_CATALOGUE = {
  validation_failed: { status: 400, nl: 'Ongeldige invoer', en: 'Invalid input' },
  invalid_json: { status: 400, nl: 'De inhoud is geen geldige JSON', en: 'The body is not valid JSON' },
  unauthenticated: { status: 401, nl: 'Niet ingelogd', en: 'Not logged in' },
  invalid_credentials: { status: 401, nl: 'E-mailadres of wachtwoord klopt niet', en: 'E-mail address or password is incorrect' },
  forbidden: { status: 403, nl: 'Geen toegang', en: 'Access denied' },
  csrf_failed: { status: 403, nl: 'Beveiligingstoken ontbreekt of klopt niet', en: 'Security token missing or invalid' },
  not_found: { status: 404, nl: 'Niet gevonden', en: 'Not found' },
  not_acceptable: { status: 406, nl: 'Dit formaat kan niet worden geleverd', en: 'This format cannot be provided' },
  unsupported_media_type: { status: 415, nl: 'Niet-ondersteund inhoudstype', en: 'Unsupported media type' },
  payload_too_large: { status: 413, nl: 'De aanvraag is te groot', en: 'The request is too large' },
  invalid_transition: { status: 409, nl: 'Deze statuswijziging is niet toegestaan', en: 'This status change is not allowed' },
  version_conflict: { status: 409, nl: 'Iemand anders heeft dit intussen gewijzigd', en: 'Someone else changed this in the meantime' },
  conflict: { status: 409, nl: 'Conflict met bestaande gegevens', en: 'Conflict with existing data' },
  rate_limited: { status: 429, nl: 'Te veel pogingen', en: 'Too many attempts' },
  account_locked: { status: 429, nl: 'Account tijdelijk geblokkeerd', en: 'Account temporarily locked' },
  totp_required: { status: 401, nl: 'Tweede factor nodig', en: 'Second factor required' },
  invalid_totp: { status: 401, nl: 'De code klopt niet', en: 'The code is incorrect' },
  mfa_required: { status: 403, nl: 'Stel eerst de tweede factor in', en: 'Set up the second factor first' },
  internal: { status: 500, nl: 'Er ging iets mis aan onze kant', en: 'Something went wrong on our side' },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface FieldError {
  path: string;
  message: string;
  messageEn: string;
}

/** A refusal the client can act on; becomes an RFC 9457 problem+json answer. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detailNl: string;
  readonly detailEn: string;
  readonly fieldErrors?: FieldError[];

  constructor(code: ErrorCode, detail?: { nl: string; en: string }, fieldErrors?: FieldError[]) {
    const entry = ERROR_CATALOGUE[code];
    super(detail?.en ?? entry.en);
    this.code = code;
    this.status = entry.status;
    this.detailNl = detail?.nl ?? entry.nl;
    this.detailEn = detail?.en ?? entry.en;
    this.fieldErrors = fieldErrors;
  }
}

/** A 400 validation_failed carrying every failing field in Dutch and English; nothing is written. */
export function validationError(errors: FieldError[]): AppError {
  return new AppError(
    'validation_failed',
    {
      nl: `Controleer de invoer: ${errors.map((e) => `${e.path || '(inhoud)'} — ${e.message}`).join('; ')}`,
      en: `Check the input: ${errors.map((e) => `${e.path || '(body)'} — ${e.messageEn}`).join('; ')}`,
    },
    errors,
  );
}

/** One failing field, in Dutch and English. */
export const fieldError = (path: string, nl: string, en: string): FieldError => ({ path, message: nl, messageEn: en });

export const notFound = (what: { nl: string; en: string }) => new AppError('not_found', what);
export const forbidden = () =>
  new AppError('forbidden', {
    nl: 'Uw rol mag deze handeling niet uitvoeren.',
    en: 'Your role may not perform this action.',
  });

const nlLocale = z.locales.nl();
const enLocale = z.locales.en();

/**
 * Turns zod issues into field errors with a message in both languages. zod's locales word a
 * failed custom check (BSN eleven-test, date order) as "Invalid input"; such checks carry their
 * own `{nl, en}` in the issue's `params`, which then win.
 */
export function fieldErrorsFrom(schema: z.ZodType, data: unknown, prefix: string): FieldError[] {
  const nl = schema.safeParse(data, { error: nlLocale.localeError });
  const en = schema.safeParse(data, { error: enLocale.localeError });
  const nlIssues = nl.success ? [] : nl.error.issues;
  const enIssues = en.success ? [] : en.error.issues;
  return nlIssues.map((issue, i) => {
    const own = issue.code === 'custom' ? (issue.params as { nl?: string; en?: string } | undefined) : undefined;
    return {
      path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
      message: own?.nl && own.en ? own.nl : issue.message,
      messageEn: own?.nl && own.en ? own.en : (enIssues[i]?.message ?? issue.message),
    };
  });
}

/**
 * Fastify validator compiler for zod schemas: a failed parse becomes a validation_failed
 * AppError carrying every failing field in Dutch and English.
 */
export function zodValidatorCompiler({ schema, httpPart }: { schema: unknown; httpPart?: string }) {
  const zodSchema = schema as z.ZodType;
  const prefix = httpPart === 'body' ? '' : httpPart === 'querystring' ? 'query' : (httpPart ?? '');
  return (data: unknown) => {
    const result = zodSchema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: validationError(fieldErrorsFrom(zodSchema, data, prefix)) };
  };
}

function problem(reply: FastifyReply, req: FastifyRequest, err: AppError) {
  const entry = ERROR_CATALOGUE[err.code];
  return reply
    .status(err.status)
    .type('application/problem+json')
    .send({
      type: `https://eerstethuis.nl/problems/${err.code.replace(/_/g, '-')}`,
      title: entry.nl,
      titleEn: entry.en,
      status: err.status,
      detail: err.detailNl,
      detailEn: err.detailEn,
      code: err.code,
      instance: req.url.split('?')[0],
      ...(err.fieldErrors ? { errors: err.fieldErrors } : {}),
    });
}

/**
 * Fastify's router turns some requests away before any route, hook or error handler runs: a path
 * that is not valid UTF-8 once decoded, a path parameter longer than `maxParamLength`. Passed as
 * the `frameworkErrors` option, so those answers are problem+json like every other refusal.
 */
export function frameworkErrors(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  return problem(
    reply,
    req,
    new AppError(
      'validation_failed',
      tooLong
        ? { nl: 'Een deel van het adres is te lang.', en: 'A part of the address is too long.' }
        : { nl: 'Het adres bevat ongeldige tekens.', en: 'The address contains invalid characters.' },
      [{ path: 'params', message: tooLong ? 'Te lang' : 'Ongeldige tekens', messageEn: tooLong ? 'Too long' : 'Invalid characters' }],
    ),
  );
}

/** Maps every error to problem+json; unknown errors become a generic 500 without internals. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError, req, reply) => {
    if (error instanceof AppError) return problem(reply, req, error);
    const code = (error as FastifyError).code;
    if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return problem(reply, req, new AppError('invalid_json'));
    }
    if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return problem(
        reply,
        req,
        new AppError('invalid_json', { nl: 'De inhoud is leeg.', en: 'The body is empty.' }),
      );
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return problem(reply, req, new AppError('unsupported_media_type'));
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return problem(reply, req, new AppError('payload_too_large'));
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      return problem(
        reply,
        req,
        new AppError(status === 404 ? 'not_found' : status === 429 ? 'rate_limited' : 'validation_failed', {
          nl: error.message,
          en: error.message,
        }),
      );
    }
    req.log.error({ err: error }, 'unhandled error');
    return problem(reply, req, new AppError('internal'));
  });
  app.setNotFoundHandler((req, reply) =>
    problem(
      reply,
      req,
      new AppError('not_found', {
        nl: `Er is geen route ${req.method} ${req.url.split('?')[0]}.`,
        en: `There is no route ${req.method} ${req.url.split('?')[0]}.`,
      }),
    ),
  );
}
