import {
  Alert,
  Button,
  ButtonGroup,
  CheckboxGroup,
  Form,
  Heading,
  Link,
  Paragraph,
  SelectField,
  Table,
  TextField,
} from '../web/components.js';
import type { PageContext } from '../web/layout.js';
import type { Municipality, Region } from './store.js';
import { REGION_KINDS } from './store.js';

const Status = ({ page, tbc }: { page: PageContext; tbc: boolean }) => (
  <span class="app-badge">{page.t(tbc ? 'reference.toBeConfirmed' : 'reference.confirmed')}</span>
);

export function ReferencePage({
  page,
  year,
  municipalities,
  regions,
  kind,
  canManage,
}: {
  page: PageContext;
  year: number;
  municipalities: Municipality[];
  regions: Region[];
  kind: string;
  canManage: boolean;
}) {
  const { t } = page;
  const shownRegions = kind ? regions.filter((r) => r.kind === kind) : regions;
  return (
    <>
      <Heading>{t('reference.title')}</Heading>
      <Paragraph lead>{t('reference.intro', { count: municipalities.length, year })}</Paragraph>
      <Paragraph>{t('reference.sources')}</Paragraph>
      <Form action="/referentie" method="get" csrf="" label={t('reference.filterKind')}>
        <div class="app-filters">
          <SelectField
            name="soort"
            label={t('reference.filterKind')}
            value={kind}
            options={[
              { value: '', label: t('reference.allKinds') },
              ...REGION_KINDS.map((k) => ({ value: k, label: t(`reference.kind.${k}`) })),
            ]}
          />
          <ButtonGroup>
            <Button variant="secondary">{t('reference.filter')}</Button>
          </ButtonGroup>
        </div>
      </Form>
      <Heading level={2}>{t('reference.regions')}</Heading>
      <Table
        caption={t('reference.regions')}
        head={[
          t('reference.col.kind'),
          t('reference.col.name'),
          t('reference.col.code'),
          t('reference.col.count'),
          t('reference.col.status'),
        ]}
        rows={shownRegions.map((r) => [
          t(`reference.kind.${r.kind}`),
          canManage && r.kind === 'zorgcoordinatie' ? (
            <Link href={`/referentie/zorgregios/${r.code}`}>{r.name}</Link>
          ) : (
            r.name
          ),
          r.code,
          String(r.municipalities),
          <Status page={page} tbc={r.toBeConfirmed} />,
        ])}
      />
      {canManage && (
        <Paragraph>
          <Link href="/referentie/zorgregios/nieuw">{t('reference.region.new')}</Link>
        </Paragraph>
      )}
      <Heading level={2}>{t('reference.municipalities')}</Heading>
      <Table
        caption={t('reference.municipalities')}
        head={[
          t('reference.col.code'),
          t('reference.col.name'),
          t('reference.col.policeUnit'),
          t('reference.col.riec'),
          t('reference.col.safetyRegion'),
          t('reference.col.careRegion'),
        ]}
        rows={municipalities.map((m) => [
          m.code,
          canManage ? <Link href={`/referentie/gemeenten/${m.code}`}>{m.name}</Link> : m.name,
          m.policeUnit.name,
          m.riec.name,
          m.safetyRegion.name,
          m.careRegion.name,
        ])}
      />
    </>
  );
}

export function MoveMunicipalityPage({
  page,
  municipality,
  regions,
  saved,
  error,
}: {
  page: PageContext;
  municipality: Municipality;
  regions: Region[];
  saved?: boolean;
  error?: string;
}) {
  const { t } = page;
  return (
    <div class="app-narrow">
      <Heading>{t('reference.move.title', { name: municipality.name })}</Heading>
      {saved && <Alert type="ok">{t('reference.move.saved')}</Alert>}
      <Form
        action={`/referentie/gemeenten/${municipality.code}`}
        csrf={page.csrf}
        label={t('reference.move.label')}
      >
        <SelectField
          name="careRegionCode"
          label={t('reference.move.label')}
          value={municipality.careRegion.code}
          error={error}
          options={regions.map((r) => ({ value: r.code, label: r.name }))}
        />
        <ButtonGroup>
          <Button>{t('common.save')}</Button>
        </ButtonGroup>
      </Form>
      <Paragraph>
        <Link href="/referentie">{t('common.back')}</Link>
      </Paragraph>
    </div>
  );
}

export function CareRegionPage({
  page,
  region,
  saved,
  errors,
  isNew,
}: {
  page: PageContext;
  region: { code: string; name: string; toBeConfirmed: boolean };
  saved?: boolean;
  errors: Record<string, string | undefined>;
  isNew: boolean;
}) {
  const { t } = page;
  return (
    <div class="app-narrow">
      <Heading>
        {isNew ? t('reference.region.new') : t('reference.region.title', { name: region.name })}
      </Heading>
      {saved && <Alert type="ok">{t('reference.region.saved')}</Alert>}
      <Form
        action={isNew ? '/referentie/zorgregios' : `/referentie/zorgregios/${region.code}`}
        csrf={page.csrf}
        label={t('reference.region.name')}
      >
        {isNew && (
          <TextField
            name="code"
            label={t('reference.region.code')}
            value={region.code}
            error={errors.code}
            required
          />
        )}
        <TextField
          name="name"
          label={t('reference.region.name')}
          value={region.name}
          error={errors.name}
          required
        />
        <CheckboxGroup
          name="confirmed"
          legend={t('reference.col.status')}
          options={[{ value: 'yes', label: t('reference.region.confirmed') }]}
          values={region.toBeConfirmed ? [] : ['yes']}
        />
        <ButtonGroup>
          <Button>{t('common.save')}</Button>
        </ButtonGroup>
      </Form>
      <Paragraph>
        <Link href="/referentie">{t('common.back')}</Link>
      </Paragraph>
    </div>
  );
}
