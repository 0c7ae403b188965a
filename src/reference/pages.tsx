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
import type { Municipality, Region, RegionKind } from './store.js';
import { REGION_KINDS } from './store.js';

const Status = ({ page, tbc }: { page: PageContext; tbc: boolean }) => (
  <span class="app-badge">{page.t(tbc ? 'reference.toBeConfirmed' : 'reference.confirmed')}</span>
);

export interface ReferenceView {
  year: number;
  total: number;
  kind: RegionKind;
  region: Region | undefined;
  search: string;
  regions: Region[];
  /** Shown only when a region or a search narrows them down. */
  municipalities: Municipality[] | null;
  canManage: boolean;
}

export function ReferencePage({ page, view }: { page: PageContext; view: ReferenceView }) {
  const { t } = page;
  const { kind, region, canManage } = view;
  const regionHref = (r: Region) =>
    `/referentie?${new URLSearchParams({ soort: r.kind, regio: r.code }).toString()}`;
  return (
    <>
      <Heading>{t('reference.title')}</Heading>
      <Paragraph lead>{t('reference.intro', { count: view.total, year: view.year })}</Paragraph>
      <Paragraph>{t('reference.sources')}</Paragraph>
      <Form action="/referentie" method="get" csrf="" label={t('reference.filter')}>
        <div class="app-filters">
          <SelectField
            name="soort"
            label={t('reference.filterKind')}
            value={kind}
            options={REGION_KINDS.map((k) => ({ value: k, label: t(`reference.kind.${k}`) }))}
          />
          <TextField name="zoek" type="search" label={t('reference.search')} value={view.search} />
          <ButtonGroup>
            <Button variant="secondary">{t('reference.filter')}</Button>
          </ButtonGroup>
        </div>
      </Form>
      {view.municipalities && (
        <>
          <Heading level={2}>
            {region
              ? `${t(`reference.kind.${region.kind}`)} ${region.name}`
              : t('reference.searchResults', { search: view.search })}
          </Heading>
          {region && region.toBeConfirmed && <Paragraph>{t('reference.tbcNote')}</Paragraph>}
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
            rows={view.municipalities.map((m) => [
              m.code,
              canManage ? <Link href={`/referentie/gemeenten/${m.code}`}>{m.name}</Link> : m.name,
              m.policeUnit.name,
              m.riec.name,
              m.safetyRegion.name,
              m.careRegion.name,
            ])}
          />
          <Paragraph>
            <Link href={`/referentie?soort=${kind}`}>
              {t('reference.allRegions', { kind: t(`reference.kind.${kind}`) })}
            </Link>
          </Paragraph>
        </>
      )}
      <Heading level={2}>{t(`reference.kindPlural.${kind}`)}</Heading>
      <Table
        caption={t(`reference.kindPlural.${kind}`)}
        head={[
          t('reference.col.name'),
          t('reference.col.code'),
          t('reference.col.count'),
          t('reference.col.status'),
          ...(canManage && kind === 'zorgcoordinatie' ? [t('reference.edit')] : []),
        ]}
        rows={view.regions.map((r) => [
          <Link href={regionHref(r)}>{r.name}</Link>,
          r.code,
          String(r.municipalities),
          <Status page={page} tbc={r.toBeConfirmed} />,
          ...(canManage && kind === 'zorgcoordinatie'
            ? [<Link href={`/referentie/zorgregios/${r.code}`}>{t('reference.edit')}</Link>]
            : []),
        ])}
      />
      {canManage && kind === 'zorgcoordinatie' && (
        <Paragraph>
          <Link href="/referentie/zorgregios/nieuw">{t('reference.region.new')}</Link>
        </Paragraph>
      )}
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
