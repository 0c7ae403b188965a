import { Alert, Heading, Link, Paragraph } from '../web/components.js';
import type { PageContext } from '../web/layout.js';

/** Why a login through an identity provider ended without a session, and the way back to the login page. */
export function OidcFailedPage({
  page,
  title,
  message,
}: {
  page: PageContext;
  title: string;
  message: string;
}) {
  const { t } = page;
  return (
    <div class="app-narrow">
      <Heading>{title}</Heading>
      <Alert type="error">{message}</Alert>
      <Paragraph>
        <Link href="/inloggen">{t('oidc.backToLogin')}</Link>
      </Paragraph>
    </div>
  );
}
