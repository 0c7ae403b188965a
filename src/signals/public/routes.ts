// The public reporting pages (/melden): anyone reports without an account, in six languages, and follows the
// report with the receipt code. Nothing that identifies the reporter is kept: no address and no user agent go to
// the service, the code only as a slow hash (reporter.ts), and the rate limit counts keyed hashes of addresses in
// memory. Look-ups are POST forms, so a code is never in an address (nor in a log, which holds paths only).
import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Ctx } from '../../context.js';
import { DomainError, type FieldIssue } from '../../errors.js';
import { listMunicipalities } from '../../reference/index.js';
import { field, fields } from '../../web/forms.js';
import { renderPage } from '../../web/layout.js';
import {
  formatCode,
  normaliseCode,
  readByCode,
  receiptFormToken,
  replyByCode,
  submitAnonymous,
  type ReporterView,
} from '../reporter.js';
import { LIMITS } from '../vocabulary.js';
import './i18n.js';
import { CodePage, ReceiptPage, ReportPage, StatusPage, type Errors, type ReportForm } from './pages.js';

// Made once per process and never stored: the limiter's keys are HMACs of client addresses under it, so not even
// the limiter's memory holds an address, and a restart makes old keys meaningless.
const ADDRESS_KEY = randomBytes(32);

const page = { access: 'public', languages: 'public' } as const;

function limited(app: FastifyInstance) {
  return {
    ...page,
    rateLimit: {
      max: app.config.anonymousRateLimit,
      timeWindow: '1 minute',
      keyGenerator: (req: FastifyRequest) =>
        createHmac('sha256', ADDRESS_KEY).update(req.ip).digest('base64url'),
    },
  };
}

/** The reporter is nobody, even when a logged-in professional uses the public form. */
const anonymous = (req: FastifyRequest): Ctx => req.ctx.as({ kind: 'anonymous' });

/** Dates as people type them where the browser has no date picker: 14-3-2026, 14/03/2026, 14.03.2026. */
function isoDate(value: string): string {
  const dmy = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(value);
  return dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : value;
}

/** The service's issues as messages beside their fields, in the reporter's language. */
function pageErrors(req: FastifyRequest, issues: FieldIssue[]): Errors {
  const errors: Errors = {};
  for (const issue of issues) {
    const name = issue.field.replace(/^\//, '');
    const key =
      issue.rule === 'maxLength'
        ? 'pub.error.maxLength'
        : name === 'what' || name === 'body'
          ? `pub.error.${name}.required`
          : name === 'observedOn'
            ? `pub.error.observedOn.${issue.rule}`
            : `pub.error.${name}`;
    const max = name === 'contact' ? LIMITS.contact : name === 'body' ? LIMITS.message : LIMITS.narrative;
    errors[name] ??= req.t(key, { max });
  }
  return errors;
}

function readReport(req: FastifyRequest): ReportForm {
  return {
    what: field(req, 'what'),
    municipalityCode: field(req, 'municipalityCode'),
    observedOn: field(req, 'observedOn'),
    forms: fields(req, 'forms'),
    contact: field(req, 'contact'),
    receipt: field(req, 'receipt'),
  };
}

async function showReport(req: FastifyRequest, reply: FastifyReply, form: ReportForm, errors: Errors) {
  const municipalities = await listMunicipalities(req.ctx);
  return reply.page(
    req.t('pub.form.title'),
    h(ReportPage, { page: reply.pageContext(), form, errors, municipalities }),
    Object.keys(errors).length ? 400 : 200,
  );
}

/**
 * The receipt: the code's only showing. No language menu (following it would lose the code) and no caching; the
 * code is in this body only. A retry of the same form lands here again with the same code.
 */
function showReceipt(req: FastifyRequest, reply: FastifyReply, receipt: { code: string; reference: string }) {
  const page = { ...reply.pageContext(), languageMenu: false };
  const body = h(ReceiptPage, { page, code: receipt.code, reference: receipt.reference });
  return reply
    .code(200)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(renderPage(page, req.t('pub.receipt.title'), body));
}

function showCodeForm(req: FastifyRequest, reply: FastifyReply, errors: Errors = {}) {
  return reply.page(
    req.t('pub.status.title'),
    h(CodePage, { page: reply.pageContext(), errors }),
    Object.keys(errors).length ? 400 : 200,
  );
}

/** One message for every kind of wrong code: unknown, malformed, or right in its first part only. */
const unknownCode = (req: FastifyRequest, reply: FastifyReply) =>
  showCodeForm(req, reply, { code: req.t('pub.code.unknown') });

function showStatus(
  req: FastifyRequest,
  reply: FastifyReply,
  view: ReporterView,
  code: string,
  extra: { draft?: string; errors?: Errors; sent?: boolean } = {},
) {
  const errors = extra.errors ?? {};
  return reply.page(
    req.t('pub.view.title'),
    h(StatusPage, {
      page: reply.pageContext(),
      view,
      code: formatCode(code),
      draft: extra.draft ?? '',
      errors,
      sent: extra.sent ?? false,
    }),
    Object.keys(errors).length ? 400 : 200,
  );
}

export function publicReportRoutes(app: FastifyInstance): void {
  app.get('/melden', { config: page }, async (req, reply) =>
    showReport(
      req,
      reply,
      {
        what: '',
        municipalityCode: '',
        observedOn: '',
        forms: [],
        contact: '',
        receipt: receiptFormToken(req.ctx),
      },
      {},
    ),
  );

  app.post('/melden', { config: limited(app) }, async (req, reply) => {
    const form = readReport(req);
    try {
      const receipt = await submitAnonymous(anonymous(req), form.receipt, {
        what: form.what,
        municipalityCode: form.municipalityCode || undefined,
        observedOn: isoDate(form.observedOn) || undefined,
        forms: form.forms,
        contact: form.contact || undefined,
        language: req.publicLang ?? req.lang,
      });
      return await showReceipt(req, reply, receipt);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'validation-failed') throw error;
      const errors = pageErrors(req, error.issues);
      // A forged or unreadable receipt field gets a fresh one, so sending again works.
      if (errors.receipt) form.receipt = receiptFormToken(req.ctx);
      return showReport(req, reply, form, errors);
    }
  });

  app.get('/melden/status', { config: page }, async (req, reply) => showCodeForm(req, reply));

  app.post('/melden/status', { config: limited(app) }, async (req, reply) => {
    const code = field(req, 'code');
    if (!code) return showCodeForm(req, reply, { code: req.t('pub.code.required') });
    const view = await readByCode(anonymous(req), code);
    if (!view) return unknownCode(req, reply);
    return showStatus(req, reply, view, normaliseCode(code)!);
  });

  app.post('/melden/status/bericht', { config: limited(app) }, async (req, reply) => {
    const code = field(req, 'code');
    const draft = field(req, 'body', { trim: false });
    const ctx = anonymous(req);
    try {
      const view = await replyByCode(ctx, code, draft);
      return await showStatus(req, reply, view, normaliseCode(code)!, { sent: true });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'conflict') return unknownCode(req, reply);
      if (error.code !== 'validation-failed') throw error;
      const view = await readByCode(ctx, code);
      if (!view) return unknownCode(req, reply);
      return showStatus(req, reply, view, normaliseCode(code)!, {
        draft,
        errors: pageErrors(req, error.issues),
      });
    }
  });

  // The language menu on a page answered to a POST links here: back to the code form.
  app.get('/melden/status/bericht', { config: page }, async (_req, reply) =>
    reply.redirect('/melden/status', 303),
  );
}
