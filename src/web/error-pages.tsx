import type { ComponentChildren } from 'preact';
import type { T } from './i18n.js';
import type { Problem } from './problem.js';

/** The page for an error: what went wrong in the user's language, never a stack trace. */
export function errorPage(t: T, body: Problem): { title: string; content: ComponentChildren } {
  let title = t('error.generic.title');
  let text = body.detail;
  if (body.status >= 500) [title, text] = [t('error.server.title'), t('error.server.body')];
  else if (body.status === 404) [title, text] = [t('error.notFound.title'), t('error.notFound.body')];
  else if (body.status === 429) text = t('error.rateLimited');
  else if (body.code === 'csrf-invalid') text = t('error.csrf');
  else if (body.status === 403) [title, text] = [t('error.forbidden.title'), t('error.forbidden.body')];
  return {
    title,
    content: (
      <>
        <h1 class="utrecht-heading-1">{title}</h1>
        <p class="utrecht-paragraph">{text}</p>
      </>
    ),
  };
}
