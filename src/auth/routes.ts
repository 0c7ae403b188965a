// Pages and API for logging in, the second factor, choosing the organisation, activation and logging out.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { DomainError } from '../errors.js';
import { field, localPath } from '../web/forms.js';
import { registerNav } from '../web/nav.js';
import './i18n.js';
import {
  AccountPage,
  ActivatePage,
  ChooseOrganisationPage,
  CodePage,
  EnrolPage,
  LoginPage,
} from './pages.js';
import * as auth from './service.js';
import { activateAccount } from './accounts.js';
import { sessionApiRoutes } from './session-api.js';
import { loginRateLimit, sessionId } from './http.js';
import { findUserById, listLoginProviders } from './store.js';
import { isDemoAccount } from './demo.js';
import type { LoginStep } from './service.js';

/** Where each login step continues; the identity-provider login (oidc-routes.ts) uses it too. */
export const STEP_PATH: Record<LoginStep, string> = {
  'second-factor': '/inloggen/code',
  'enrol-second-factor': '/inloggen/code-instellen',
  'choose-organisation': '/organisatie-kiezen',
  done: '/',
};

export function authRoutes(app: FastifyInstance): void {
  registerNav({ href: '/account', labelKey: 'nav.account', access: 'authenticated', order: 90 });

  const renderLogin = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { email?: string; error?: string; notice?: string },
    status = 200,
  ) => {
    const providers = await listLoginProviders(req.ctx.db);
    const back = localPath((req.query as Record<string, unknown>).terug, '');
    return reply.page(
      req.t('login.title'),
      h(LoginPage, { page: reply.pageContext(), providers, ...extra, ...(back ? { back } : {}) }),
      status,
    );
  };

  app.get('/inloggen', { config: { access: 'public' } }, async (req, reply) => {
    if (req.session?.stage === 'complete') return reply.redirect('/', 303);
    return renderLogin(req, reply, {});
  });

  app.post(
    '/inloggen',
    { config: { access: 'public', rateLimit: loginRateLimit(app) } },
    async (req, reply) => {
      const email = field(req, 'email');
      try {
        const result = await auth.passwordLogin(req.ctx, email, field(req, 'password', { trim: false }));
        reply.setSession(result.token);
        const back = localPath((req.query as Record<string, unknown>).terug);
        return reply.redirect(result.next === 'done' ? back : STEP_PATH[result.next], 303);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'login-failed') {
          return renderLogin(req, reply, { email, error: req.t('login.failed') }, 401);
        }
        throw error;
      }
    },
  );

  app.get('/inloggen/code', { config: { access: 'pending-second-factor' } }, async (req, reply) => {
    const email = req.session!.actor.email;
    const user = await findUserById(req.ctx.db, req.session!.actor.userId);
    if (!user?.totp_confirmed_at) return reply.redirect('/inloggen/code-instellen', 303);
    return reply.page(
      req.t('code.title'),
      h(CodePage, {
        page: reply.pageContext(),
        ...(isDemoAccount(req.ctx, email) ? { demoEmail: email } : {}),
      }),
    );
  });

  app.post(
    '/inloggen/code',
    { config: { access: 'pending-second-factor', rateLimit: loginRateLimit(app) } },
    async (req, reply) => {
      try {
        const result = await auth.verifySecondFactor(req.ctx, sessionId(req), field(req, 'code'));
        reply.setSession(result.token);
        return reply.redirect(STEP_PATH[result.next], 303);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'second-factor-invalid') {
          return reply.page(
            req.t('code.title'),
            h(CodePage, { page: reply.pageContext(), error: req.t('code.invalid') }),
            401,
          );
        }
        throw error;
      }
    },
  );

  app.get('/inloggen/code-instellen', { config: { access: 'pending-second-factor' } }, async (req, reply) => {
    const enrolment = await auth.startTotpEnrolment(req.ctx, sessionId(req));
    return reply.page(req.t('enrol.title'), h(EnrolPage, { page: reply.pageContext(), ...enrolment }));
  });

  app.post(
    '/inloggen/code-instellen',
    { config: { access: 'pending-second-factor', rateLimit: loginRateLimit(app) } },
    async (req, reply) => {
      try {
        const result = await auth.confirmTotpEnrolment(req.ctx, sessionId(req), field(req, 'code'));
        reply.setSession(result.token);
        return reply.redirect(STEP_PATH[result.next], 303);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'second-factor-invalid') {
          const enrolment = await auth.startTotpEnrolment(req.ctx, sessionId(req));
          return reply.page(
            req.t('enrol.title'),
            h(EnrolPage, { page: reply.pageContext(), ...enrolment, error: req.t('enrol.invalid') }),
            400,
          );
        }
        throw error;
      }
    },
  );

  app.get('/organisatie-kiezen', { config: { access: 'signed-in' } }, async (req, reply) => {
    return reply.page(
      req.t('choose.title'),
      h(ChooseOrganisationPage, { page: reply.pageContext(), organisations: req.session!.organisations }),
    );
  });

  app.post('/organisatie-kiezen', { config: { access: 'signed-in' } }, async (req, reply) => {
    try {
      const token = await auth.chooseOrganisation(req.ctx, sessionId(req), field(req, 'organisationId'));
      return reply.setSession(token).redirect('/', 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'validation-failed') {
        return reply.page(
          req.t('choose.title'),
          h(ChooseOrganisationPage, {
            page: reply.pageContext(),
            organisations: req.session!.organisations,
            error: req.t('choose.intro'),
          }),
          400,
        );
      }
      throw error;
    }
  });

  app.post('/uitloggen', { config: { access: 'public' } }, async (req, reply) => {
    if (req.session) await auth.logout(req.ctx, req.session.sessionId, false);
    reply.clearSession();
    return renderLogin(req, reply, { notice: req.t('logout.done') });
  });

  app.post('/uitloggen-overal', { config: { access: 'signed-in' } }, async (req, reply) => {
    await auth.logout(req.ctx, sessionId(req), true);
    reply.clearSession();
    return renderLogin(req, reply, { notice: req.t('logout.everywhereDone') });
  });

  app.get('/account', { config: { access: 'authenticated' } }, async (req, reply) => {
    return reply.page(req.t('account.title'), h(AccountPage, { page: reply.pageContext() }));
  });

  app.get('/activeren', { config: { access: 'public' } }, async (req, reply) => {
    return reply.page(
      req.t('activate.title'),
      h(ActivatePage, { page: reply.pageContext(), values: {}, errors: {} }),
    );
  });

  app.post(
    '/activeren',
    { config: { access: 'public', rateLimit: loginRateLimit(app) } },
    async (req, reply) => {
      const values = { email: field(req, 'email'), code: field(req, 'code') };
      const password = field(req, 'password', { trim: false });
      const errors: Record<string, string | undefined> = {};
      if (!values.email) errors.email = req.t('field.required');
      if (!values.code) errors.code = req.t('field.required');
      if (!password) errors.password = req.t('field.required');
      else if (password !== field(req, 'passwordAgain', { trim: false }))
        errors.passwordAgain = req.t('activate.mismatch');
      if (Object.values(errors).every((e) => !e)) {
        try {
          await activateAccount(req.ctx, { ...values, password });
          return reply.page(
            req.t('activate.title'),
            h(ActivatePage, { page: reply.pageContext(), values, errors, done: true }),
          );
        } catch (error) {
          if (!(error instanceof DomainError) || error.code !== 'validation-failed') throw error;
          for (const issue of error.issues) {
            errors[issue.field] =
              issue.field === 'password' ? req.t(`password.${issue.rule}`) : req.t('activate.invalid');
          }
        }
      }
      return reply.page(
        req.t('activate.title'),
        h(ActivatePage, { page: reply.pageContext(), values, errors }),
        400,
      );
    },
  );

  sessionApiRoutes(app);
}
