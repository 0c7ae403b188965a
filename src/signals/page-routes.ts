// The reporting point's pages (intake, the queue, a signal, forwarding; the recipient's and the reporter's pages are
// in partner-page-routes.ts). GET forms use query parameters; POST forms carry a CSRF token and redirect (303)
// after success, or show the page again with each error beside its field (400).
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { DomainError } from '../errors.js';
import { findOrganisation } from '../organisations/index.js';
import { listMunicipalities } from '../reference/index.js';
import { field, fields } from '../web/forms.js';
import { indicatorCatalogue, isUuid } from './common.js';
import { errorsOf, idOf, isValidation, pageField, savedOf, values } from './page-support.js';
import { forwardSignal, recipientOptions } from './forwarding.js';
import type { IdentifierInput, PersonInput } from './checks.js';
import { reportSignal } from './intake.js';
import { ForwardPage } from './pages/forwarding.js';
import { IntakePage } from './pages/intake.js';
import { PAGE_IDENTIFIERS, PAGE_PERSONS, type Errors, type Values } from './pages/shared.js';
import { QueuePage, SignalPage } from './pages/triage.js';
import {
  addNote,
  assign,
  assignees,
  decideSignal,
  getSignal,
  linkSignals,
  listQueue,
  mergeSignal,
  messageReporter,
  reopen,
  routeToMunicipality,
  type QueueQuery,
} from './triage.js';
import { FORMS, isOneOf, SIGNAL_CATEGORIES, STATUSES, type SignalCategory } from './vocabulary.js';

async function municipalities(req: FastifyRequest) {
  return (await listMunicipalities(req.ctx)).map((m) => ({ code: m.code, name: m.name }));
}

async function showIntake(req: FastifyRequest, reply: FastifyReply, v: Values, errors: Errors, status = 200) {
  const catalogue = await indicatorCatalogue(req.ctx);
  return reply.page(
    req.t('sig.intake.title'),
    h(IntakePage, {
      page: reply.pageContext(),
      view: {
        municipalities: await municipalities(req),
        indicators: catalogue.map((i) => ({
          code: i.code,
          form: i.form,
          label: req.lang === 'en' ? i.label_en : i.label_nl,
        })),
        values: v,
        errors,
        token: typeof v.token === 'string' && v.token ? v.token : randomUUID(),
      },
    }),
    status,
  );
}

/**
 * The form as the service's input. Rows of people and identifiers that were left empty are skipped; `rowOf` maps
 * the service's index back to the page's row so an error lands beside the right field.
 */
async function readIntake(req: FastifyRequest) {
  const catalogue = await indicatorCatalogue(req.ctx);
  const indicators = fields(req, 'indicators');
  const formOf = new Map(catalogue.map((i) => [i.code, i.form]));
  // Ticking an indicator says which form it is about: the form is added, so nobody has to tick both.
  const forms = [...new Set([...fields(req, 'forms'), ...indicators.flatMap((c) => formOf.get(c) ?? [])])];
  const urgency = fields(req, 'urgency');
  const errors: Errors = {};
  const persons: PersonInput[] = [];
  const personRows: number[] = [];
  for (let i = 0; i < PAGE_PERSONS; i++) {
    const get = (name: string) => field(req, `persons.${i}.${name}`);
    const filled = ['role', 'approximateAge', 'gender', 'nationality', 'description'].some(
      (n) => get(n) !== '',
    );
    if (!filled) continue;
    if (!get('role')) errors[`persons.${i}.role`] = req.t('sig.error.role-required');
    const age = get('approximateAge');
    if (age !== '' && !/^\d{1,3}$/.test(age))
      errors[`persons.${i}.approximateAge`] = req.t('sig.error.range');
    personRows.push(i);
    persons.push({
      role: get('role'),
      ...(age !== '' && /^\d{1,3}$/.test(age) ? { approximateAge: Number(age) } : {}),
      ...(get('gender') ? { gender: get('gender') } : {}),
      ...(get('nationality') ? { nationality: get('nationality') } : {}),
      ...(get('description') ? { description: get('description') } : {}),
    });
  }
  const identifiers: IdentifierInput[] = [];
  const identifierRows: number[] = [];
  for (let i = 0; i < PAGE_IDENTIFIERS; i++) {
    const type = field(req, `identifiers.${i}.type`);
    const value = field(req, `identifiers.${i}.value`);
    if (!type && !value) continue;
    if (!type) errors[`identifiers.${i}.type`] = req.t('sig.error.type-required');
    identifierRows.push(i);
    identifiers.push({ type, value });
  }
  const rename = (name: string) => {
    const m = /^\/(persons|identifiers)\/(\d+)(\/.*)?$/.exec(name);
    if (!m) return pageField(name);
    const rows = m[1] === 'persons' ? personRows : identifierRows;
    const row = rows[Number(m[2])] ?? 0;
    return `${m[1]}.${row}${m[3] ? pageField(m[3]).replace(/^/, '.') : m[1] === 'persons' ? '.role' : '.value'}`;
  };
  return {
    input: {
      municipalityCode: field(req, 'municipalityCode') || undefined,
      observedOn: field(req, 'observedOn'),
      forms,
      indicators,
      narrative: field(req, 'narrative'),
      acuteDanger: urgency.includes('acute'),
      minorsInvolved: urgency.includes('minors'),
      seriousDisadvantage: urgency.includes('seriousDisadvantage'),
      sector: field(req, 'sector') || undefined,
      persons,
      identifiers,
    },
    errors,
    rename,
  };
}

async function showSignal(
  req: FastifyRequest,
  reply: FastifyReply,
  id: string,
  extra: { errors?: Errors; values?: Values; formWithErrors?: string } = {},
  status = 200,
) {
  const signal = await getSignal(req.ctx, id);
  const national = signal.holder === null;
  return reply.page(
    req.t('sig.detail.title', { reference: signal.reference }),
    h(SignalPage, {
      page: reply.pageContext(),
      view: {
        signal,
        assignees: national ? [] : await assignees(req.ctx),
        national,
        municipalities: national ? await municipalities(req) : [],
        saved: savedOf(req),
        errors: extra.errors ?? {},
        values: extra.values ?? {},
        formWithErrors: extra.formWithErrors,
      },
    }),
    status,
  );
}

/** A POST on a signal: run it, redirect with a note of what was saved, or show the errors beside the form. */
function signalAction(
  app: FastifyInstance,
  path: string,
  form: string,
  run: (req: FastifyRequest) => Promise<unknown>,
  access: 'authenticated' | 'signals.national-queue' = 'authenticated',
) {
  app.post(`/signalen/:id/${path}`, { config: { access } }, async (req, reply) => {
    const id = idOf(req);
    try {
      await run(req);
      return reply.redirect(`/signalen/${id}?opgeslagen=${form}`, 303);
    } catch (error) {
      if (!isValidation(error)) throw error;
      return showSignal(
        req,
        reply,
        id,
        { errors: errorsOf(req.t, error.issues), values: values(req), formWithErrors: form },
        400,
      );
    }
  });
}

function queueQuery(req: FastifyRequest): { query: QueueQuery; raw: Record<string, string> } {
  const q = req.query as Record<string, unknown>;
  const status = isOneOf([...STATUSES, 'alle'] as const, q.status) ? q.status : undefined;
  const form = isOneOf(FORMS, q.form) ? q.form : undefined;
  const urgency = isOneOf(['acuut', 'minderjarigen'] as const, q.urgency) ? q.urgency : undefined;
  const mine = q.mine === '1';
  const raw: Record<string, string> = {};
  if (status) raw.status = status;
  if (form) raw.form = form;
  if (urgency) raw.urgency = urgency;
  if (mine) raw.mine = '1';
  return { query: { status, form, urgency, assignedToMe: mine }, raw };
}

export function signalPageRoutes(app: FastifyInstance): void {
  app.get('/signalen/nieuw', { config: { access: 'signals.report' } }, async (req, reply) => {
    const actor = req.ctx.actor;
    const organisation =
      actor.kind === 'user' && actor.organisationId
        ? await findOrganisation(req.ctx.db, actor.organisationId)
        : undefined;
    return showIntake(req, reply, { municipalityCode: organisation?.municipalityCode ?? '' }, {});
  });

  app.post('/signalen/nieuw', { config: { access: 'signals.report' } }, async (req, reply) => {
    const form = values(req);
    const { input, errors, rename } = await readIntake(req);
    const token = field(req, 'token');
    if (!isUuid(token))
      return showIntake(
        req,
        reply,
        { ...form, token: '' },
        { narrative: req.t('sig.error.form-expired') },
        400,
      );
    try {
      if (Object.keys(errors).length) return await showIntake(req, reply, form, errors, 400);
      const result = await reportSignal(req.ctx, input, `form:${token}`);
      return reply.redirect(`/mijn-signalen/${result.id}?opgeslagen=reported`, 303);
    } catch (error) {
      if (!isValidation(error)) throw error;
      return showIntake(req, reply, form, { ...errorsOf(req.t, error.issues, rename), ...errors }, 400);
    }
  });

  const queue = (national: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
    const { query, raw } = queueQuery(req);
    const signals = await listQueue(req.ctx, query);
    return reply.page(
      req.t(national ? 'sig.national.title' : 'sig.queue.title'),
      h(QueuePage, {
        page: reply.pageContext(),
        view: { national, signals, query: raw, saved: savedOf(req) },
      }),
    );
  };
  app.get('/signalen', { config: { access: 'signals.triage' } }, queue(false));
  app.get('/landelijke-wachtrij', { config: { access: 'signals.national-queue' } }, queue(true));

  app.get('/signalen/:id', { config: { access: 'authenticated' } }, async (req, reply) =>
    showSignal(req, reply, idOf(req)),
  );

  signalAction(app, 'toewijzing', 'assign', (req) =>
    assign(req.ctx, idOf(req), field(req, 'userId') || null),
  );
  signalAction(app, 'notities', 'note', (req) => addNote(req.ctx, idOf(req), field(req, 'note')));
  signalAction(app, 'besluit', 'decide', async (req) => {
    const decision = field(req, 'decision');
    if (decision !== 'monitoren' && decision !== 'afgesloten')
      throw new DomainError('validation-failed', 'decision', [
        { field: 'decision', rule: 'required', message: 'Choose a decision' },
      ]);
    return decideSignal(req.ctx, idOf(req), {
      decision,
      reason: field(req, 'reason'),
      reviewOn: field(req, 'reviewOn') || undefined,
    });
  });
  signalAction(app, 'heropening', 'reopen', (req) => reopen(req.ctx, idOf(req), field(req, 'reason')));
  signalAction(app, 'koppelingen', 'link', (req) => linkSignals(req.ctx, idOf(req), field(req, 'relatedId')));
  signalAction(app, 'samenvoegingen', 'merge', (req) =>
    mergeSignal(req.ctx, idOf(req), field(req, 'duplicateId'), field(req, 'reason')),
  );
  signalAction(app, 'berichten', 'message', (req) => messageReporter(req.ctx, idOf(req), field(req, 'body')));
  app.post(
    '/signalen/:id/routering',
    { config: { access: 'signals.national-queue' } },
    async (req, reply) => {
      try {
        await routeToMunicipality(req.ctx, idOf(req), field(req, 'municipalityCode'));
        return reply.redirect('/landelijke-wachtrij?opgeslagen=routed', 303);
      } catch (error) {
        if (!isValidation(error)) throw error;
        return showSignal(
          req,
          reply,
          idOf(req),
          { errors: errorsOf(req.t, error.issues), values: values(req), formWithErrors: 'route' },
          400,
        );
      }
    },
  );

  const showForward = async (
    req: FastifyRequest,
    reply: FastifyReply,
    v: Values,
    errors: Errors,
    status = 200,
  ) => {
    const signal = await getSignal(req.ctx, idOf(req));
    const chosen = fields(req, 'categories').filter((c): c is SignalCategory =>
      isOneOf(SIGNAL_CATEGORIES, c),
    );
    const options = await recipientOptions(req.ctx, signal.id, chosen.length ? chosen : SIGNAL_CATEGORIES);
    return reply.page(
      req.t('sig.forward.title', { reference: signal.reference }),
      h(ForwardPage, { page: reply.pageContext(), view: { signal, options, values: v, errors } }),
      status,
    );
  };
  app.get('/signalen/:id/doorzetten', { config: { access: 'signals.triage' } }, (req, reply) =>
    showForward(req, reply, {}, {}),
  );
  app.post('/signalen/:id/doorzetten', { config: { access: 'signals.triage' } }, async (req, reply) => {
    const body = values(req);
    const recipients = Object.entries(body)
      .filter(([name, value]) => name.startsWith('purpose.') && typeof value === 'string' && value !== '')
      .map(([name, value]) => ({ organisationId: name.slice('purpose.'.length), purpose: value as string }));
    try {
      await forwardSignal(req.ctx, idOf(req), {
        recipients,
        categories: fields(req, 'categories'),
        reason: field(req, 'reason'),
      });
      return reply.redirect(`/signalen/${idOf(req)}?opgeslagen=forwarded`, 303);
    } catch (error) {
      if (!isValidation(error)) throw error;
      const rename = (name: string) => {
        const m = /^\/recipients\/(\d+)/.exec(name);
        return m ? `purpose.${recipients[Number(m[1])]?.organisationId ?? ''}` : pageField(name);
      };
      const errors = errorsOf(req.t, error.issues, rename);
      // A refusal by the sharing rules keeps the rule's own explanation.
      for (const issue of error.issues) {
        const m = /^\/recipients\/(\d+)$/.exec(issue.field);
        if (m)
          errors[`purpose.${recipients[Number(m[1])]?.organisationId ?? ''}`] = req.t('sig.forward.refused', {
            reason: issue.message,
          });
      }
      return showForward(req, reply, body, errors, error.code === 'forbidden' ? 403 : 400);
    }
  });
}
