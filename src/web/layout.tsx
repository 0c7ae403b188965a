// The page frame: skip link, header with the organisation and language switch, the role's menu, main, footer.
import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import type { ResolvedSession } from '../auth/session.js';
import { LANGUAGE_NAMES, PUBLIC_LANGUAGES, type Lang, type PublicLang, type T } from './i18n.js';
import { navFor } from './nav.js';

export interface PageContext {
  lang: Lang;
  t: T;
  path: string;
  csrf: string;
  session: ResolvedSession | null;
  /** Pages for the public: the language chosen of six (`t` speaks it); the header offers all six. */
  publicLang?: PublicLang;
  /** False leaves the language menu out, where following it would lose what the page shows only once. */
  languageMenu?: boolean;
}

function withLanguage(path: string, lang: PublicLang): string {
  // A provider's callback carries one-time code and state: switching language there goes back to the login page.
  const url = new URL(path.startsWith('/inloggen/oidc/') ? '/inloggen' : path, 'http://x');
  url.searchParams.set('taal', lang);
  return `${url.pathname}${url.search}`;
}

function Header({ page }: { page: PageContext }) {
  const { t, session, lang } = page;
  const other: Lang = lang === 'nl' ? 'en' : 'nl';
  const complete = session?.stage === 'complete';
  return (
    <header class="utrecht-page-header app-header">
      <div class="app-header__inner">
        <a class="app-logo" href="/">
          <span class="app-logo__mark" aria-hidden="true">
            ⟡
          </span>{' '}
          {t('app.name')}
        </a>
        <div class="app-header__tools">
          {session && (
            <span class="app-header__user">
              {t('layout.loggedInAs', { name: session.actor.displayName })}
              {complete && session.actor.organisationName && (
                <>
                  {' · '}
                  {t('layout.actingFor', { organisation: session.actor.organisationName })}
                  {session.organisations.length > 1 && (
                    <>
                      {' · '}
                      <a class="utrecht-link utrecht-link--html-a" href="/organisatie-kiezen">
                        {t('layout.switchOrganisation')}
                      </a>
                    </>
                  )}
                </>
              )}
            </span>
          )}
          {!page.publicLang && (
            <a
              class="utrecht-link utrecht-link--html-a"
              href={withLanguage(page.path, other)}
              lang={other}
              hrefLang={other}
            >
              {t('layout.switchLanguage')}
            </a>
          )}
          {session ? (
            <form method="post" action="/uitloggen" class="app-inline-form">
              <input type="hidden" name="_csrf" value={page.csrf} />
              <button type="submit" class="utrecht-button utrecht-button--subtle-action">
                {t('layout.logout')}
              </button>
            </form>
          ) : (
            <a class="utrecht-link utrecht-link--html-a" href="/inloggen">
              {t('layout.login')}
            </a>
          )}
        </div>
      </div>
      {page.publicLang && page.languageMenu !== false && (
        <LanguageMenu page={page} current={page.publicLang} />
      )}
      {session && (
        <nav class="app-nav" aria-label={t('layout.nav')}>
          <ul class="app-nav__list">
            {navFor(session.actor, complete).map((item) => {
              const current = item.href === '/' ? page.path === '/' : page.path.startsWith(item.href);
              return (
                <li class="app-nav__item">
                  <a
                    class={`app-nav__link${current ? ' app-nav__link--current' : ''}`}
                    href={item.href}
                    aria-current={current ? 'page' : undefined}
                  >
                    {t(item.labelKey)}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
    </header>
  );
}

/** The six public languages, each by its own name and marked with its language for screen readers. */
function LanguageMenu({ page, current }: { page: PageContext; current: PublicLang }) {
  return (
    <nav class="app-languages" aria-label={page.t('layout.language')}>
      <ul class="app-languages__list">
        {PUBLIC_LANGUAGES.map((lang) => (
          <li class="app-languages__item">
            <a
              class="utrecht-link utrecht-link--html-a"
              href={withLanguage(page.path, lang)}
              lang={lang}
              hrefLang={lang}
              aria-current={lang === current ? 'true' : undefined}
            >
              {LANGUAGE_NAMES[lang]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function renderPage(page: PageContext, title: string, body: ComponentChildren): string {
  const html = render(
    <html lang={page.publicLang ?? page.lang} class="voorbeeld-theme">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${page.t('app.name')}`}</title>
        <link rel="stylesheet" href="/assets/fonts/noto-sans/400.css" />
        <link rel="stylesheet" href="/assets/fonts/noto-sans/700.css" />
        <link rel="stylesheet" href="/assets/fonts/noto-serif/700.css" />
        <link rel="stylesheet" href="/assets/voorbeeld/theme.css" />
        <link rel="stylesheet" href="/assets/utrecht/index.css" />
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body class="utrecht-root utrecht-document">
        <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
          {page.t('layout.skip')}
        </a>
        <Header page={page} />
        <main id="main" class="utrecht-page-content app-main" tabIndex={-1}>
          {body}
        </main>
        <footer class="utrecht-page-footer app-footer">
          <p class="utrecht-paragraph">{page.t('layout.footer')}</p>
        </footer>
      </body>
    </html>,
  );
  return `<!doctype html>\n${html}`;
}
